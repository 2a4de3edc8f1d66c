import type { Catalog } from "../catalog/compile-catalog.js";

const SLASH = 47;
// Native scans (a regex, a few indexOf) beat a JavaScript loop over every character.
// In the path: controls, spaces, DEL, non-ASCII, "%", ";" and "\\" need the careful path.
const PATH_UNUSUAL = /[^\x21-\x24\x26-\x3a\x3c-\x5b\x5d-\x7e]/;
// In the query and fragment: controls, spaces, DEL, non-ASCII and "\\".
const TAIL_UNUSUAL = /[^\x21-\x5b\x5d-\x7e]/;

/** @internal The path of a plain URL: `[start, limit)`, before any query or fragment. */
export interface PlainPath {
  readonly start: number;
  readonly limit: number;
  /** End of the path without one trailing slash. */
  readonly end: number;
}

const hasOrigin = (url: string): number => {
  const scheme = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
  if (scheme === -1) return -1;
  const slash = url.indexOf("/", scheme);
  if (slash <= scheme) return -1;
  // "?", "#" or "@" in the authority (a path-less URL, userinfo) and anything unusual: careful path.
  for (let k = scheme; k < slash; k++) {
    const c = url.charCodeAt(k);
    if (c === 63 || c === 35 || c === 64 || c === 92 || c < 0x21 || c > 0x7e) return -1;
  }
  return slash;
};

const isBoundary = (url: string, i: number): boolean => {
  if (i >= url.length) return true;
  const c = url.charCodeAt(i);
  return c === SLASH || c === 63 || c === 35;
};

/**
 * @internal Finds the path of a URL that needs no rule beyond the plain ones: no
 * escapes, `;`, backslashes, controls, spaces or non-ASCII, under the base path if
 * absolute. Anything else is `undefined`: the careful path decides. Empty and dot
 * segments are left to {@link hasOddSegment} and the walk, which look only where needed.
 */
export const scanPlainPath = (catalog: Catalog<string>, url: string): PlainPath | undefined => {
  let start = 0;
  if (url.charCodeAt(0) !== SLASH && (start = hasOrigin(url)) === -1) return undefined;
  let based = false;
  for (const prefix of catalog._basePaths) {
    if (url.startsWith(prefix, start) && isBoundary(url, start + prefix.length)) {
      start += prefix.length;
      based = true;
      break;
    }
  }
  if (!based && start !== 0) return undefined; // absolute URLs must be under the base path
  const query = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  const limit = query === -1 ? (hash === -1 ? url.length : hash) : hash === -1 || query < hash ? query : hash;
  // The origin and base path were checked above, so testing from 0 is safe and spares a slice.
  if (limit === url.length ? PATH_UNUSUAL.test(url) : PATH_UNUSUAL.test(url.slice(0, limit)) || TAIL_UNUSUAL.test(url.slice(limit))) return undefined;
  if (start === limit) return { start, limit, end: limit };
  if (url.charCodeAt(start) !== SLASH) return undefined;
  return { start, limit, end: limit - start > 1 && url.charCodeAt(limit - 1) === SLASH ? limit - 1 : limit };
};

/** @internal True when the path has an empty (`//`) or dot (`.`, `..`) segment, which only the careful path may judge. */
export const hasOddSegment = (url: string, { start, limit }: PlainPath): boolean => {
  const empty = url.indexOf("//", start);
  if (empty !== -1 && empty < limit) return true;
  const dot = url.indexOf("/.", start);
  return dot !== -1 && dot < limit;
};
