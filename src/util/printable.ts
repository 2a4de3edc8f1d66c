/**
 * Characters that must not reach a terminal, a PR comment or a workflow log raw: C0 and C1 controls,
 * DEL, bidirectional overrides and isolates, line and paragraph separators, zero-width no-break space.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

/** Longest text shown from a server's answer (a note, an id, an error message). */
export const MAX_SHOWN_TEXT = 200;

/**
 * Text from outside (a server's answer) made safe to print: unsafe characters as `\uXXXX`, cut at
 * `max` characters with `…`. Never throws.
 */
export const printable = (text: string, max: number = MAX_SHOWN_TEXT): string => {
  let cut = text;
  if (cut.length > max) {
    cut = cut.slice(0, max);
    // Do not leave half of a surrogate pair.
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    cut = `${cut}…`;
  }
  return cut.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
};

// Valid in JSON strings, but they reorder or hide text when the JSON is shown: written as escapes.
const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

/** `JSON.stringify(value, null, 2)` with bidirectional controls, separators and C1 controls escaped: still JSON. */
export const safeJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
