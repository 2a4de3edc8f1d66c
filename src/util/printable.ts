import { shown } from "./shown.js";

/** Longest text shown from a server's answer (a note, an id, an error message). */
export const MAX_SHOWN_TEXT = 200;

/**
 * Text from outside (a server's answer) made safe to print: shown inert (see `shown`: control, line
 * breaking, bidi and invisible characters as `\uXXXX`, `##[` neutralised), cut at `max` characters
 * with `…`. Never throws.
 */
export const printable = (text: string, max: number = MAX_SHOWN_TEXT): string => {
  let cut = text;
  if (cut.length > max) {
    cut = cut.slice(0, max);
    // Do not leave half of a surrogate pair.
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    cut = `${cut}…`;
  }
  return shown(cut);
};

// What JSON.stringify leaves raw but a terminal, a CI runner or a viewer may act on: DEL, C1, line
// and paragraph separators, bidi, format and default-ignorable characters, and the `[` of `##[`
// (a runner reads `##[command]` anywhere in a line). They only ever occur inside strings, where a
// `\u` escape is the same character: the data is unchanged. The line feeds are the indentation's.
const JSON_UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{DI}]|(?<=##)\[/gu;
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{DI}]/gu;
const escapeUnits = (c: string): string =>
  [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");

/**
 * `JSON.stringify(value, null, indent)` with no raw control, separator, bidi or invisible character: still JSON,
 * and a JavaScript string literal when `value` is a string.
 */
export const safeJson = (value: unknown, indent = 2): string =>
  JSON.stringify(value, null, indent).replace(JSON_UNSAFE, escapeUnits);

/** The distinct control, separator, bidi and invisible characters in `text` (those `safeJson` escapes), in order. */
export const hiddenCharacters = (text: string): string[] => [...new Set(text.match(HIDDEN))];
