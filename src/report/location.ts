import type { SourceLocation } from "../sources/types.js";

/** Renders a location as `file:line:column`, `file:line` or `file $.path`, with `(×n)` for folded calls. */
export const formatLocation = (s: SourceLocation | undefined): string => {
  if (s === undefined) return "";
  const times = s.occurrences === undefined ? "" : ` (×${s.occurrences})`;
  if (s.line === undefined) return `${`${s.file} ${s.path ?? ""}`.trim()}${times}`;
  return `${s.file}:${s.line}${s.column === undefined ? "" : `:${s.column}`}${times}`;
};

/** A call as written, with the SDK operation it was written as: `UsersApi.getUser (GET /users/{userId})`. */
export const shownCall = (call: string, source: SourceLocation | undefined): string =>
  source?.operation ? `${source.operation} (${call})` : call;

/** The note a source carries, as ` (note)`, or nothing. */
export const noteOf = (source: SourceLocation | undefined): string => (source?.note ? ` (${source.note})` : "");
