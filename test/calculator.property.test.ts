import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  checkToken,
  createCalculator,
  minimalScopes,
  parseCatalog,
  requiredScopes,
  type CallInput,
} from "../src/index.js";
import { numRuns, timeout } from "./helpers/fc.js";
import { routeShapeCatalog, SHAPE_LITERALS } from "./helpers/route-shapes.js";
import { model } from "./helpers/scope-model.js";

// Names that are special on plain JavaScript objects: in scopewise they are plain names.
const NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
  "prototype",
];

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const snapshot = (): unknown => ({
  own: Object.getOwnPropertyNames(Object.prototype).sort(),
  keys: Object.keys(Object.prototype),
  polluted: ({} as { polluted?: unknown }).polluted,
  toString: Object.prototype.toString,
  arrayKeys: Object.keys(Array.prototype),
});
let before: unknown;
beforeAll(() => {
  before = snapshot();
});
afterAll(() => {
  // No property of any run below reached a shared prototype.
  expect(snapshot()).toEqual(before);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});

/** A request path for a template: each param filled with one of the special names or a literal. */
const fill = (template: string, values: readonly string[]): string => {
  let k = 0;
  return template.replace(/:\w+/g, () => values[k++ % values.length] as string);
};

test(
  "special names as scope names, param names, token scopes and param values: no crash, exact answers, own params only",
  () => {
    const arbitrary = routeShapeCatalog(NAMES.slice(0, 4), NAMES.slice(0, 4)).chain((data) => {
      const endpoints = data.scopes.flatMap((s) => s.endpoints);
      return fc.tuple(
        fc.constant(data),
        fc.array(
          fc.tuple(
            fc.constantFrom(...endpoints),
            fc.array(fc.constantFrom(...NAMES, ...SHAPE_LITERALS), { minLength: 1, maxLength: 4 }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.subarray([...NAMES, "polluted"]),
      );
    });
    fc.assert(
      fc.property(arbitrary, ([data, picks, token]) => {
        const calc = createCalculator(parseCatalog(data));
        const m = model(data);
        const calls = picks.map(([e, values]) => `${e.method} ${fill(e.path, values)}`);
        for (const call of calls) {
          const result = calc.requiredScopes(call);
          if (result.status !== "matched") continue;
          expect(Object.getPrototypeOf(result.params)).toBe(Object.prototype);
          const names = [...result.endpoint.path.matchAll(/:(\w+)/g)].map((x) => x[1] as string);
          expect(Object.keys(result.params).sort()).toEqual([...names].sort());
          for (const n of names) expect(Object.prototype.hasOwnProperty.call(result.params, n)).toBe(true);
        }
        const check = calc.checkToken(token, calls);
        // Sufficient only when the model says every call is unlocked by a held scope.
        const expected = check.calls.every(
          (c) =>
            c.result.status === "matched" &&
            token.some((s) =>
              m.unlocks(
                s,
                c.result.status === "matched" ? c.result.endpoint.path : "",
                c.result.status === "matched" ? c.result.endpoint.method : "",
              ),
            ),
        );
        expect(check.sufficient).toBe(expected);
        const plan = calc.minimalScopes(calls);
        expect(plan.calls).toHaveLength(calls.length);
        expect(calc.checkToken([...plan.scopes], calls).sufficient).toBe(plan.complete && calls.length > 0);
      }),
      { numRuns },
    );
  },
  timeout,
);

test(
  "special names in the Dynamic catalog's tokens and calls grant nothing and break nothing",
  () => {
    const field = fc.constantFrom(...NAMES, "method", "url", "path", "polluted");
    const callObject = fc
      .array(
        fc.tuple(
          field,
          fc.oneof(
            fc.constantFrom("GET", "/environments/e1/users", '{"polluted":1}'),
            fc.constant({ polluted: true }),
            fc.constant(null),
          ),
        ),
        { maxLength: 5 },
      )
      .map((entries) => JSON.parse(JSON.stringify(Object.fromEntries(entries))) as unknown);
    const callString = fc
      .tuple(fc.constantFrom("GET", "POST", ...NAMES), fc.constantFrom(...NAMES))
      .map(([m, n]) => `${m} /environments/${n}/users/${n}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(callObject, callString), { maxLength: 6 }), fc.subarray(NAMES), (calls, token) => {
        for (const call of calls) requiredScopes(call as CallInput);
        expect(checkToken(token, calls as CallInput[]).granted).toEqual([]);
        const check = checkToken(token, calls as CallInput[]);
        // No call can be covered by a special name, and no calls prove nothing.
        expect(check.sufficient).toBe(false);
        expect(minimalScopes(calls as CallInput[]).calls).toHaveLength(calls.length);
      }),
      { numRuns },
    );
  },
  timeout,
);

test("a token document whose own keys are __proto__ or constructor is read as data, never as a prototype", () => {
  const documents = [
    '{"__proto__": {"scopes": ["environment.users.read"]}}',
    '{"constructor": {"prototype": {"scopes": ["environment.users.read"]}}}',
    '{"scopes": ["__proto__"], "__proto__": {"polluted": true}}',
    '{"tokens": [{"__proto__": {"scopes": ["environment.users.read"]}}]}',
  ];
  for (const doc of documents) {
    let sufficient: boolean | undefined;
    try {
      sufficient = checkToken(JSON.parse(doc) as never, ["GET /environments/e1/users"]).sufficient;
    } catch {
      sufficient = undefined; // an InputError: the shape is wrong, which is also fine
    }
    expect(sufficient, doc).not.toBe(true);
  }
});
