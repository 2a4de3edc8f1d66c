import { foldSegment } from "../catalog/compile-catalog.js";
import { compiledOf, type Compiled, type Node } from "../catalog/compiled.js";
import type { Catalog } from "../catalog/types.js";
import { foldsOf } from "../matcher/walk-trie.js";
import { byName } from "../util/by-name.js";

type Trie = Node<string>;

/** Where a walk over raw path segments may stand, and its way in (`branch`: 0 the path as it is, else a base path). */
type Place = { readonly branch: number } & (
  { readonly node: Trie } | { readonly base: readonly string[]; readonly at: number; readonly root: Trie }
);

/** One request that stands for a class of requests each catalog answers alike. */
export interface Probe {
  readonly method: string;
  /** The path from the origin, base path included: `["api", "v0", "environments", "e", "users"]`. */
  readonly segments: readonly string[];
}

/** Bounds on the walk: probes made, places stepped through (its work), segments in a path. */
export interface ProbeLimits {
  readonly probes: number;
  readonly work: number;
  readonly depth: number;
}

/**
 * Dynamic's catalog needs a few hundred probes and a few thousand steps; a hostile pair (thousands
 * of base URLs, deep nests) would run for minutes, so past these the walk stops and says so.
 */
export const PROBE_LIMITS: ProbeLimits = { probes: 100_000, work: 10_000_000, depth: 1000 };

/** Probes, and whether they are all of them: else which limit stopped the walk. */
export interface Probes {
  readonly probes: readonly Probe[];
  readonly complete: boolean;
  readonly stoppedBy?: keyof ProbeLimits;
}

const segmentsOf = (path: string): string[] => (path === "/" || path === "" ? [] : path.slice(1).split("/"));

const start = (c: Compiled<string>, method: string): Place[] => {
  const root = c.tries.get(method);
  if (root === undefined) return [];
  return [
    { branch: 0, node: root },
    ...c.basePaths.map((b, i) => ({ branch: i + 1, base: segmentsOf(b), at: 0, root })),
  ];
};

/** The places after one more segment, in the order the matcher tries them: literal before param. */
const step = (places: readonly Place[], value: string): Place[] => {
  const out: Place[] = [];
  for (const p of places) {
    if ("node" in p) {
      const child = p.node.literals.get(value);
      if (child) out.push({ branch: p.branch, node: child });
      if (p.node.param) out.push({ branch: p.branch, node: p.node.param });
    } else if (p.base[p.at] === value) {
      out.push(p.at + 1 === p.base.length ? { branch: p.branch, node: p.root } : { ...p, at: p.at + 1 });
    }
  }
  return out;
};

/**
 * How the nodes that could take `value` as a param judge it: none, some or all refuse it as a
 * look-alike of one of their literals (the matcher checks the one its route passes through).
 */
const judgeLookAlike = (sides: readonly (readonly Place[])[], value: string): "none" | "some" | "all" => {
  const folds = [...foldsOf(value)];
  let refused = 0;
  let taken = 0;
  for (const places of sides)
    for (const p of places)
      if ("node" in p && p.node.param) {
        taken++;
        if (folds.some((f) => (p.node.folded.get(f) ?? value) !== value)) refused++;
      }
  return refused === 0 ? "none" : refused === taken ? "all" : "some";
};

/** Equality of tries by what they answer: the same literals, params and scopes at every node (memoized). */
const trieEquality = (): ((a: Trie | undefined, b: Trie | undefined) => boolean) => {
  const memo = new Map<Trie, Map<Trie, boolean>>();
  const same = (a: Trie | undefined, b: Trie | undefined): boolean => {
    if (a === undefined || b === undefined) return a === b;
    const known = memo.get(a)?.get(b);
    if (known !== undefined) return known;
    const scopes = (n: Trie): string | undefined => n.route?.anyOf.join(" ");
    let equal = scopes(a) === scopes(b) && a.literals.size === b.literals.size && same(a.param, b.param);
    for (const [literal, child] of a.literals) equal &&= same(child, b.literals.get(literal));
    (memo.get(a) ?? memo.set(a, new Map()).get(a)!).set(b, equal);
    return equal;
  };
  return same;
};

/** Every literal and base-path segment of both catalogs: what a neutral value or a look-alike must not be. */
const spelledIn = (catalogs: readonly Compiled<string>[]): Set<string> => {
  const words = new Set<string>();
  for (const c of catalogs) {
    for (const r of c.routes) for (const l of r.literals) if (l !== "") words.add(l);
    for (const b of c.basePaths) for (const s of segmentsOf(b)) words.add(s);
  }
  return words;
};

/** A value that is no literal and folds to none: it stands for every id. */
const neutralFor = (words: ReadonlySet<string>): string => {
  const folded = new Set([...words].map(foldSegment));
  for (let i = 0; ; i++) {
    const value = i === 0 ? "e" : `e${i}`;
    if (!words.has(value) && !folded.has(value)) return value;
  }
};

