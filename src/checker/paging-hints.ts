/**
 * Signs that a token list answer is one page of several. The SDK's `TokensResponse` has only `tokens` and
 * `getTokens` sends no paging parameters, so nothing here is expected of Dynamic: any of them means the list
 * may be partial, and the audit fails closed rather than vouch for tokens it did not see.
 */

// Key stems that name paging wherever they appear in a key (`nextPageToken`, `HasMore`, `_links`, `@odata.nextLink`).
const STEMS = /next|more|page|pagin|cursor|total|offset|limit|link|continu|prev/i;
// Short words that name paging only as a whole word of the key (`count`, `item_count`, not `accountId`).
const WORDS = new Set(["count", "skip", "after", "before", "remaining"]);
// Headers: the same, less what every API sends (RateLimit-Limit, X-RateLimit-Remaining, Retry-After).
const HEADER_STEMS = /next|more|page|pagin|cursor|total|offset|continu|prev/i;
const NOT_PAGING_HEADER = /rate-?limit|retry-after/i;
/** Nesting followed outside the token list; deeper content is itself a sign (nobody can rule paging out). */
const MAX_DEPTH = 8;
/** Hints listed at most; the last one counts the rest. */
const MAX_HINTS = 20;

const wordsOf = (key: string): string[] =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");

const namesPaging = (key: string, stems: RegExp): boolean => stems.test(key) || wordsOf(key).some((w) => WORDS.has(w));

/** A total of items (`total`, `totalCount`, `X-Total-Count`), not of pages: equal to the list, it proves it whole. */
const namesTotal = (key: string): boolean => {
  const words = wordsOf(key).join(" ");
  return /total|count/.test(words) && !/page/.test(words);
};

/** The value as a number when it is one or a numeric string; undefined otherwise. */
const numeric = (value: unknown): number | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
};

/** Says something: true, a non-empty string, any number (0 included), a non-empty array. */
const signals = (value: unknown): boolean =>
  value === true ||
  (typeof value === "string" && value.trim() !== "") ||
  typeof value === "number" ||
  (Array.isArray(value) && value.length > 0);

export const shown = (value: unknown): string => {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return typeof value;
  }
};

const pathOf = (path: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path === "" ? key : `${path}.${key}`) : `${path}[${shown(key)}]`;

const capped = (hints: string[]): string[] =>
  hints.length <= MAX_HINTS ? hints : [...hints.slice(0, MAX_HINTS - 1), `and ${hints.length - MAX_HINTS + 1} more`];

/** What a key naming paging and its value say, if anything: `label` names the key in the hint. */
const hintOf = (key: string, label: string, value: unknown, listed: number): string | undefined => {
  const n = numeric(value);
  if (n !== undefined && namesTotal(key))
    return n === listed ? undefined : `${label} says ${shown(value)} but the list has ${listed}`;
  return signals(value) ? `${label} is ${shown(value)}` : undefined;
};

/**
 * Signs of paging in a token list answer (parsed JSON, `tokens` holding `listed` entries): any key, at any
 * depth outside the `tokens` array, naming next, more, page, cursor, total, offset, limit, links (… in any
 * case) with a value that says something (true, a number, a non-empty string or array); a total that is not
 * the length of the list; an answer with no tokens at all (the token that asked is in some list).
 */
export const bodyPagingHints = (body: Readonly<Record<string, unknown>>, listed: number): string[] => {
  const hints: string[] = [];
  if (listed === 0)
    hints.push(
      "the answer lists no tokens, though the token that asked for the list is itself in one: " +
        "an empty list proves nothing",
    );
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value !== "object" || value === null) return;
    const entries = Array.isArray(value)
      ? value.map((v, i): [string, unknown] => [String(i), v])
      : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return;
    if (depth > MAX_DEPTH) {
      hints.push(`the answer nests deeper than ${MAX_DEPTH} levels at ${shown(path)}, where paging may hide`);
      return;
    }
    for (const [key, v] of entries) {
      if (depth === 0 && key === "tokens") continue;
      const at = Array.isArray(value) ? `${path}[${key}]` : pathOf(path, key);
      const before = hints.length;
      visit(v, at, depth + 1);
      if (Array.isArray(value) || !namesPaging(key, STEMS) || hints.length > before) continue;
      // A key naming paging: its value, or for an object nothing inside that says more, is the sign.
      const hint =
        typeof v === "object" && v !== null && !Array.isArray(v)
          ? Object.keys(v).length > 0
            ? `the answer has ${shown(at)}: ${shown(v)}`
            : undefined
          : hintOf(key, `the answer's ${shown(at)}`, v, listed);
      if (hint !== undefined) hints.push(hint);
    }
  };
  visit(body, "", 0);
  return capped(hints);
};

/**
 * Signs of paging in the answer's headers: a `Link` with a `next`, `last`, `prev`, `previous` or `first`
 * relation (outside its `<URI>`s), an item total (`X-Total-Count`, `X-Total`) that is not `listed`, any other
 * header naming paging (`X-Next-Cursor`, `X-Has-More`, `X-Page`, … not the rate limits) that says something,
 * a `Content-Range`, and a 206 Partial Content status.
 */
export const headerPagingHints = (
  headers: Iterable<readonly [string, string]>,
  listed: number,
  status = 200,
): string[] => {
  const hints: string[] = status === 206 ? ["Dynamic answered 206 Partial Content"] : [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === "link") {
      const rel = /\b(next|last|prev|previous|first)\b/i.exec(value.replace(/<[^>]*>/g, ""));
      if (rel) hints.push(`the answer has a Link header with rel="${rel[1]!.toLowerCase()}"`);
    } else if (lower === "content-range") hints.push(`the answer has a Content-Range header: ${shown(value)}`);
    else if (!NOT_PAGING_HEADER.test(lower) && namesPaging(lower, HEADER_STEMS)) {
      const hint = hintOf(lower, `the answer's ${name} header`, value, listed);
      if (hint !== undefined) hints.push(hint);
    }
  }
  return capped(hints);
};
