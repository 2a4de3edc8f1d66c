import type { SourceLocation } from "../sources/types.js";
import type { Safe, SafeFormat } from "./safe.js";

/** Renders a location as `file:line:column`, `file:line` or `file $.path`, with `(×n)` for folded calls. */
export const formatLocation = (s: SourceLocation | undefined): string => {
  if (s === undefined) return "";
  const times = s.occurrences === undefined ? "" : ` (×${s.occurrences})`;
  if (s.line === undefined) return `${s.file}${s.path === undefined ? "" : ` ${s.path}`}${times}`;
  return `${s.file}:${s.line}${s.column === undefined ? "" : `:${s.column}`}${times}`;
};

/** A call as written, with the SDK operation it was written as: `UsersApi.getUser (GET /users/{userId})`. */
export const shownCall = (call: string, source: SourceLocation | undefined): string =>
  source?.operation ? `${source.operation} (${call})` : call;

/** The note a source carries, as ` (note)`, or nothing. */
export const noteOf = (source: SourceLocation | undefined): string => (source?.note ? ` (${source.note})` : "");

/** A token of a token list, named by its id (or its place in the list) and note, both input: `token t1 (ci)`. */
export const tokenName = <F extends string>(
  t: { readonly id?: string; readonly note?: string },
  i: number,
  f: SafeFormat<F>,
  capital = false,
): Safe<F> => f`${capital ? f`Token` : f`token`} ${t.id ?? f`#${i + 1}`}${t.note ? f` (${t.note})` : ""}`;
