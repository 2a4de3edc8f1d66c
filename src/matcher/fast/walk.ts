import type { Node, Route } from "../../catalog/compiled.js";
import { setParam } from "../../util/set-param.js";

const SLASH = 47;

/**
 * Where the param segments of the last walk's route start and end: `bounds[2 * i]` and
 * `bounds[2 * i + 1]` for segment `i`. Valid until the next walk; matching is synchronous.
 */
const bounds: number[] = [];

/**
 * @internal The fast path's one walker: finds the route a plain path would match, comparing each
 * literal only by its boundary and its first and last characters (a superset of the exact
 * comparison, in the same literal-first order), and recording where each param segment lies.
 * Returns the route, undefined when no route can match (so neither can the exact walk), or
 * null for a segment the careful path must judge: empty, starting with `.` (a dot segment?),
 * `:` or `{` (a placeholder?), or a param beside a literal of its length (a look-alike?).
 * A route it returns is a guess until the route's pattern confirms it (see match.ts).
 */
export const walkGuess = <S extends string>(
  node: Node<S>,
  url: string,
  pos: number,
  limit: number,
  depth: number,
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
      const found = walkGuess(child, url, end, limit, depth + 1);
      if (found !== undefined) return found;
    }
  }
  const param = node.param;
  if (param === undefined) return undefined;
  let to = url.indexOf("/", from);
  if (to === -1 || to > limit) to = limit;
  const length = to - from;
  const same = length < node.byLength.length ? node.byLength[length] : undefined;
  if (length === 0 || first === 46 || first === 58 || first === 123 || same !== undefined) return null;
  bounds[2 * depth] = from;
  bounds[2 * depth + 1] = to;
  return walkGuess(param, url, to, limit, depth + 1);
};

/** @internal The params of the route the last {@link walkGuess} returned, sliced from `url` as written. */
export const guessedParams = (route: Route<string>, url: string): Record<string, string> => {
  const params: Record<string, string> = {};
  const names = route.params;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name !== undefined) setParam(params, name, url.slice(bounds[2 * i], bounds[2 * i + 1]));
  }
  return params;
};
