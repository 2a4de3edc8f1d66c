import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  checkToken,
  createCalculator,
  dynamicCatalog,
  DYNAMIC_SCOPES,
  minimalScopes,
  parseCatalog,
  type CatalogData,
} from "../../src/index.js";
import { solveCover } from "../../src/util/solve-cover.js";
import { catalogWith } from "../helpers/catalogs.js";
import { numRuns, timeout } from "../helpers/fc.js";

// Planning under a hostile catalog (issue 9, §5): the exact search has a budget; past it the answer is
// the best cover found, marked `optimal: false`, and it still covers every call.

/** `groups` endpoints, each unlocked by `alternatives` scopes; `shared`: every scope also unlocks one more endpoint. */
export const hostileCatalog = (groups: number, alternatives: number, shared: boolean): CatalogData => {
  const scopes: CatalogData["scopes"] = [];
  const all: string[] = [];
  for (let g = 0; g < groups; g++) {
    const alts = Array.from({ length: alternatives - 1 }, (_, i) => `g${g}.s${i + 1}`);
    scopes.push({
      name: `g${g}.s0`,
      endpoints: [{ method: "GET", path: `/g${g}`, summary: "x", alsoUnlockedBy: alts }],
    });
    for (const a of alts) scopes.push({ name: a, endpoints: [] });
    all.push(`g${g}.s0`, ...alts);
  }
  if (shared)
    scopes.push({ name: "common", endpoints: [{ method: "GET", path: "/c", summary: "c", alsoUnlockedBy: all }] });
  return catalogWith("hostile", "https://api.example.test/v1", scopes);
};
const callsOf = (groups: number) => Array.from({ length: groups }, (_, g) => `GET /g${g}`);
const timed = <T>(f: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = f();
  return { value, ms: performance.now() - started };
};

/** test/fixtures/adversarial/planning.json: catalogs that make the exact search expensive, with why. */
interface Case {
  readonly name: string;
  readonly groups: number;
  readonly alternatives: number;
  readonly shared: boolean;
  readonly optimal: boolean;
  readonly reason: string;
}
const cases = JSON.parse(
  readFileSync(new URL("../fixtures/adversarial/planning.json", import.meta.url), "utf8"),
) as Case[];

describe("catalogs with many alternative scopes per endpoint (test/fixtures/adversarial/planning.json)", () => {
  test("the 12 × 4 catalog is 2.6 KB", () => {
    expect(JSON.stringify(hostileCatalog(12, 4, false)).length).toBeLessThan(2800);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(c.reason).not.toBe("");
    const calc = createCalculator(parseCatalog(hostileCatalog(c.groups, c.alternatives, c.shared)));
    const calls = callsOf(c.groups);
    const { value: plan, ms } = timed(() => calc.minimalScopes(calls));
    expect(ms).toBeLessThan(3000);
    expect(plan).toMatchObject({ optimal: c.optimal, complete: true });
    // Never smaller than needed: one scope per group, and the token it makes is sufficient.
    expect(plan.scopes).toHaveLength(c.groups);
    expect(calc.checkToken([...plan.scopes], calls).sufficient).toBe(true);
    if (c.optimal) expect(plan.scopes).toEqual(Array.from({ length: c.groups }, (_, g) => `g${g}.s0`).sort());
    const check = calc.checkToken([], calls);
    expect(check).toMatchObject({ addOptimal: c.optimal, sufficient: false });
    expect(check.add).toHaveLength(c.groups);
  });
});

describe("Dynamic's own catalog stays exact", () => {
  test("every endpoint called at once: optimal", () => {
    const calls = dynamicCatalog.endpoints.map((e) => `${e.method} ${e.path}`);
    const plan = minimalScopes(calls);
    expect(plan).toMatchObject({ optimal: true, complete: true });
    expect(checkToken([], calls)).toMatchObject({ addOptimal: true });
  });

  test("any calls and any token: optimal", () => {
    const endpoint = fc.constantFrom(...dynamicCatalog.endpoints.map((e) => `${e.method} ${e.path}`));
    fc.assert(
      fc.property(fc.array(endpoint, { maxLength: 40 }), fc.subarray([...DYNAMIC_SCOPES]), (calls, token) => {
        expect(minimalScopes(calls).optimal).toBe(true);
        expect(checkToken(token, calls).addOptimal).toBe(true);
      }),
      { numRuns },
    );
  });
});

describe("solveCover under any budget", () => {
  const problem = fc
    .array(fc.subarray(["a", "b", "c", "d", "e", "f", "g"], { minLength: 1 }), { maxLength: 9 })
    .chain((requirements) =>
      fc.tuple(fc.constant(requirements), fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), fc.nat(5))),
    );
  const radius = (weights: Record<string, number>) => (set: readonly string[]) =>
    new Set(set.flatMap((s) => Array.from({ length: (weights[s] ?? 0) + 1 }, (_, i) => `${s}${i}`))).size;

  test(
    "always returns a cover (no budget can shrink the answer); within budget it equals the unbudgeted answer",
    () => {
      fc.assert(
        fc.property(problem, fc.nat(400), ([requirements, weights], steps) => {
          const blast = radius(weights);
          const cost = (set: readonly string[]) => [blast(set)];
          const full = solveCover({ requirements, cost });
          const cut = solveCover({ requirements, cost }, steps);
          for (const cover of [full, cut])
            for (const r of requirements) expect(r.some((s) => cover.scopes.includes(s))).toBe(true);
          expect(full.optimal).toBe(true);
          if (cut.optimal) expect(cut.scopes).toEqual(full.scopes);
          else expect(cut.scopes.length).toBeGreaterThanOrEqual(full.scopes.length);
        }),
        { numRuns },
      );
    },
    timeout,
  );
});
