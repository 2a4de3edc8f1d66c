import type { Catalog, Route } from "../catalog/compile-catalog.js";
import type { EndpointRef } from "../catalog/schema.js";
import { byName } from "../util/by-name.js";
import { editDistance } from "../util/edit-distance.js";
import type { ParsedPath } from "./normalize-path.js";

const MAX_SEGMENTS = 32;

// 0 for a param or an equal literal; 0.25 for a case-only difference; 0.5 for a typo (≤ 2 edits).
// Literals repeat across routes, so each (literal, segment) pair is costed once per call.
const segmentCost = (
  route: Route<string>,
  i: number,
  segment: string,
  lower: string,
  seen: Map<string, number>,
): number => {
  if (route.params[i] !== undefined) return 0;
  const literal = route.literals[i] as string;
  if (literal === segment) return 0;
  let cost = seen.get(literal);
  if (cost === undefined) {
    cost =
      route.lowerLiterals[i] === lower
        ? 0.25
        : Math.abs(literal.length - segment.length) <= 2 &&
            segment.length <= 64 &&
            editDistance(literal, segment, 2) <= 2
          ? 0.5
          : 1;
    seen.set(literal, cost);
  }
  return cost;
};

/** Segment-level edit distance between a request path and a route, params matching anything. */
const distance = (
  route: Route<string>,
  segments: readonly string[],
  lower: readonly string[],
  seen: readonly Map<string, number>[],
  prev: Float64Array,
  row: Float64Array,
): number => {
  const n = segments.length;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= route.literals.length; i++) {
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const sub =
        (prev[j - 1] as number) +
        segmentCost(
          route,
          i - 1,
          segments[j - 1] as string,
          lower[j - 1] as string,
          seen[j - 1] as Map<string, number>,
        );
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, sub);
    }
    prev.set(row.subarray(0, n + 1));
  }
  return prev[n] as number;
};

/** @internal Up to 3 catalog endpoints nearest to an unknown request, nearest first. */
export const suggest = <S extends string>(catalog: Catalog<S>, method: string, path: ParsedPath): EndpointRef[] => {
  const { segments } = path;
  if (segments.length > MAX_SEGMENTS) return [];
  const lower = segments.map((s) => s.toLowerCase());
  const seen = segments.map(() => new Map<string, number>());
  const limit = Math.max(1.5, segments.length / 2);
  const prev = new Float64Array(segments.length + 1);
  const row = new Float64Array(segments.length + 1);
  const near: { route: Route<S>; score: number }[] = [];
  for (const route of catalog._routes) {
    // The distance is at least the difference in segment counts: skip hopeless routes early.
    if (Math.abs(route.literals.length - segments.length) > limit) continue;
    const score = distance(route, segments, lower, seen, prev, row) + (route.endpoint.method === method ? 0 : 0.5);
    if (score <= limit) near.push({ route, score });
  }
  return near
    .sort(
      (a, b) =>
        a.score - b.score ||
        byName(a.route.endpoint.path, b.route.endpoint.path) ||
        byName(a.route.endpoint.method, b.route.endpoint.method),
    )
    .slice(0, 3)
    .map(({ route }) => ({ method: route.endpoint.method, path: route.endpoint.path }));
};
