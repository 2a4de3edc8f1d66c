/** Shortest secret redacted at all; shorter values (a test's `x`) would shred ordinary text. */
const MIN_SECRET = 8;
/** Any run of this many characters of a secret is redacted too, so a server echoing half a token does not leak it. */
const WINDOW = 12;
/** Above this many windows per secret, one pass over the text with a set replaces one search per window. */
const MANY_WINDOWS = 64;
const MARK = "[redacted]";

/**
 * Characters a secret can be interleaved with and still be read: controls, format characters (zero-width
 * spaces, joiners, bidirectional controls, tags), separators, combining marks, default-ignorable code points,
 * and the backslash (what every escape begins with).
 */
const IGNORABLE = /^[\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}\\]$/u;

// What scopewise's own formats write for a character: JSON and printable (`\u001b`, `\n`), Markdown (`\|`),
// GitHub workflow commands (`%0A`, `%3A`), HTML (`&#96;`, `&amp;`).
const ESCAPE = new RegExp(
  [
    /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/.source,
    /\\([nrtbfv0ae])|\\([!-/:-@[-`{-~])/.source,
    /%([0-9a-fA-F]{2})/.source,
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/.source,
  ].join("|"),
  "y",
);
const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A character folded for comparison (compatibility forms, case), or "" when it is ignorable. */
const fold = (c: string): string => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code <= 0x20 || code === 0x7f || code === 0x5c ? "" : c.toLowerCase();
  if (IGNORABLE.test(c)) return "";
  return [...c.normalize("NFKC").toLowerCase()].filter((x) => !IGNORABLE.test(x)).join("");
};

const fromCode = (code: number): string => (code <= 0x10ffff ? String.fromCodePoint(code) : "");

/** The escape at `at` (its length and what it stands for), or undefined. */
const escapeAt = (text: string, at: number): { length: number; char: string } | undefined => {
  const first = text.charCodeAt(at);
  if (first !== 0x5c && first !== 0x25 && first !== 0x26) return undefined;
  ESCAPE.lastIndex = at;
  const m = ESCAPE.exec(text);
  if (m === null) return undefined;
  const [all, braced, u4, x2, letter, punct, percent, dec, hex, named] = m;
  let char: string;
  if (braced !== undefined) char = fromCode(parseInt(braced, 16));
  else if (u4 !== undefined) char = String.fromCharCode(parseInt(u4, 16));
  else if (x2 !== undefined) char = String.fromCharCode(parseInt(x2, 16));
  else if (letter !== undefined) char = "";
  else if (punct !== undefined) char = punct;
  else if (percent !== undefined) {
    const byte = parseInt(percent, 16);
    // %25, %3A, %2C are GitHub's escapes of `%`, `:` and `,`; a control or a UTF-8 byte is never part of a secret.
    if (byte === 0x25 || byte === 0x3a || byte === 0x2c) char = String.fromCharCode(byte);
    else if (byte < 0x20 || byte >= 0x7f) char = "";
    else return undefined;
  } else if (dec !== undefined) char = fromCode(Number(dec));
  else if (hex !== undefined) char = fromCode(parseInt(hex, 16));
  else char = ENTITY[named!]!;
  return { length: all.length, char };
};

/** `text` folded for comparison, and for each folded character the span of `text` it came from. */
const normalize = (text: string, escapes: boolean) => {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const escape = escapes ? escapeAt(text, i) : undefined;
    const cp = text.codePointAt(i)!;
    const length = escape?.length ?? (cp > 0xffff ? 2 : 1);
    for (const c of fold(escape?.char ?? String.fromCodePoint(cp))) {
      chars.push(c);
      from.push(i);
      to.push(i + length);
    }
    i += length;
  }
  return { text: chars.join(""), from, to };
};

/** The folded form of a secret: what `redact` looks for. */
const foldSecret = (secret: string): string => normalize(secret, false).text;

/** Start offsets in `text` of every occurrence of any of `pieces` (all of one length). */
const occurrences = (text: string, pieces: ReadonlySet<string>, length: number): number[] => {
  const found: number[] = [];
  if (pieces.size <= MANY_WINDOWS) {
    for (const piece of pieces)
      for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) found.push(at);
  } else {
    for (let at = 0; at + length <= text.length; at++) if (pieces.has(text.slice(at, at + length))) found.push(at);
  }
  return found;
};

interface Sought {
  readonly length: number;
  readonly pieces: ReadonlySet<string>;
}

/** What to look for: each secret's windows (or the whole of a short one), folded. */
const compile = (secrets: readonly string[]): Sought[] =>
  secrets.flatMap((raw) => {
    const secret = foldSecret(raw);
    if (secret.length < MIN_SECRET) return [];
    const length = Math.min(WINDOW, secret.length);
    const pieces = new Set<string>();
    for (let k = 0; k + length <= secret.length; k++) pieces.add(secret.slice(k, k + length));
    return [{ length, pieces }];
  });

const redactWith = (text: string, sought: readonly Sought[]): string => {
  if (sought.length === 0 || text.length < MIN_SECRET) return text;
  const norm = normalize(text, true);
  const spans: [number, number][] = [];
  for (const { length, pieces } of sought)
    for (const at of occurrences(norm.text, pieces, length)) spans.push([norm.from[at]!, norm.to[at + length - 1]!]);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let out = "";
  let done = 0;
  for (const [start, end] of merged) {
    out += text.slice(done, start) + MARK;
    done = end;
  }
  return out + text.slice(done);
};

/**
 * `text` with every secret, and every run of 12 or more of a secret's characters, replaced by `[redacted]`.
 * The comparison ignores case, compatibility forms (fullwidth letters) and any controls, format characters,
 * separators and combining marks interleaved (a zero-width space every few characters), and reads the escapes
 * scopewise's formats write (`\u0007`, `%0A`, `&amp;`) as what they stand for; the whole span from the first
 * character of a match to its last is redacted. The last line of defence: output is built without secrets, and
 * every string from a server is redacted as it is read; this catches what is left.
 */
export const redact = (text: string, secrets: readonly string[]): string => redactWith(text, compile(secrets));

/** Deeper than this, an answer is not read (a token list is 4 levels deep). */
const MAX_DEPTH = 64;

/**
 * A parsed JSON answer with `redact` applied to every string in it, keys included: what a server says
 * is scrubbed before anything reads it, however it is later escaped. Objects are rebuilt as own data
 * properties (a `__proto__` key stays a key). Throws a `RangeError` for an answer nested deeper than 64 levels.
 */
export const redactJson = (value: unknown, secrets: readonly string[]): unknown => {
  const sought = compile(secrets);
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return redactWith(v, sought);
    if (typeof v !== "object" || v === null) return v;
    if (depth >= MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactWith(k, sought), walk(x, depth + 1)]));
  };
  return walk(value, 0);
};
