import fc from "fast-check";
import { expect, test } from "vitest";
import { createCalculator, parseCatalog } from "../../src/index.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { randomCatalog } from "../helpers/random-catalog.js";
import { model } from "../helpers/scope-model.js";

const compareRisk = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

const subsets = <T>(xs: T[]): T[][] => xs.reduce<T[][]>((acc, x) => acc.concat(acc.map((a) => [...a, x])), [[]]);

const arbitrary = randomCatalog().chain((data) => {
  const paths = data.scopes.flatMap((s) => s.endpoints.map((e) => e.path));
  return fc.tuple(fc.constant(data), fc.array(fc.constantFrom(...paths), { maxLength: 8 }));
});

test(
  "minimalScopes equals a brute-force search: fewest scopes, then lowest risk, then smallest blast radius, then names",
  () => {
    fc.assert(
      fc.property(arbitrary, ([data, paths]) => {
        const m = model(data);
        const calls = paths.map((p, i) => `GET ${p.replace(":id", `id${i}`)}`);
        const covering = subsets(m.names).filter((set) => paths.every((p) => set.some((s) => m.unlocks(s, p))));
        const best = covering
          .map((set) => [...set].sort())
          .sort(
            (a, b) =>
              a.length - b.length ||
              compareRisk(m.risk(a), m.risk(b)) ||
              m.radius(a) - m.radius(b) ||
              (a.join("\n") < b.join("\n") ? -1 : a.join("\n") > b.join("\n") ? 1 : 0),
          )[0];
        const plan = createCalculator(parseCatalog(data)).minimalScopes(calls);
        expect(plan.scopes).toEqual(best);
        expect(plan.unlocks).toBe(m.radius(best ?? []));
        expect(plan.complete).toBe(true);
      }),
      { numRuns },
    );
  },
  timeout,
);

test(
  "every scope in a minimal set is needed: removing any one uncovers a call",
  () => {
    fc.assert(
      fc.property(arbitrary, ([data, paths]) => {
        const calc = createCalculator(parseCatalog(data));
        const calls = paths.map((p) => `GET ${p.replace(":id", "x")}`);
        const plan = calc.minimalScopes(calls);
        // No calls prove nothing, so an empty list is never "sufficient".
        expect(calc.checkToken([...plan.scopes], calls).sufficient).toBe(calls.length > 0);
        for (const s of plan.scopes) {
          expect(
            calc.checkToken(
              plan.scopes.filter((t) => t !== s),
              calls,
            ).sufficient,
          ).toBe(false);
        }
      }),
      { numRuns },
    );
  },
  timeout,
);

test(
  "adding a scope to a sufficient token keeps it sufficient",
  () => {
    fc.assert(
      fc.property(
        arbitrary.chain(([data, paths]) =>
          fc.tuple(fc.constant(data), fc.constant(paths), fc.subarray(data.scopes.map((s) => s.name))),
        ),
        ([data, paths, extra]) => {
          const calc = createCalculator(parseCatalog(data));
          const calls = paths.map((p) => `GET ${p.replace(":id", "x")}`);
          const plan = calc.minimalScopes(calls);
          expect(calc.checkToken([...plan.scopes, ...extra], calls).sufficient).toBe(calls.length > 0);
        },
      ),
      { numRuns },
    );
  },
  timeout,
);