/** A spelling that folds to `key` and is no literal: it stands for every look-alike of the literals folding to it. */
const lookAlikeOf = (key: string, words: ReadonlySet<string>): string | undefined =>
  [key, key.toUpperCase(), `${key};`, `${key};v`].find(
    (t) => t !== "" && t !== "." && t !== ".." && !words.has(t) && foldsOf(t).has(key),
  );

/**
 * Requests that stand for every request either catalog can answer, one per class of requests
 * the matcher cannot tell apart. At each segment the matcher only compares the value with the
 * literals (as written, or folded: look-alikes) and base-path segments where it may stand, so
 * the walk tries those values, a look-alike of each folded literal and one neutral id, over
 * both catalogs at once (a literal in one changes how the other may route a request). A prefix
 * where either has an endpoint is a probe. Where the two stand at tries that answer alike, by
 * the same ways in, after no look-alike, nothing below can differ, so the walk stops there.
 * Exhaustive within `limits`; past one `complete` is false, and `stoppedBy` names it.
 */
export const probeRequests = (old: Catalog, next: Catalog, limits: Partial<ProbeLimits> = {}): Probes => {
  const { probes: budget, work: workBudget, depth: deepest } = { ...PROBE_LIMITS, ...limits };
  const pair = [compiledOf(old), compiledOf(next)] as const;
  const depth = Math.max(...pair.map((c) => c.maxDepth + Math.max(0, ...c.basePaths.map((b) => segmentsOf(b).length))));
  // The walk recurses once a segment: deeper than any real API, it is refused before it starts.
  if (depth > deepest) return { probes: [], complete: false, stoppedBy: "depth" };
  const words = spelledIn(pair);
  const neutral = neutralFor(words);
  const lookAlikes = new Map<string, string>();
  const lookAlike = (key: string): string =>
    lookAlikes.get(key) ?? lookAlikes.set(key, lookAlikeOf(key, words) ?? neutral).get(key)!;
  const same = trieEquality();
  const sameBases = pair[0].basePaths.join(" ") === pair[1].basePaths.join(" ");
  const twins = (a: readonly Place[], b: readonly Place[]): boolean =>
    sameBases &&
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      if (p.branch !== q.branch || "node" in p !== "node" in q) return false;
      if ("node" in p) return same(p.node, (q as { node: Trie }).node);
      return p.at === (q as { at: number }).at && same(p.root, (q as { root: Trie }).root);
    });
  const probes: Probe[] = [];
  let stoppedBy: keyof ProbeLimits | undefined;
  let work = 0;
  /** Counts `n` steps of work; false once the work budget is spent. */
  const spend = (n: number): boolean => {
    work += n;
    if (work > workBudget) stoppedBy ??= "work";
    return stoppedBy === undefined;
  };
  const walk = (method: string, sides: readonly (readonly Place[])[], segments: string[], flagged: boolean): void => {
    if (stoppedBy !== undefined || (!flagged && twins(sides[0]!, sides[1]!))) return;
    if (sides.some((places) => places.some((p) => "node" in p && p.node.route !== undefined))) {
      if (probes.length === budget) {
        stoppedBy = "probes";
        return;
      }
      probes.push({ method, segments: [...segments] });
    }
    if (segments.length === depth) return;
    const values = new Set<string>();
    for (const places of sides)
      for (const p of places) {
        if (!("node" in p)) values.add(p.base[p.at]!);
        else {
          if (!spend(p.node.literals.size)) return;
          for (const literal of p.node.literals.keys()) values.add(literal);
          for (const key of p.node.folded.keys()) values.add(lookAlike(key));
        }
      }
    values.delete(neutral);
    const size = sides[0]!.length + sides[1]!.length;
    for (const value of [neutral, ...[...values].sort(byName)]) {
      if (!spend(size)) return;
      const next = sides.map((places) => step(places, value));
      if (next.every((places) => places.length === 0)) continue;
      const refused = judgeLookAlike(sides, value);
      // A value that is no literal or base-path segment here goes to a param; refused by every one, it is
      // invalid on both sides.
      const literal = sides.some((places) =>
        places.some((p) => ("node" in p ? p.node.literals.has(value) : p.base[p.at] === value)),
      );
      if (refused === "all" && !literal) continue;
      segments.push(value);
      walk(method, next, segments, flagged || refused !== "none");
      segments.pop();
    }
  };
  const methods = [...new Set(pair.flatMap((c) => c.methods))].sort(byName);
  for (const method of methods) walk(method, [start(pair[0], method), start(pair[1], method)], [], false);
  return stoppedBy === undefined ? { probes, complete: true } : { probes, complete: false, stoppedBy };
};
