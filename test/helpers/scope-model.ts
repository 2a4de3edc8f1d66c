import type { CatalogData } from "../../src/index.js";

/** An independent model: which scopes unlock which endpoint, by brute-force closure over `implies`. */
export const model = (data: CatalogData) => {
  const implies = new Map(data.scopes.map((s) => [s.name, s.implies ?? []]));
  const reach = (s: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(s)) return seen;
    seen.add(s);
    for (const t of implies.get(s) ?? []) reach(t, seen);
    return seen;
  };
  const endpoints = data.scopes.flatMap((s) =>
    s.endpoints.map((e) => ({ method: e.method, path: e.path, direct: [s.name, ...(e.alsoUnlockedBy ?? [])] })),
  );
  const unlocks = (scope: string, path: string, method = "GET"): boolean => {
    const e = endpoints.find((x) => x.path === path && x.method === method)!;
    return e.direct.some((d) => reach(scope).has(d));
  };
  const radius = (set: string[]): number =>
    endpoints.filter((e) => set.some((s) => unlocks(s, e.path, e.method))).length;
  const levels = ["read", "write", "admin", "critical"];
  const rank = (scope: string): number => {
    const level = data.scopes.find((s) => s.name === scope)?.risk?.level;
    return level === undefined ? 4 : levels.indexOf(level);
  };
  /** A set's risk, worst first: its ranks sorted high to low (compare equal-size sets element by element). */
  const risk = (set: string[]): number[] => set.map(rank).sort((a, b) => b - a);
  return { names: data.scopes.map((s) => s.name), endpoints, unlocks, radius, rank, risk };
};
