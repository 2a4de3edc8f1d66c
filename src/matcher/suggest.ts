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

interface Literal {
  readonly literal: string;
  readonly lower: string;
  /** Its characters with their counts, `[code, count, code, count, …]`: for the typo prefilter. */
  readonly counts: readonly number[];
}

interface Index {
  /** Every distinct literal segment of the catalog's templates, by length. */
  readonly byLength: readonly (readonly Literal[] | undefined)[];
  readonly memo: Map<string, readonly EndpointRef[]>;
}

const countsOf = (text: string): number[] => {
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) counts.set(text.charCodeAt(i), (counts.get(text.charCodeAt(i)) ?? 0) + 1);
  return [...counts].flat();
};

// Character counts of the segment being costed (ASCII; anything else matches no literal character).
const segmentCounts = new Int32Array(128);

/**
 * A lower bound on the edit distance: each character the literal has more of than the segment
 * needs an edit of its own. Cheap, and it rules out almost every literal before a distance is computed.
 */
const surelyFar = (literal: Literal): boolean => {
  let missing = 0;
  const { counts } = literal;
  for (let k = 0; k < counts.length; k += 2) {
    const have = segmentCounts[counts[k]!] ?? 0;
    if (have < counts[k + 1]!) missing += counts[k + 1]! - have;
  }
  return missing > 2;
};

const indexes = new WeakMap<Compiled<string>, Index>();

const indexOf = (catalog: Compiled<string>): Index => {
  let index = indexes.get(catalog);
  if (index === undefined) {
    const literals = [...new Set(catalog.routes.flatMap((r) => r.literals.filter((l) => l !== "")))].sort(byName);
    const byLength: Literal[][] = [];
    for (const literal of literals) {
      (byLength[literal.length] ??= []).push({ literal, lower: literal.toLowerCase(), counts: countsOf(literal) });
    }
    index = { byLength, memo: new Map() };
    indexes.set(catalog, index);
  }
  return index;
};

/** The literals `segment` is near (cost below 1), as a map and as a canonical key. */
const nearLiterals = (index: Index, segment: string): { costs: Map<string, number>; key: string } => {
  const costs = new Map<string, number>();
  const lower = segment.toLowerCase();
  let key = "";
  const costOf = (entry: Literal): void => {
    const { literal } = entry;
    const cost =
      literal === segment
        ? 0
        : entry.lower === lower
          ? 0.25
          : segment.length <= MAX_TYPO_LENGTH && !surelyFar(entry) && editDistance(literal, segment, 2) <= 2
            ? 0.5
            : 1;
    if (cost < 1) {
      costs.set(literal, cost);
      key += `${literal}\u0001${cost}\u0002`; // literals hold no control characters
    }
  };
  segmentCounts.fill(0);
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 128) segmentCounts[c]!++;
  }
  // Only literals within two characters of the segment's length can be within two edits of it.
  const from = Math.max(0, segment.length - 2);
  const to = Math.min(index.byLength.length - 1, segment.length + 2);
  for (let length = from; length <= to; length++) {
    for (const entry of index.byLength[length] ?? []) costOf(entry);
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
