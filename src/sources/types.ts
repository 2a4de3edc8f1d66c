import type { CallInput } from "../matcher/read-call.js";

/** Where a call was found: a file with line (and column), or with a JSON path. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** JSON path, for items of a JSON document without a line. */
  readonly path?: string;
  /** The SDK operation the call was written as, e.g. `UsersApi.getUser`. */
  readonly operation?: string;
  /** Why the call reads as it does, e.g. an SDK operation name the SDK lacks. */
  readonly note?: string;
  /** How many input items folded into this call (logs keep one call per endpoint); first location shown. */
  readonly occurrences?: number;
}

/** A call read from a source, with where it came from. */
export interface SourcedCall {
  readonly call: CallInput;
  readonly source: SourceLocation;
}

/** An input item that could not be read as a call: reported with its place, never fatal. */
export interface SourceProblem {
  readonly source: SourceLocation;
  /** Machine-readable kind, e.g. `bad-entry`, `bad-log-line`, `unclassified`. */
  readonly code: string;
  readonly message: string;
}

/** Renders a location as `file:line:column`, `file:line` or `file $.path`. */
export const formatLocation = (s: SourceLocation | undefined): string => {
  if (s === undefined) return "";
  const times = s.occurrences === undefined ? "" : ` (×${s.occurrences})`;
  if (s.line === undefined) return `${`${s.file} ${s.path ?? ""}`.trim()}${times}`;
  return `${s.file}:${s.line}${s.column === undefined ? "" : `:${s.column}`}${times}`;
};
