import type { Suppression } from "../../report/model.js";
import type { ScanSummary, SourcedCall, SourceProblem } from "../../sources/types.js";
import type { ScanResult } from "./types.js";

/** What a report of a scan shows besides the answer: the calls to plan or check, and the report's parts. */
export interface ScanReportInput {
  readonly calls: SourcedCall[];
  readonly inputs: [ScanSummary];
  /** Problems reading files, then the unclassified findings (`unclassified:<kind>`): each fails the run. */
  readonly problems: SourceProblem[];
  readonly suppressions: Suppression[];
}

/** A scan's result as report input: calls with their places, the summary line, problems, suppressions. */
export const scanReportInput = (r: ScanResult, paths: string): ScanReportInput => {
  const found = r.findings.flatMap((f) => (f.kind === "call" ? [f] : []));
  const unclassified: SourceProblem[] = r.findings.flatMap((f) =>
    f.kind === "unclassified"
      ? [{ source: f.source, code: `unclassified:${f.code}`, message: `${f.text}: ${f.reason}` }]
      : [],
  );
  const summary: ScanSummary = {
    format: "scan",
    file: paths,
    mode: r.mode,
    files: r.files,
    skipped: r.skipped,
    ...(r.passedOver.length > 0 ? { passedOver: r.passedOver } : {}),
    calls: found.length,
    sdk: found.filter((c) => c.via === "sdk").length,
    url: found.filter((c) => c.via === "url").length,
    unclassified: unclassified.length,
    suppressed: r.suppressions.reduce((n, s) => n + s.suppressed.length, 0),
    unresolved: r.unresolvedCount,
    ...(r.unresolved.length > 0 ? { unresolvedImports: r.unresolved } : {}),
  };
  return {
    calls: found.map((f) => ({ call: f.call, source: f.source })),
    inputs: [summary],
    problems: [...r.problems, ...unclassified],
    suppressions: r.suppressions.map((s) => ({
      source: s.source,
      reason: s.reason,
      silenced: s.suppressed.map((f) => `${f.text}${f.kind === "unclassified" ? `: ${f.reason}` : ""}`),
    })),
  };
};
