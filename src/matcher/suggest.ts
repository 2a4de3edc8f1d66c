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
  /** Its place among the catalog's literals, for request keys. */
  readonly id: number;
  readonly literal: string;
  readonly lower: string;
  /** Its characters with their counts, `[code, count, code, count, …]`: for the typo prefilter. */
  readonly counts: readonly number[];
  /** Its characters as bits (code mod 32): the first, cheapest prefilter. */
  readonly mask: number;
}

interface Index {
  /** Every distinct literal segment of the catalog's templates, by length. */
  readonly byLength: readonly (readonly Literal[] | undefined)[];
  /** Answers by request key (method and each segment's near literals). */
  readonly memo: Map<string, readonly EndpointRef[]>;
  /** Segments near some literal, with their near literals: such segments recur (ids far from all do not). */
  readonly near: Map<string, Near>;
}

/** The literals a segment is near (cost below 1), as a map and as a canonical key. */
interface Near {
  readonly costs: ReadonlyMap<string, number>;
  readonly key: string;
}

const countsOf = (text: string): number[] => {
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) counts.set(text.charCodeAt(i), (counts.get(text.charCodeAt(i)) ?? 0) + 1);
  return [...counts].flat();
};

/** A set of characters as 32 bits (code mod 32; characters sharing a bit only make the filter looser). */
const maskOf = (text: string): number => {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
};

const bitCount = (n: number): number => {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
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
    for (const [id, literal] of literals.entries()) {
      (byLength[literal.length] ??= []).push({
        id,
        literal,
        lower: literal.toLowerCase(),
        counts: countsOf(literal),
        mask: maskOf(literal),
      });
    }
    index = { byLength, memo: new Map(), near: new Map() };
    indexes.set(catalog, index);
  }
  return index;
};

const FAR: Near = { costs: new Map(), key: "" };
const COST_CODES: Readonly<Record<number, string>> = { 0: "=", 0.25: "~", 0.5: "?" };

/**
 * The literals `segment` is near; its key names each by its place in the index and its cost.
 * Only literals within two characters of its length can be within two edits of it.
 */
const nearLiterals = (index: Index, segment: string): Near => {
  const from = Math.max(0, segment.length - 2);
  const to = Math.min(index.byLength.length - 1, segment.length + 2);
  if (from > to) return FAR;
  let costs: Map<string, number> | undefined;
  let key = "";
  let lower: string | undefined;
  const typo = segment.length <= MAX_TYPO_LENGTH;
  // Each character of a literal the segment lacks entirely needs an edit of its own.
  const missing = typo ? ~maskOf(segment) : 0;
  let counted = false;
  for (let length = from; length <= to; length++) {
    const entries = index.byLength[length];
    if (entries === undefined) continue;
    for (const entry of entries) {
      const { literal } = entry;
      let cost = 1;
      if (literal === segment) cost = 0;
      else if (length === segment.length && entry.lower === (lower ??= segment.toLowerCase())) cost = 0.25;
      else if (typo && bitCount(entry.mask & missing) <= 2) {
        if (!counted) {
          // Non-ASCII characters count as their low bits: the prefilter is only looser for them.
          for (let i = 0; i < segment.length; i++) segmentCounts[segment.charCodeAt(i) & 127]! += 1;
          counted = true;
        }
        if (!surelyFar(entry) && editDistance(literal, segment, 2) <= 2) cost = 0.5;
      }
      if (cost === 1) continue;
      (costs ??= new Map()).set(literal, cost);
      key += `${entry.id}${COST_CODES[cost]}`;
    }
  }
  if (counted) for (let i = 0; i < segment.length; i++) segmentCounts[segment.charCodeAt(i) & 127]! -= 1;
  return costs === undefined ? FAR : { costs, key };
};

/** {@link nearLiterals}, remembered (a bounded few) for segments near some literal. */
const nearOf = (index: Index, segment: string): Near => {
  let near = index.near.get(segment);
  if (near === undefined) {
    near = nearLiterals(index, segment);
    if (near === FAR || segment.length > MAX_TYPO_LENGTH) return near;
    if (index.near.size >= MEMO_SIZE) index.near.clear();
    index.near.set(segment, near);
  }
  return near;
};

/** Segment-level edit distance between a request and a route, params matching anything. */
const distance = (
  route: Route<string>,
  near: readonly ReadonlyMap<string, number>[],
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

const search = <S extends string>(
  catalog: Compiled<S>,
  method: string,
  near: readonly ReadonlyMap<string, number>[],
): EndpointRef[] => {
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
  const near: Near[] = [];
  let key = method;
  for (const segment of segments) {
    const n = nearOf(index, segment);
    near.push(n);
    key += `\u0003${n.key}`;
  }
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
