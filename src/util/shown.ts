// How input is shown in a report or an error message: as inert text. Control characters (C0, DEL,
// C1), line and paragraph separators, bidi, invisible and default-ignorable characters (which a
// culture-aware comparison skips, so `#\ufe0f#[` could still read as `##[`), and lone surrogates
// are written as escapes (`\n`, `\u001b`, `\u{e0041}`), so input can neither end a line, erase
// one on a terminal, reorder what a reader sees, nor hide text. `##[`, the CI runner's legacy
// command prefix (honoured anywhere in a line), is written `##\u005b`.

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{DI}]|(?<=##)\[/gu;
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** One character as a `\u` escape: `\u001b`, or `\u{e0041}` past U+FFFF. */
export const unicodeEscape = (c: string): string => {
  const code = c.codePointAt(0) as number;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** `s` as inert text (see above); backslashes are left as they are. Idempotent. */
export const shown = (s: string): string => s.replace(UNSAFE, (c) => SHORT[c] ?? unicodeEscape(c));
