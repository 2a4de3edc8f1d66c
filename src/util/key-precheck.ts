import { MAX_JSON_DEPTH } from "./parse-json.js";

/** `:` in `s`, counted by the engine's search rather than a loop over characters. */
const colons = (s: string): number => {
  let n = 0;
  for (let at = s.indexOf(":"); at !== -1; at = s.indexOf(":", at + 1)) n++;
  return n;
};

/** Keys in `value` plus the colons in its strings (keys and values); -1 past the depth cap. */
const colonsOf = (value: unknown, depth: number): number => {
  if (typeof value === "string") return colons(value);
  if (typeof value !== "object" || value === null) return 0;
  if (depth > MAX_JSON_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const m = colonsOf(item, depth + 1);
      if (m === -1) return -1;
      n += m;
    }
    return n;
  }
  for (const key in value) {
    const m = colonsOf((value as Record<string, unknown>)[key], depth + 1);
    if (m === -1) return -1;
    n += 1 + colons(key) + m;
  }
  return n;
};

/**
 * Whether the JSON `text`, which `JSON.parse` read as `value`, may give a key twice in one object: cheap, and
 * a no is never wrong. Every key in the text is followed by one `:`, and other colons are in strings; so the
 * text has as many colons as `value` has keys and colons in its strings unless a key was given twice (its
 * first value dropped), or an escaped colon (`\u003a`) makes a colon in a string that the text does not show.
 */
export const mayRepeatKeys = (text: string, value: unknown): boolean => {
  if (text.includes("\\u003") && /\\u003a/i.test(text)) return true;
  const expected = colonsOf(value, 0);
  return expected === -1 || colons(text) > expected;
};
