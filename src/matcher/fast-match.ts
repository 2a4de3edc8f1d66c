import type { Compiled } from "../catalog/compiled.js";
import { hasOddSegment, isPlainUrl, locatePath, type PlainPath } from "./fast-scan.js";
import { walkPlain } from "./fast-walk.js";
import { guessMatch } from "./guess-route.js";
import { plainParams } from "./plain-params.js";
import type { MatchResult, NormalizedRequest } from "./result.js";
import { suggest } from "./suggest.js";
import { findUndocumented } from "./undocumented.js";

const requestOf = (method: string, url: string, path: PlainPath): NormalizedRequest => ({
  method,
  path: path.start === path.end ? "/" : url.slice(path.start, path.end),
});

/**
 * @internal The fast paths for plain URLs: a guessed route confirmed by its pattern,
 * else one native scan and one exact trie walk. Returns undefined whenever the careful
 * path must decide, so the paths never answer differently (property tests hold them to it).
 * `withSuggestions` false leaves an unknown call's suggestions empty (they cost most of a miss).
 */
export const fastMatch = <S extends string>(
  catalog: Compiled<S>,
  method: string,
  url: string,
  withSuggestions = true,
): MatchResult<S> | undefined => {
  const root = catalog.tries.get(method);
  if (root === undefined) return undefined;
  const path = locatePath(catalog, url);
  if (path === undefined) return undefined;
  // A route pattern reads from the path on; the authority of another host needs the full scan.
  const guessed = path.foreignHost ? undefined : guessMatch(root, url, path);
  if (guessed !== undefined) return guessed;
  if (!isPlainUrl(url)) return undefined;
  const route = walkPlain(root, url, path.start, path.limit);
  if (route === null) return undefined;
  // Every segment of a matched path was compared or checked by the walk.
  if (route !== undefined)
    return { status: "matched", anyOf: route.anyOf, endpoint: route.endpoint, params: plainParams(route, url, path) };
  // A miss: the walk may have stopped before an empty or dot segment that makes the call invalid.
  if (hasOddSegment(url, path)) return undefined;
  const allowedMethods: string[] = [];
  // One walk over all methods' routes settles most misses; only a hit there needs the per-method walks.
  const any = walkPlain(catalog.anyMethod, url, path.start, path.limit);
  if (any === null) return undefined;
  for (let i = 0; any !== undefined && i < catalog.methods.length; i++) {
    const other = catalog.methods[i] as string;
    if (other === method) continue;
    const found = walkPlain(catalog.tries.get(other)!, url, path.start, path.limit);
    if (found === null) return undefined;
    if (found !== undefined) allowedMethods.push(other);
  }
  const request = requestOf(method, url, path);
  const undocumented = findUndocumented(catalog, request);
  if (undocumented) return { status: "unknown", request, suggestions: [], undocumented };
  if (allowedMethods.length > 0) return { status: "method-not-allowed", allowedMethods, request };
  // A plain path that passed the checks above splits exactly as the careful path would.
  const segments = request.path === "/" ? [] : request.path.slice(1).split("/");
  return { status: "unknown", request, suggestions: withSuggestions ? suggest(catalog, method, segments) : [] };
};
