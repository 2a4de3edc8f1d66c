import { resolve } from "node:path";
import type { SourceProblem } from "../../sources/types.js";
import { sortFindings, withDefaults } from "./scan-files.js";
import { scanGroup } from "./scan-group.js";
import { applySuppressions } from "./suppressions.js";
import type { ScanFinding, ScanOptions, ScanSuppression } from "./types.js";

/** Findings of in-memory files, what kept them from being read whole, and their suppressions. */
export interface ScanSourceResult {
  readonly findings: ScanFinding[];
  readonly problems: SourceProblem[];
  readonly suppressions: ScanSuppression[];
}

/** A file's text and the name it is reported by (its extension picks the syntax: `.ts`, `.tsx`, `.js`, …). */
export interface SourceText {
  readonly file: string;
  readonly code: string;
}

/**
 * Scans files held in memory (a pull request's new contents, an editor buffer) for Dynamic API calls, in
 * one program, each file on its own (`file` mode: imports are not followed, so nothing is read from disk).
 */
export const scanSources = (sources: readonly SourceText[], options: ScanOptions = {}): ScanSourceResult => {
  const settings = { ...withDefaults(options), mode: "file" as const };
  const byPath = new Map(sources.map((s) => [resolve(s.file), s]));
  const r = scanGroup(
    { config: undefined, files: [...byPath.keys()] },
    "file",
    settings,
    (f) => byPath.get(f)?.file ?? f,
    new Map([...byPath].map(([path, s]) => [path, s.code])),
  );
  const { findings, suppressions } = applySuppressions(sortFindings(r.findings), r.comments);
  return { findings: sortFindings(findings), problems: r.problems, suppressions };
};

/** Scans one file's text for Dynamic API calls, on its own (see {@link scanSources}). */
export const scanSource = (code: string, file: string, options: ScanOptions = {}): ScanSourceResult =>
  scanSources([{ file, code }], options);
