import type { Compiled, Route } from "../../catalog/compiled.js";
import type { MatchResult, NormalizedRequest } from "../result.js";
import { suggest } from "../suggest.js";
import { findUndocumented } from "../undocumented.js";
import { hasOddSegment, isPlainUrl, locatePath, type PlainPath } from "./locate.js";
import { guessedParams, walkGuess } from "./walk.js";

// The fast path. Its one contract: `fastMatch` answers exactly what the careful path
// (requiredScopesCareful) answers, or undefined to leave the call to it. It reads only plain URLs
// (no escapes, `;`, `\`, controls, spaces or non-ASCII: see catalog/route-pattern.ts) and leaves
// every other rule to the careful path. Property tests hold the two to the same answers.
//
// 1. Locate the path: after one of the catalog's base URLs or an http(s) origin, and its base path.
// 2. Walk: one loose walk of the method's trie (walk.ts) guesses the route and where its params lie.
// 3. Confirm: the route's own sticky pattern reads every character from the path on, natively; a
//    confirmed guess is the exact answer, since every exact match is also a guess match and the
//    walk tries literals before params, as the exact walk does.
// 4. Misses: a walk that finds nothing proves no route matches. The URL is checked whole, and the
//    other methods' tries (confirmed the same way) say whether the path has another method.

/** True when `route`'s pattern holds the URL from the path on: the guess was exact. */
const confirms = (route: Route<string>, url: string, path: PlainPath): boolean => {
  const pattern = route.pattern;
  if (pattern === undefined) return false;
  pattern.lastIndex = path.start;
  return pattern.test(url);
};

const requestOf = (method: string, url: string, path: PlainPath): NormalizedRequest => ({
  method,
  path: path.start === path.end ? "/" : url.slice(path.start, path.end),
});

/** Methods other than `method` whose routes hold the path; undefined when one of them needs the careful path. */
const otherMethods = <S extends string>(
  catalog: Compiled<S>,
  method: string,
  url: string,
  path: PlainPath,
): string[] | undefined => {
  const allowed: string[] = [];
  // One walk over all methods' routes settles most misses; only a hit there needs the per-method walks.
  const any = walkGuess(catalog.anyMethod, url, path.start, path.limit, 0);
  if (any === null) return undefined;
  if (any === undefined) return allowed;
  for (const other of catalog.methods) {
    if (other === method) continue;
    const found = walkGuess(catalog.tries.get(other)!, url, path.start, path.limit, 0);
    if (found === null || (found !== undefined && !confirms(found, url, path))) return undefined;
    if (found !== undefined) allowed.push(other);
  }
  return allowed;
};

/**
 * @internal The fast path for plain URLs (see above). Returns undefined whenever the careful
 * path must decide, so the two never answer differently.
 */
export const fastMatch = <S extends string>(
  catalog: Compiled<S>,
  method: string,
  url: string,
): MatchResult<S> | undefined => {
  const root = catalog.tries.get(method);
  if (root === undefined) return undefined;
  const path = locatePath(catalog, url);
  if (path === undefined) return undefined;
  const route = walkGuess(root, url, path.start, path.limit, 0);
  if (route === null) return undefined;
  // A route pattern reads from the path on; the authority of another host needs the whole URL read.
  if (path.foreignHost && !isPlainUrl(url)) return undefined;
  if (route !== undefined) {
    if (!confirms(route, url, path)) return undefined;
    return { status: "matched", anyOf: route.anyOf, endpoint: route.endpoint, params: guessedParams(route, url) };
  }
  // A miss: the walk may have stopped before a character, or an empty or dot segment, that makes the call invalid.
  if (!isPlainUrl(url) || hasOddSegment(url, path)) return undefined;
  const allowedMethods = otherMethods(catalog, method, url, path);
  if (allowedMethods === undefined) return undefined;
  const request = requestOf(method, url, path);
  // A plain path that passed the checks above splits exactly as the careful path would.
  const segments = request.path === "/" ? [] : request.path.slice(1).split("/");
  const undocumented = findUndocumented(catalog, method, segments);
  if (undocumented) return { status: "unknown", request, suggestions: [], undocumented };
  if (allowedMethods.length > 0) return { status: "method-not-allowed", allowedMethods, request };
  return { status: "unknown", request, suggestions: suggest(catalog, method, segments) };
};
