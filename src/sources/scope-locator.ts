import { lineIndex } from "../util/line-index.js";
import type { SourceLocation } from "./types.js";

// Every JSON string literal in the text: a quote, then anything but a quote or a backslash, or an escape.
const STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * Where each scope name is first written in a token's JSON text: `"environment.users.read"` → its line and
 * column. One pass over the text indexes every string, so looking up each of a large token's scopes stays
 * linear in the file (searching the text per scope was quadratic).
 */
export const scopeLocator = (text: string, file: string): ((scope: string) => SourceLocation | undefined) => {
  let first: Map<string, number> | undefined;
  const index = (): Map<string, number> => {
    const found = new Map<string, number>();
    for (const m of text.matchAll(STRING)) {
      let value: unknown;
      try {
        value = JSON.parse(m[0]);
      } catch {
        continue;
      }
      if (typeof value === "string" && !found.has(value)) found.set(value, m.index);
    }
    return found;
  };
  let at: ReturnType<typeof lineIndex> | undefined;
  return (scope) => {
    const offset = (first ??= index()).get(scope);
    return offset === undefined ? undefined : { file, ...(at ??= lineIndex(text))(offset) };
  };
};
