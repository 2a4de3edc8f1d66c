import fc from "fast-check";
import { expect, test } from "vitest";
import { dynamicCatalog, minimalScopes, type CallInput } from "../../src/index.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { requestOf } from "../helpers/request-grammar.js";

const anyCall = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    requestOf(dynamicCatalog).map(({ method, url }) => `${method} ${url}`),
    requestOf(dynamicCatalog),
    fc.anything(),
    fc.constantFrom<unknown>(
      null,
      42,
      Object.defineProperty({}, "method", {
        enumerable: true,
        get: () => {
          throw new Error("getter");
        },
      }),
    ),
  );

test(
  "minimalScopes never drops a call: every call in is a call out, and every unidentified one is listed with why",
  () => {
    fc.assert(
      fc.property(fc.array(anyCall(), { maxLength: 10 }), (calls) => {
        const plan = minimalScopes(calls as CallInput[]);
        expect(plan.calls.map((c) => c.index)).toEqual(calls.map((_, i) => i));
        const unidentified = plan.calls.filter((c) => c.result.status !== "matched");
        expect(plan.unidentified.map((u) => [u.index, u.status])).toEqual(
          unidentified.map((c) => [c.index, c.result.status]),
        );
        for (const u of plan.unidentified) expect(u.reason).not.toBe("");
        expect(plan.complete).toBe(unidentified.length === 0);
        // Every identified call is covered by the plan.
        for (const c of plan.calls)
          if (c.result.status === "matched") expect(c.result.anyOf.some((s) => plan.scopes.includes(s))).toBe(true);
      }),
      { numRuns },
    );
  },
  timeout,
);

test(
  "minimalScopes never throws, even when the list itself is not a list or fails while being read",
  () => {
    const lists = fc.oneof(
      fc.anything(),
      fc.array(anyCall(), { maxLength: 4 }).map((calls) =>
        (function* () {
          yield* calls;
          throw new Error("failed mid-list");
        })(),
      ),
    );
    fc.assert(
      fc.property(lists, (list) => {
        const plan = minimalScopes(list as Iterable<CallInput>);
        expect(plan.complete).toBe(plan.unidentified.length === 0);
        if (typeof list !== "string" && !(typeof list === "object" && list !== null && Symbol.iterator in list)) {
          expect(plan.calls).toHaveLength(1);
          expect(plan.complete).toBe(false);
        }
      }),
      { numRuns },
    );
  },
  timeout,
);
