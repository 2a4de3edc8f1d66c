import { foldSegment, type Node, type Route } from "../catalog/compile-catalog.js";
import type { ParsedPath } from "./normalize-path.js";

/**
 * @internal Finds the route for a path: at every position a literal child is
 * tried before the param child, and a dead-end literal branch falls back to the
 * param (so the answer never depends on catalog order).
 */
export const walkTrie = <S extends string>(root: Node<S>, path: ParsedPath): Route<S> | undefined => {
  const { segments, placeholders } = path;
  const walk = (node: Node<S>, i: number): Route<S> | undefined => {
    if (i === segments.length) return node.route;
    if (!placeholders[i]) {
      const child = node.literals.get(segments[i] as string);
      if (child) {
        const found = walk(child, i + 1);
        if (found) return found;
      }
    }
    return node.param ? walk(node.param, i + 1) : undefined;
  };
  return walk(root, 0);
};

/**
 * @internal The first param value along `route` that differs from a literal
 * sibling only by case or a `;` suffix: a case-insensitive or matrix-param-stripping
 * server would route it to that literal instead, so the answer would be a guess.
 */
export const findLookAlike = <S extends string>(root: Node<S>, route: Route<S>, path: ParsedPath): { segment: string; literal: string } | undefined => {
  let node: Node<S> | undefined = root;
  for (let i = 0; node && i < path.segments.length; i++) {
    const segment = path.segments[i] as string;
    if (route.params[i] === undefined) {
      node = node.literals.get(segment);
      continue;
    }
    if (!path.placeholders[i] && node.folded.size > 0) {
      const literal = node.folded.get(foldSegment(segment));
      if (literal !== undefined && literal !== segment) return { segment, literal };
    }
    node = node.param;
  }
  return undefined;
};
