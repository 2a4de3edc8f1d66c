import { InputError } from "../util/errors.js";
import { givenTwice, keyIssues } from "../util/json-keys.js";
import { mayRepeatKeys } from "../util/key-precheck.js";
import type { SourceProblem } from "./types.js";

// What a call object is read by (see readCall): its method, its url or path, and the href of either.
const CALL_KEYS = new Set(["method", "url", "path"]);
const TARGETS = new Set<unknown>(["url", "path"]);

const isRead = (path: readonly (string | number)[], key: string): boolean =>
  (path.length === 1 && CALL_KEYS.has(key)) || (path.length === 2 && TARGETS.has(path[1]) && key === "href");

/** Items of a calls array refused for a key given twice, and a problem for each. */
export interface RepeatedCalls {
  readonly items: ReadonlySet<number>;
  readonly problems: readonly SourceProblem[];
}

/**
 * The items of a JSON calls array (`text`, which `JSON.parse` read as `value`) that give a key a call is read
 * by twice (`{"method":"DELETE","method":"GET"}` reads as the GET, which another reader sees as the DELETE):
 * each a problem naming the key, its JSON path and line, never a call.
 */
export const repeatedCallKeys = (text: string, value: unknown, file: string): RepeatedCalls => {
  const items = new Set<number>();
  const problems: SourceProblem[] = [];
  // The exact check builds a tree of the whole text: only when the cheap one cannot clear it.
  if (!mayRepeatKeys(text, value)) return { items, problems };
  for (const issue of keyIssues(text, "duplicate-key", isRead)) {
    const item = /^\$\[(\d+)\]/.exec(issue.path)?.[1];
    if (item === undefined) throw new InputError("invalid-json", [issue], file);
    items.add(Number(item));
    const source = { file, path: `$[${item}]`, ...(issue.line === undefined ? {} : { line: issue.line }) };
    problems.push({ source, code: "duplicate-key", message: givenTwice(issue.path) });
  }
  return { items, problems };
};
