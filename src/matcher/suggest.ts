import type { Compiled, Route } from "../catalog/compiled.js";
import type { EndpointRef } from "../catalog/types.js";
import { byName } from "../util/by-name.js";
import { editDistance } from "../util/edit-distance.js";

const MAX_SEGMENTS = 32;
const MAX_TYPO_LENGTH = 64;
/** Distinct requests whose suggestions are remembered per catalog; the memo is dropped whole when full. */
const MEMO_SIZE = 4096;

// A segment's cost against a literal: 0 equal, 0.25 case-only difference, 0.5 a typo (≤ 2 edits), else 1.
// The answer depends on a segment only through these costs, so a request is keyed by them: ids and
// other segments far from every literal share one key, and an unknown call costs a lookup, not a search.

interface Index {
  /** Every distinct literal segment of the catalog's templates, with its lower-case form. */
  readonly literals: readonly { readonly literal: string; readonly lower: string }[];
  readonly memo: Map<string, readonly EndpointRef[]>;
}

const indexes = new WeakMap<Compiled<string>, Index>();

const indexOf = (catalog: Compiled<string>): Index => {
  let index = indexes.get(catalog);
  if (index === undefined) {
    const literals = [...new Set(catalog.routes.flatMap((r) => r.literals.filter((l) => l !== "")))].sort(byName);
    index = { literals: literals.map((literal) => ({ literal, lower: literal.toLowerCase() })), memo: new Map() };
    indexes.set(catalog, index);
  }
  return index;
};

/** The literals `segment` is near (cost below 1), as a map and as a canonical key. */
const nearLiterals = (index: Index, segment: string): { costs: Map<string, number>; key: string } => {
  const costs = new Map<string, number>();
  const lower = segment.toLowerCase();
  let key = "";
  for (const { literal, lower: lowerLiteral } of index.literals) {
    if (Math.abs(literal.length - segment.length) > 2) continue;
    const cost =
      literal === segment
        ? 0
        : lowerLiteral === lower
          ? 0.25
          : segment.length <= MAX_TYPO_LENGTH && editDistance(literal, segment, 2) <= 2
            ? 0.5
            : 1;
    if (cost < 1) {
      costs.set(literal, cost);
      key += `${literal}\u0001${cost}\u0002`; // literals hold no control characters
    }
  }
  return { costs, key };
};

/** Segment-level edit distance between a request and a route, params matching anything. */
const distance = (
  route: Route<string>,
  near: readonly Map<string, number>[],
  prev: Float64Array,
  row: Float64Array,
): number => {
  const n = near.length;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= route.literals.length; i++) {
    row[0] = i;
    const literal = route.params[i - 1] === undefined ? (route.literals[i - 1] as string) : undefined;
    for (let j = 1; j <= n; j++) {
      const cost = literal === undefined ? 0 : (near[j - 1]!.get(literal) ?? 1);
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev.set(row.subarray(0, n + 1));
  }
  return prev[n] as number;
};

const search = <S extends string>(catalog: Compiled<S>, method: string, near: Map<string, number>[]): EndpointRef[] => {
  const n = near.length;
  const limit = Math.max(1.5, n / 2);
  const prev = new Float64Array(n + 1);
  const row = new Float64Array(n + 1);
  const found: { route: Route<S>; score: number }[] = [];
  for (const route of catalog.routes) {
    // The distance is at least the difference in segment counts: skip hopeless routes early.
    if (Math.abs(route.literals.length - n) > limit) continue;
    const score = distance(route, near, prev, row) + (route.endpoint.method === method ? 0 : 0.5);
    if (score <= limit) found.push({ route, score });
  }
  return found
    .sort(
      (a, b) =>
        a.score - b.score ||
        byName(a.route.endpoint.path, b.route.endpoint.path) ||
        byName(a.route.endpoint.method, b.route.endpoint.method),
    )
    .slice(0, 3)
    .map(({ route }) => Object.freeze({ method: route.endpoint.method, path: route.endpoint.path }));
};

/** @internal Up to 3 catalog endpoints nearest to an unknown request's segments, nearest first. */
export const suggest = <S extends string>(
  catalog: Compiled<S>,
  method: string,
  segments: readonly string[],
): readonly EndpointRef[] => {
  if (segments.length > MAX_SEGMENTS) return [];
  const index = indexOf(catalog);
  const near = segments.map((s) => nearLiterals(index, s));
  const key = `${method}\u0003${near.map((x) => x.key).join("\u0003")}`;
  let found = index.memo.get(key);
  if (found === undefined) {
    found = Object.freeze(
      search(
        catalog,
        method,
        near.map((x) => x.costs),
      ),
    );
    if (index.memo.size >= MEMO_SIZE) index.memo.clear();
    index.memo.set(key, found);
  }
  return found;
};
