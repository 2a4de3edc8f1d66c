import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  checkToken,
  createCalculator,
  dynamicCatalog,
  InputError,
  parseCatalog,
  type CallInput,
} from "../../src/index.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { randomCatalog } from "../helpers/random-catalog.js";
import { requestOf } from "../helpers/request-grammar.js";
import { model } from "../helpers/scope-model.js";

const ALL = [...dynamicCatalog.scopes];

// Token documents of every shape, and some that fight back when read.
const tokens = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.array(fc.oneof(fc.constantFrom(...ALL), fc.string({ maxLength: 30 }))),
    fc.record({ scopes: fc.array(fc.constantFrom(...ALL)) }),
    fc.record({ token: fc.record({ scopes: fc.array(fc.constantFrom(...ALL)) }) }),
    fc.record({
      tokens: fc.array(fc.record({ id: fc.string(), scopes: fc.array(fc.constantFrom(...ALL)) }), { maxLength: 3 }),
    }),
    fc.anything(),
    fc.constantFrom<unknown>(
      null,
      Object.defineProperty({}, "scopes", {
        enumerable: true,
        get: () => {
          throw new Error("getter");
        },
      }),
      Object.defineProperty({}, "tokens", {
        enumerable: true,
        get: () => {
          throw Object.create(null);
        },
      }),
      {
        scopes: new Proxy([], {
          get: (_t, key) => {
            if (typeof key === "string") throw new Error("trap");
          },
        }),
      },
      new Proxy(
        {},
        {
          getOwnPropertyDescriptor: () => {
            throw new Error("trap");
          },
        },
      ),
    ),
  );

const calls = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.array(
      fc.oneof(
        requestOf(dynamicCatalog).map(({ method, url }) => `${method} ${url}`),
        requestOf(dynamicCatalog),
        fc.anything(),
      ),
      { maxLength: 8 },
    ),
    fc.anything(),
  );

describe("checkToken", () => {
  test(
    "never throws anything but InputError (for a token document of the wrong shape), whatever the token and calls",
    () => {
      fc.assert(
        fc.property(tokens(), calls(), (token, list) => {
          try {
            checkToken(token, list as Iterable<CallInput>);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        }),
        { numRuns },
      );
    },
    timeout,
  );

  test(
    "is never sufficient when any call is unknown, invalid or of the wrong method, even for a token holding every scope",
    () => {
      fc.assert(
        fc.property(fc.array(requestOf(dynamicCatalog), { minLength: 1, maxLength: 8 }), (requests) => {
          const check = checkToken(ALL, requests);
          const unidentified = check.calls.filter((c) => c.result.status !== "matched").map((c) => c.index);
          expect(check.unidentified.map((u) => u.index)).toEqual(unidentified);
          expect(check.sufficient).toBe(unidentified.length === 0);
          expect(check.calls).toHaveLength(requests.length);
        }),
        { numRuns },
      );
    },
    timeout,
  );

  const arbitrary = randomCatalog().chain((data) => {
    const names = data.scopes.map((s) => s.name);
    const paths = data.scopes.flatMap((s) => s.endpoints.map((e) => e.path));
    return fc.tuple(
      fc.constant(data),
      fc.array(fc.constantFrom(...paths), { maxLength: 6 }),
      fc.subarray(names),
      fc.constantFrom(...names, "unknown.scope", "__proto__"),
    );
  });

  test(
    "is sufficient exactly when every call is unlocked by a held scope, implications followed transitively (checked against a model)",
    () => {
      fc.assert(
        fc.property(arbitrary, ([data, paths, token]) => {
          const m = model(data);
          const check = createCalculator(parseCatalog(data)).checkToken(
            token,
            paths.map((p) => `GET ${p.replace(":id", "x")}`),
          );
          expect(check.sufficient).toBe(paths.length > 0 && paths.every((p) => token.some((s) => m.unlocks(s, p))));
          expect(check.missing.map((x) => x.index)).toEqual(
            paths.flatMap((p, i) => (token.some((s) => m.unlocks(s, p)) ? [] : [i])),
          );
        }),
        { numRuns },
      );
    },
    timeout,
  );

  test(
    "adding any scope (known or not) to a sufficient token keeps it sufficient; adding to an insufficient one never removes a covered call",
    () => {
      fc.assert(
        fc.property(arbitrary, ([data, paths, token, extra]) => {
          const calc = createCalculator(parseCatalog(data));
          const list = paths.map((p) => `GET ${p.replace(":id", "x")}`);
          const before = calc.checkToken(token, list);
          const after = calc.checkToken([...token, extra], list);
          if (before.sufficient) expect(after.sufficient).toBe(true);
          for (const [i, c] of before.calls.entries()) if (c.covered) expect(after.calls[i]!.covered).toBe(true);
        }),
        { numRuns },
      );
    },
    timeout,
  );

  test(
    "the scopes it says to add make the token sufficient",
    () => {
      fc.assert(
        fc.property(arbitrary, ([data, paths, token]) => {
          const calc = createCalculator(parseCatalog(data));
          const list = paths.map((p) => `GET ${p.replace(":id", "x")}`);
          const check = calc.checkToken(token, list);
          expect(calc.checkToken([...token, ...check.add], list).sufficient).toBe(list.length > 0);
        }),
        { numRuns },
      );
    },
    timeout,
  );
});
