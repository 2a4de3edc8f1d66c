import { byName } from "./by-name.js";

/** @internal Inputs to {@link solveCover}: sets to hit, and a cost for ties. */
export interface CoverProblem<S extends string> {
  /** Each requirement is satisfied by any one of its scopes. */
  readonly requirements: readonly (readonly S[])[];
  /**
   * The tie-breaker between covers of the same size, compared element by element, lower
   * first: the planner gives the risk of the set (most severe first), then its blast radius.
   */
  readonly cost: (scopes: readonly S[]) => readonly number[];
}

const compareCosts = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

const keyOf = (scopes: readonly string[]): string => [...scopes].sort(byName).join("\n");

const compareNames = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byName(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};

/**
 * @internal Exact minimum hitting set: the fewest scopes such that every
 * requirement contains one. Ties go to the lowest cost, then to the first sorted
 * name list. Exponential in the worst case, but the search only
 * branches on requirements that singletons and subsets have not settled.
 */
export const solveCover = <S extends string>({ requirements, cost: costOf }: CoverProblem<S>): S[] => {
  const unique = new Map<string, S[]>();
  for (const r of requirements) if (r.length > 0) unique.set(keyOf(r), [...r].sort(byName));
  // A requirement that contains another is hit whenever the smaller one is.
  const sets = [...unique.values()].sort((a, b) => a.length - b.length || compareNames(a, b));
  const minimal = sets.filter(
    (s, i) => !sets.slice(0, i).some((t) => t.length < s.length && t.every((x) => s.includes(x))),
  );
  const forced = new Set(minimal.filter((s) => s.length === 1).map((s) => s[0] as S));
  const open = minimal.filter((s) => !s.some((x) => forced.has(x)));
  if (open.length === 0) return [...forced].sort(byName);

  let best: S[] | undefined;
  let bestCost: readonly number[] = [];
  const consider = (chosen: S[]): void => {
    const all = [...forced, ...chosen].sort(byName);
    const cost = costOf(all);
    const order = best ? compareCosts(cost, bestCost) : -1;
    if (!best || order < 0 || (order === 0 && compareNames(all, best) < 0)) {
      best = all;
      bestCost = cost;
    }
  };
  const search = (chosen: S[], limit: number): void => {
    const next = open.find((s) => !s.some((x) => chosen.includes(x)));
    if (!next) return consider(chosen);
    if (chosen.length === limit) return;
    for (const scope of next) search([...chosen, scope], limit);
  };
  for (let limit = 1; !best; limit++) search([], limit);
  return best!;
};
