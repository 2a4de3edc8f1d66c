import type { Calculator } from "../api/calculator.js";
import type { ScanSummary, SourceProblem, SourcedCall } from "../sources/types.js";

/** Scans source files and folders: the calls found, what could not be classified (a problem), and a summary. */
export const scanInputs = async (
  paths: readonly string[],
  options: { readonly calc: Calculator<string>; readonly baseUrls: readonly string[]; readonly shown?: string },
): Promise<{ calls: SourcedCall[]; problems: SourceProblem[]; summary: ScanSummary }> => {
  const { scanFiles } = await import("../node/scan/scan-files.js");
  const { calc } = options;
  const r = await scanFiles(paths, {
    baseUrls: [...calc.catalog.baseUrls, ...options.baseUrls],
    requiredScopes: calc.requiredScopes,
  });
  const found = r.findings.flatMap((f) => (f.kind === "call" ? [f] : []));
  const unclassified: SourceProblem[] = r.findings.flatMap((f) =>
    f.kind === "unclassified"
      ? [{ source: f.source, code: `unclassified:${f.code}`, message: `${f.text}: ${f.reason}` }]
      : [],
  );
  return {
    calls: found.map((f) => ({ call: f.call, source: f.source })),
    problems: [...r.problems, ...unclassified],
    summary: {
      format: "scan",
      file: options.shown ?? paths.join(" "),
      files: r.files,
      skipped: r.skipped,
      calls: found.length,
      sdk: found.filter((c) => c.via === "sdk").length,
      url: found.filter((c) => c.via === "url").length,
      unclassified: unclassified.length,
      mode: r.mode,
      suppressed: r.suppressions.reduce((n, s) => n + s.suppressed.length, 0),
      unresolved: r.unresolvedCount,
    },
  };
};
