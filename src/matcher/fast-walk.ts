import type { Node, Route } from "../catalog/compiled.js";

const SLASH = 47;

// Compares the rest of `literal` (its first character already matched) in place.
const matchesAt = (url: string, from: number, literal: string, limit: number): boolean => {
  const after = from + literal.length;
  if (after > limit || (after < limit && url.charCodeAt(after) !== SLASH)) return false;
  for (let k = 1; k < literal.length; k++) if (url.charCodeAt(from + k) !== literal.charCodeAt(k)) return false;
  return true;
};

// True when the segment equals `literal` ignoring ASCII case but not exactly: a look-alike.
const lookAlike = (url: string, from: number, literal: string): boolean => {
  let differs = false;
  for (let k = 0; k < literal.length; k++) {
    const a = url.charCodeAt(from + k);
    const b = literal.charCodeAt(k);
    if (a === b) continue;
    if ((a | 32) !== (b | 32) || (a | 32) < 97 || (a | 32) > 122) return false;
    differs = true;
  }
  return differs;
};

/**
 * @internal Walks the trie over `url[pos, limit)` of a plain path that `locatePath`
 * found. Literal segments are compared in place, params found with indexOf;
 * a literal beats a param, with backtracking. Returns the route, undefined for
 * none, or null when a segment needs the careful path (a placeholder or a look-alike).
 */
export const walkPlain = <S extends string>(
  node: Node<S>,
  url: string,
  pos: number,
  limit: number,
): Route<S> | undefined | null => {
  const from = pos + 1;
  if (from >= limit) return node.route; // end of path, or one trailing slash
  const first = url.charCodeAt(from);
  const candidates = first < 128 ? node.byFirst[first] : undefined;
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) {
      const { literal, node: child } = candidates[i]!;
      if (!matchesAt(url, from, literal, limit)) continue;
      const found = walkPlain(child, url, from + literal.length, limit);
      if (found !== undefined) return found;
    }
  }
  const param = node.param;
  if (param === undefined) return undefined;
  let to = url.indexOf("/", from);
  if (to === -1 || to > limit) to = limit;
  // Placeholders (:name, {name}) stand for ids, and empty and dot segments are refused: careful path.
  if (
    first === 58 ||
    first === 123 ||
    to === from ||
    (first === 46 && (to === from + 1 || (to === from + 2 && url.charCodeAt(from + 1) === 46)))
  )
    return null;
  const same = node.byLength[to - from];
  if (same !== undefined) for (let i = 0; i < same.length; i++) if (lookAlike(url, from, same[i]!.literal)) return null;
  return walkPlain(param, url, to, limit);
};
