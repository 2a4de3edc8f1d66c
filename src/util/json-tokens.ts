// The tokens of JSON as JSON.parse reads them (RFC 8259), for readers that check every character.

/** A string's body after its opening quote: plain characters and valid escapes, up to the closing quote. */
export const STRING_BODY = /[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*/y;
/** A number: no leading zeros, no bare dot, no `+` sign. */
export const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** What may still be a number's tail, when the text so far ends inside one. */
export const NUMBER_TAIL = /^[0-9eE+.-]*$/;
export const LITERALS: Readonly<Record<number, readonly [string, unknown]>> = {
  116: ["true", true],
  102: ["false", false],
  110: ["null", null],
};

/** A character as an error message shows it. */
export const shown = (c: number): string =>
  c < 32 || c > 126 ? `U+${c.toString(16).padStart(4, "0")}` : `'${String.fromCharCode(c)}'`;
