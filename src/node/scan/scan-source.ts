import { resolve } from "node:path";
import type { SourceProblem } from "../../sources/types.js";
import { sortFindings, withDefaults } from "./scan-files.js";
import { scanGroup } from "./scan-group.js";
import { applySuppressions } from "./suppressions.js";
import type { ScanFinding, ScanOptions, ScanSuppression } from "./types.js";

/** Findings of one file, what kept it from being read whole, and its suppressions. */
export interface ScanSourceResult {
  readonly findings: ScanFinding[];
  readonly problems: SourceProblem[];
  readonly suppressions: ScanSuppression[];
}

/**
 * Scans one file's text for Dynamic API calls, on its own (`file` mode: imports are not followed).
 * `file` names it in findings and picks the syntax (`.ts`, `.tsx`, `.js`, …).
 */
export const scanSource = (code: string, file: string, options: ScanOptions = {}): ScanSourceResult => {
  const settings = { ...withDefaults(options), mode: "file" as const };
  const path = resolve(file);
  const r = scanGroup(
    { config: undefined, files: [path] },
    "file",
    settings,
    (f) => (f === path ? file : f),
    new Map([[path, code]]),
  );
  const { findings, suppressions } = applySuppressions(sortFindings(r.findings), r.comments);
  return { findings: sortFindings(findings), problems: r.problems, suppressions };
};
