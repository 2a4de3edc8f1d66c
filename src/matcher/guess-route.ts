import type { Node, Route } from "../catalog/compiled.js";
import type { PlainPath } from "./fast-scan.js";
import { plainParams } from "./plain-params.js";
import type { MatchResult } from "./result.js";

const SLASH = 47;

/**
 * Walks the trie like `walkPlain` but compares each literal only by its boundary and its
 * first and last characters, and checks no character. Returns the route or
 * undefined for none, or null for a segment only the exact walk may judge (empty, dot,
 * placeholder, or a param beside a literal of its length). Every exact match is also a
 * guess match, so the first guess is the exact answer whenever its pattern confirms it.
 */
const guess = <S extends string>(
  node: Node<S>,
  url: string,
  pos: number,
  limit: number,
): Route<S> | undefined | null => {
  if (pos >= limit - 1) return node.route; // end of path, or one trailing slash
  const from = pos + 1;
  const first = url.charCodeAt(from);
  const candidates = node.byFirst[first];
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) {
      const { literal, node: child } = candidates[i]!;
      const end = from + literal.length;
      if (end > limit || (end < limit && url.charCodeAt(end) !== SLASH)) continue;
      if (url.charCodeAt(end - 1) !== literal.charCodeAt(literal.length - 1)) continue;
      const found = guess(child, url, end, limit);
      if (found !== undefined) return found;
    }
  }
  const param = node.param;
  if (param === undefined) return undefined;
  let to = url.indexOf("/", from);
  if (to === -1 || to > limit) to = limit;
  if (to === from || first === 46 || first === 58 || first === 123 || node.byLength[to - from] !== undefined)
    return null;
  return guess(param, url, to, limit);
};

/**
 * @internal The quickest answer for the common call: a path, alone or after one of the
 * catalog's base URLs, that is an instance of an endpoint. Guesses the route without
 * reading every character, then confirms it with the route's pattern, which reads each
 * one natively. Undefined leaves the call to the exact paths.
 */
export const guessMatch = <S extends string>(
  root: Node<S>,
  url: string,
  path: PlainPath,
): MatchResult<S> | undefined => {
  const route = guess(root, url, path.start, path.limit);
  const pattern = route?.pattern;
  if (pattern === undefined) return undefined;
  pattern.lastIndex = path.start;
  if (!pattern.test(url)) return undefined;
  return { status: "matched", anyOf: route!.anyOf, endpoint: route!.endpoint, params: plainParams(route!, url, path) };
};
