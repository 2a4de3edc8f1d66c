import type { Compiled } from "../../catalog/compiled.js";
import { PLAIN_PATH_CHAR, PLAIN_QUERY } from "../../catalog/route-pattern.js";

const SLASH = 47;
// One anchored native scan beats a JavaScript loop over every character.
const PLAIN_URL = new RegExp(`^${PLAIN_PATH_CHAR}*${PLAIN_QUERY}$`);

/** @internal The path of a URL: `[start, limit)`, before any query or fragment. */
export interface PlainPath {
  readonly start: number;
  readonly limit: number;
  /** End of the path without one trailing slash. */
  readonly end: number;
  /** True when a host other than the catalog's own base URLs comes first: only the full scan checks its authority. */
  readonly foreignHost: boolean;
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

// The last character first: a cheap filter before indexOf, which would scan on past `at`.
const hasPrefixAt = (url: string, prefix: string, at: number): boolean =>
  url.charCodeAt(at + prefix.length - 1) === prefix.charCodeAt(prefix.length - 1) &&
  url.startsWith(prefix, at) &&
  isBoundary(url, at + prefix.length);

/** @internal True when the URL needs only the plain rules: no escapes, `;`, `\\`, controls, spaces, non-ASCII. */
export const isPlainUrl = (url: string): boolean => PLAIN_URL.test(url);

/**
 * @internal Finds the path of a URL: after one of the catalog's base URLs, or any
 * http(s) origin, and its base path. Undefined when there is none (an absolute URL
 * outside the base path, a relative path without "/"): the careful path decides. It
 * checks no character; {@link isPlainUrl} or a route pattern does. Empty and dot
 * segments are left to {@link hasOddSegment} and the walks, which look only where needed.
 */
export const locatePath = (catalog: Compiled<string>, url: string): PlainPath | undefined => {
  let start = 0;
  let based = false;
  let foreignHost = false;
  if (url.charCodeAt(0) !== SLASH) {
    // The catalog's own base URLs first: one native compare instead of reading the authority.
    for (let i = 0; !based && i < catalog.plainBaseUrls.length; i++) {
      const base = catalog.plainBaseUrls[i] as string;
      if (hasPrefixAt(url, base, 0)) {
        start = base.length;
        based = true;
      }
    }
    if (!based && (start = hasOrigin(url)) === -1) return undefined;
    foreignHost = !based;
  }
  for (let i = 0; !based && i < catalog.basePaths.length; i++) {
    const prefix = catalog.basePaths[i] as string;
    if (hasPrefixAt(url, prefix, start)) {
      start += prefix.length;
      based = true;
    }
  }
  if (!based && start !== 0) return undefined; // absolute URLs must be under the base path
  const query = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  const limit = query === -1 ? (hash === -1 ? url.length : hash) : hash === -1 || query < hash ? query : hash;
  if (start === limit) return { start, limit, end: limit, foreignHost };
  if (url.charCodeAt(start) !== SLASH) return undefined;
  return {
    start,
    limit,
    end: limit - start > 1 && url.charCodeAt(limit - 1) === SLASH ? limit - 1 : limit,
    foreignHost,
  };
};

/** @internal True when the path has an empty (`//`) or dot (`.`, `..`) segment: only the careful path judges those. */
export const hasOddSegment = (url: string, { start, limit }: PlainPath): boolean => {
  const empty = url.indexOf("//", start);
  if (empty !== -1 && empty < limit) return true;
  const dot = url.indexOf("/.", start);
  return dot !== -1 && dot < limit;
};
