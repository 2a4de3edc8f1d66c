import { foldSegment } from "../catalog/compile-catalog.js";
import type { Node, Route } from "../catalog/compiled.js";
import { decodeSegment, type ParsedPath } from "./normalize-path.js";

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * @internal Every way a server might fold `segment` before comparing it with a literal:
 * ASCII case and `;` suffixes, percent-decoding (`a%40b` is `a@b`), Unicode case
 * (`ſ` upper-cases to `S`, `K` (Kelvin) lower-cases to `k`) and compatibility forms (`ｐ` is `p`).
 */
export const foldsOf = (segment: string): Set<string> => {
  const forms = new Set([segment, decodeSegment(segment)]);
  for (const form of [...forms]) {
    if (!NON_ASCII.test(form)) continue;
    const compatible = form.normalize("NFKC");
    for (const f of [form.toUpperCase(), compatible, compatible.toUpperCase()]) forms.add(f);
  }
  return new Set([...forms].map(foldSegment));
};

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
 * sibling only by case (ASCII or Unicode), a `;` suffix, percent-encoding or a
 * compatibility form: a server that folds it would route it to that literal
 * instead, so the answer would be a guess.
 */
export const findLookAlike = <S extends string>(
  root: Node<S>,
  route: Route<S>,
  path: ParsedPath,
): { segment: string; literal: string } | undefined => {
  let node: Node<S> | undefined = root;
  for (let i = 0; node && i < path.segments.length; i++) {
    const segment = path.segments[i] as string;
    if (route.params[i] === undefined) {
      node = node.literals.get(segment);
      continue;
    }
    if (!path.placeholders[i] && node.folded.size > 0) {
      for (const fold of foldsOf(segment)) {
        const literal = node.folded.get(fold);
        if (literal !== undefined && literal !== segment) return { segment, literal };
      }
    }
    node = node.param;
  }
  return undefined;
};
