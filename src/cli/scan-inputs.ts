import type { Calculator } from "../api/calculator.js";
import type { ScanSummary, SourceProblem, SourcedCall } from "../sources/types.js";

/** Scans source files and folders: the calls found, what could not be classified (a problem), and a summary. */
export const scanInputs = async (
  paths: readonly string[],
  options: { readonly calc: Calculator<string>; readonly baseUrls: readonly string[]; readonly shown?: string },
): Promise<{ calls: SourcedCall[]; problems: SourceProblem[]; summary: ScanSummary }> => {
  const [{ scanFiles }, { scanReportInput }] = await Promise.all([
    import("../node/scan/scan-files.js"),
    import("../node/scan/report-parts.js"),
  ]);
  const { calc } = options;
  const r = await scanFiles(paths, {
    baseUrls: [...calc.catalog.baseUrls, ...options.baseUrls],
    requiredScopes: calc.requiredScopes,
  });
  const read = scanReportInput(r, options.shown ?? paths.join(" "));
  return { calls: read.calls, problems: read.problems, summary: read.inputs[0] };
};
