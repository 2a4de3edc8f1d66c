import type { Catalog } from "../catalog/compile-catalog.js";
import { PLAIN_PATH_CHAR, PLAIN_QUERY } from "../catalog/route-pattern.js";

const SLASH = 47;
// One anchored native scan beats a JavaScript loop over every character.
const PLAIN_URL = new RegExp(`^${PLAIN_PATH_CHAR}*${PLAIN_QUERY}$`);

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
  // "?", "#" or "@" in the authority (a path-less URL, userinfo): careful path.
  for (let k = scheme; k < slash; k++) {
    const c = url.charCodeAt(k);
    if (c === 63 || c === 35 || c === 64) return -1;
  }
  return slash;
};

/** @internal True when `url[i]` ends a base URL or base path: a "/", "?", "#" or the end. */
export const isBoundary = (url: string, i: number): boolean => {
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
  if (!PLAIN_URL.test(url)) return undefined;
  let start = 0;
  let based = false;
  if (url.charCodeAt(0) !== SLASH) {
    // The catalog's own base URLs first: one native compare instead of reading the authority.
    for (const base of catalog._plainBaseUrls) {
      if (url.startsWith(base) && isBoundary(url, base.length)) {
        start = base.length;
        based = true;
        break;
      }
    }
    if (!based && (start = hasOrigin(url)) === -1) return undefined;
  }
  for (let i = 0; !based && i < catalog._basePaths.length; i++) {
    const prefix = catalog._basePaths[i] as string;
    if (url.startsWith(prefix, start) && isBoundary(url, start + prefix.length)) {
      start += prefix.length;
      based = true;
    }
  }
  if (!based && start !== 0) return undefined; // absolute URLs must be under the base path
  const query = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  const limit = query === -1 ? (hash === -1 ? url.length : hash) : hash === -1 || query < hash ? query : hash;
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
