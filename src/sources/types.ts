export type { SourceLocation, SourcedCall } from "../matcher/sourced-call.js";
import type { SourceLocation, SourcedCall } from "../matcher/sourced-call.js";

/** An input item that could not be read as a call: reported with its place, never fatal. */
export interface SourceProblem {
  readonly source: SourceLocation;
  /** Machine-readable kind, e.g. `bad-entry`, `bad-log-line`, `unclassified`. */
  readonly code: string;
  readonly message: string;
}

/** Calls read from a source, the items that were not calls, and what the source held. */
export interface SourceRead<Summary> {
  readonly calls: SourcedCall[];
  readonly problems: SourceProblem[];
  readonly summary: Summary;
}

/** What a scan of source files held. */
export interface ScanSummary {
  readonly format: "scan";
  /** The paths scanned, as given. */
  readonly file: string;
  /** `project`: names resolved across the project's files; `file`: each file alone. */
  readonly mode: "project" | "file";
  readonly files: number;
  /** Named files that are not JS/TS (and links to devices or nowhere), so not scanned. */
  readonly skipped: readonly string[];
  /** Build output and dot folders not scanned: ignored by git (or, outside a repository, by name). */
  readonly passedOver?: readonly string[];
  readonly calls: number;
  readonly sdk: number;
  readonly url: number;
  readonly unclassified: number;
  /** Unclassified findings silenced by `scopewise-ignore-next-line: reason` comments. */
  readonly suppressed: number;
  /** Imports the scan could not follow (names from them are unknown), the first 100 listed. */
  readonly unresolved: number;
  readonly unresolvedImports?: readonly { readonly specifier: string; readonly source: SourceLocation }[];
}
