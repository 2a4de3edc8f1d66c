import { describe, expect, test } from "vitest";
import { checkToken, MAX_URL_LENGTH, minimalScopes, requiredScopes, type CallInput } from "../../src/index.js";
import { MAX_CALLS } from "../../src/matcher/limits.js";

const MB = 1024 * 1024;

describe("input caps (src/matcher/limits.ts)", () => {
  test.each<[string, unknown]>([
    ["a 1 MB path", `GET /environments/e1/users/${"a".repeat(MB)}`],
    ["a 1 MB path in an object", { method: "GET", url: `/environments/${"a".repeat(MB)}/users` }],
    ["a 100,000-segment path", `GET ${"/a".repeat(100_000)}`],
    [
      "a 100,000-segment absolute URL",
      { method: "GET", url: `https://app.dynamicauth.com/api/v0${"/users".repeat(100_000)}` },
    ],
    ["1 MB of percent signs", `GET /${"%".repeat(MB)}`],
    ["1 MB of slashes", { method: "GET", path: "/".repeat(MB) }],
    ["a 1 MB method", { method: "G".repeat(MB), url: "/environments/e1/users" }],
  ])("%s is invalid (too-long or bad-method); bench/caps.mjs times it", async (_name, call) => {
    const value = requiredScopes(call as CallInput);
    expect(value).toMatchObject({ status: "invalid" });
    expect(["too-long", "bad-method"]).toContain(value.status === "invalid" ? value.code : "");
  });

  test("a URL of exactly MAX_URL_LENGTH characters is read; one more is too long", () => {
    const path = (n: number) => `/environments/e1/users/${"u".repeat(n - "/environments/e1/users/".length)}`;
    expect(requiredScopes({ method: "GET", url: path(MAX_URL_LENGTH) })).toMatchObject({ status: "matched" });
    expect(requiredScopes({ method: "GET", url: path(MAX_URL_LENGTH + 1) })).toMatchObject({
      status: "invalid",
      code: "too-long",
    });
  });

  test("a path of 4,000 segments under the length cap is unknown, suggestions included", () => {
    const r = requiredScopes(`GET ${"/a".repeat(4000)}`);
    expect(r.status === "unknown" ? [r.status, r.suggestions.length] : [r.status]).toEqual(["unknown", 0]);
  });

  test(`an endless list of calls stops at MAX_CALLS (${MAX_CALLS}) with an invalid too-many-calls entry, so the answer is never complete`, () => {
    const endless = function* () {
      for (;;) yield 0;
    };
    const plan = minimalScopes(endless() as Iterable<CallInput>);
    expect(plan.calls).toHaveLength(MAX_CALLS + 1);
    expect(plan.complete).toBe(false);
    expect(plan.calls.at(-1)!.result).toMatchObject({ status: "invalid", code: "too-many-calls" });
  }, 60_000);

  test("a list that throws while being read ends with an invalid entry; the calls before it are kept", () => {
    const failing = function* () {
      yield "GET /environments/e1/users";
      throw new Error("disk gone");
    };
    const check = checkToken(["environment.users.read"], failing() as Iterable<CallInput>);
    expect(check.sufficient).toBe(false);
    expect(check.calls.map((c) => c.result.status)).toEqual(["matched", "invalid"]);
    expect(check.unidentified[0]).toMatchObject({
      index: 1,
      status: "invalid",
      reason: "reading the list of calls threw: disk gone",
    });
  });
});
