import { byName } from "./by-name.js";

/** @internal Inputs to {@link solveCover}: sets to hit, and a cost for ties. */
export interface CoverProblem<S extends string> {
  /** Each requirement is satisfied by any one of its scopes. */
  readonly requirements: readonly (readonly S[])[];
  /**
   * The tie-breaker between covers of the same size, compared element by element, lower first, and
   * never smaller for a larger set: the planner gives how many of the set's scopes are rated at each
   * risk level (most severe first), then the endpoints the set unlocks.
   */
  readonly cost: (scopes: readonly S[]) => readonly number[];
}

/** Costs compared element by element: the first difference decides. */
export const compareCosts = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x - (b[i] ?? 0));
const plus = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

/** @internal What {@link solveCover} found: a cover, and whether it is proven the best one. */
export interface Cover<S extends string> {
  /** Sorted by name; hits every requirement, always. */
  readonly scopes: S[];
  /** False when the search ran out of {@link COVER_BUDGET}: `scopes` is the best cover found, not proven minimal. */
  readonly optimal: boolean;
}

/**
 * Work the exact search may do, in steps (a search node, a requirement looked at, a cost
 * computed): about 50 ms. Past it the best cover found so far is the answer, marked not
 * optimal. Dynamic's catalog never branches at all (every endpoint has one scope).
 */
export const COVER_BUDGET = 400_000;

const keyOf = (scopes: readonly string[]): string => [...scopes].sort(byName).join("\n");

const compareNames = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byName(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};

/** Requirements that share no scope, grouped: each group can be solved on its own. */
const components = <S extends string>(sets: readonly (readonly S[])[]): (readonly S[])[][] => {
  const parent = new Map<S, S>();
  const root = (s: S): S => {
    let r = s;
    while (parent.get(r) !== r) r = parent.get(r) as S;
    parent.set(s, r);
    return r;
  };
  for (const set of sets) for (const s of set) if (!parent.has(s)) parent.set(s, s);
  for (const set of sets) for (const s of set.slice(1)) parent.set(root(s), root(set[0] as S));
  const groups = new Map<S, (readonly S[])[]>();
  for (const set of sets) {
    const r = root(set[0] as S);
    const group = groups.get(r);
    if (group) group.push(set);
    else groups.set(r, [set]);
  }
  return [...groups.values()];
};

/** Branch and bound over one group of requirements, spending from a shared budget. */
const searchGroup = <S extends string>(
  sets: readonly (readonly S[])[],
  cost: (chosen: readonly S[]) => readonly number[],
  budget: { left: number },
): { chosen: S[]; optimal: boolean } => {
  const unhit = (chosen: readonly S[]): (readonly S[])[] => {
    budget.left -= sets.length;
    return sets.filter((s) => !s.some((x) => chosen.includes(x)));
  };
  // A first cover, greedily: the scope that hits the most open requirements, each round.
  let best: S[] = [];
  for (let open = unhit(best); open.length > 0; open = unhit(best)) {
    const hits = (x: S) => open.filter((s) => s.includes(x)).length;
    best.push((open[0] as readonly S[]).reduce((a, b) => (hits(b) > hits(a) ? b : a)));
  }
  best = best.sort(byName);
  let bestCost = cost(best);
  let complete = true;
  const search = (chosen: S[]): void => {
    if ((budget.left -= 10) < 0) return void (complete = false);
    const open = unhit(chosen);
    if (open.length === 0) {
      const all = [...chosen].sort(byName);
      const c = cost(all);
      const order = compareCosts(c, bestCost);
      const better = order < 0 || (order === 0 && compareNames(all, best) < 0);
      if (all.length < best.length || (all.length === best.length && better)) {
        best = all;
        bestCost = c;
      }
      return;
    }
    // Requirements that share no scope need one scope each: a lower bound on what is still to add.
    const used = new Set<S>();
    let bound = 0;
    for (const s of open)
      if (!s.some((x) => used.has(x))) {
        bound++;
        for (const x of s) used.add(x);
      }
    const size = chosen.length + bound;
    if (size > best.length || (size === best.length && compareCosts(cost(chosen), bestCost) > 0)) return;
    for (const scope of open[0] as readonly S[]) search([...chosen, scope]);
  };
  search([]);
  return { chosen: best, optimal: complete };
};

/**
 * @internal Minimum hitting set: the fewest scopes such that every requirement contains one.
 * Ties go to the lowest cost (see {@link CoverProblem.cost}), then to the first sorted name list. Requirements that
 * singletons and subsets settle are settled first; the rest is split into groups that share no
 * scope and, when their blast radii add up, solved group by group; each is a branch and bound
 * from a greedy cover. The search is exact within {@link COVER_BUDGET}; past it, `optimal` is false.
 */
export const solveCover = <S extends string>(
  { requirements, cost: costOf }: CoverProblem<S>,
  budgetSteps: number = COVER_BUDGET,
): Cover<S> => {
  const budget = { left: budgetSteps };
  const unique = new Map<string, S[]>();
  for (const r of requirements) if (r.length > 0) unique.set(keyOf(r), [...r].sort(byName));
  const sets = [...unique.values()].sort((a, b) => a.length - b.length || compareNames(a, b));
  const forcedSet = new Set(sets.filter((s) => s.length === 1).map((s) => s[0] as S));
  const forced = [...forcedSet];
  let open = sets.filter((s) => !s.some((x) => forcedSet.has(x)));
  if (open.length === 0) return { scopes: forced.sort(byName), optimal: true };
  // A requirement that contains another is hit whenever the smaller one is: dropped, while the
  // budget lasts (quadratic; keeping them changes no answer, only the work).
  const pairs = (open.length * (open.length - 1)) / 2;
  if (pairs <= budget.left / 4) {
    budget.left -= pairs;
    open = open.filter((s, i) => !open.slice(0, i).some((t) => t.length < s.length && t.every((x) => s.includes(x))));
  }
  const cost = (chosen: readonly S[]): readonly number[] => {
    budget.left -= 10;
    return costOf([...forced, ...chosen]);
  };
  // Groups are independent only if their costs add up (the endpoints their scopes unlock beyond the
  // forced ones do not overlap): then the best cover of each is part of the best cover of all.
  const groups = components(open);
  const base = costOf(forced);
  const added = (group: readonly (readonly S[])[]) => minus(costOf([...forced, ...group.flat()]), base);
  const independent =
    groups.length > 1 &&
    compareCosts(
      groups.reduce(
        (sum, g) => plus(sum, added(g)),
        base.map(() => 0),
      ),
      added(open),
    ) === 0;
  let optimal = true;
  const chosen: S[] = [];
  for (const group of independent ? groups : [open]) {
    const r = searchGroup(group, cost, budget);
    chosen.push(...r.chosen);
    optimal &&= r.optimal;
  }
  return { scopes: [...forced, ...chosen].sort(byName), optimal };
};
