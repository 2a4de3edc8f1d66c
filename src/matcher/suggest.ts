import type { Catalog, Route } from "../catalog/compile-catalog.js";
import type { EndpointRef } from "../catalog/schema.js";
import { byName } from "../util/by-name.js";
import { editDistance } from "../util/edit-distance.js";
import type { ParsedPath } from "./normalize-path.js";

const MAX_SEGMENTS = 32;

const segmentCost = (template: string | undefined, literal: string, segment: string): number => {
  if (template !== undefined) return 0;
  if (literal === segment) return 0;
  if (literal.toLowerCase() === segment.toLowerCase()) return 0.25;
  return segment.length <= 64 && editDistance(literal, segment, 2) <= 2 ? 0.5 : 1;
};

/** Segment-level edit distance between a request path and a route, params matching anything. */
const distance = <S extends string>(route: Route<S>, literals: readonly string[], segments: readonly string[]): number => {
  let prev = Array.from({ length: segments.length + 1 }, (_, j) => j);
  for (let i = 1; i <= literals.length; i++) {
    const row = [i];
    for (let j = 1; j <= segments.length; j++) {
      const sub = (prev[j - 1] ?? 0) + segmentCost(route.params[i - 1], literals[i - 1] as string, segments[j - 1] as string);
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, sub));
    }
    prev = row;
  }
  return prev[segments.length] ?? 0;
};

/** @internal Up to 3 catalog endpoints nearest to an unknown request, nearest first. */
export const suggest = <S extends string>(catalog: Catalog<S>, method: string, path: ParsedPath): EndpointRef[] => {
  if (path.segments.length > MAX_SEGMENTS) return [];
  const limit = Math.max(1.5, path.segments.length / 2);
  return catalog._routes
    .map((route) => {
      const literals = route.endpoint.path === "/" ? [] : route.endpoint.path.slice(1).split("/");
      const score = distance(route, literals, path.segments) + (route.endpoint.method === method ? 0 : 0.5);
      return { route, score };
    })
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || byName(a.route.endpoint.path, b.route.endpoint.path) || byName(a.route.endpoint.method, b.route.endpoint.method))
    .slice(0, 3)
    .map(({ route }) => ({ method: route.endpoint.method, path: route.endpoint.path }));
};
