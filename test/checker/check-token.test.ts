import { describe, expect, test } from "vitest";
import { checkToken, dynamicCatalog, InputError } from "../../src/index.js";

const calls = ["GET /environments/e1/users", "POST /environments/e1/users", "GET /environments/e1/webhooks"];

describe("checkToken", () => {
  test("sufficient when every call is identified and covered", () => {
    const r = checkToken(["environment.users.read", "environment.users.write", "environment.webhooks.read"], calls);
    expect(r).toMatchObject({
      kind: "token",
      sufficient: true,
      missing: [],
      unidentified: [],
      unused: [],
      unknownScopes: [],
      add: [],
    });
  });

  test("lists each uncovered call with the scopes that would cover it, and what to add", () => {
    const r = checkToken(["environment.users.read"], calls);
    expect(r.sufficient).toBe(false);
    expect(r.missing.map((m) => [m.index, m.anyOf])).toEqual([
      [1, ["environment.users.write"]],
      [2, ["environment.webhooks.read"]],
    ]);
    expect(r.add).toEqual(["environment.users.write", "environment.webhooks.read"]);
  });

  test("an unknown or invalid call makes any token insufficient, kept apart from missing scopes", () => {
    const every = [
      "environment.users.read",
      "environment.users.write",
      "environment.webhooks.read",
      "environment.settings.read",
    ];
    const r = checkToken(every, [
      ...calls,
      "GET /environments/e1/nothing",
      "GET /environments/../x",
      "PATCH /environments/e1/users",
    ]);
    expect(r.sufficient).toBe(false);
    expect(r.missing).toEqual([]);
    expect(r.unidentified.map((u) => [u.index, u.status])).toEqual([
      [3, "unknown"],
      [4, "invalid"],
      [5, "method-not-allowed"],
    ]);
  });

  test("no calls at all proves nothing: never sufficient, and every scope is unused", () => {
    const r = checkToken(["environment.users.read"], []);
    expect(r.sufficient).toBe(false);
    expect(r.unused).toEqual([
      { scope: "environment.users.read", unlocks: 14, risk: dynamicCatalog.scope("environment.users.read")!.risk },
    ]);
    expect(r.remove).toEqual(["environment.users.read"]);
  });

  test("reports unused scopes with how many endpoints they unlock for nothing", () => {
    const r = checkToken(
      ["environment.users.read", "environment.users.write", "environment.webhooks.read", "environment.settings.write"],
      calls,
    );
    expect(r.sufficient).toBe(true);
    expect(r.unused).toEqual([
      { scope: "environment.settings.write", unlocks: 54, risk: expect.objectContaining({ level: "critical" }) },
    ]);
  });

  test("unknown scope names grant nothing and come with a did-you-mean", () => {
    const r = checkToken(
      ["environment.users.raed", "environment.users.write", "environment.webhooks.read", "toString", "__proto__"],
      calls,
    );
    expect(r.sufficient).toBe(false);
    expect(r.unknownScopes).toEqual([
      { scope: "environment.users.raed", didYouMean: "environment.users.read" },
      { scope: "toString" },
      { scope: "__proto__" },
    ]);
  });

  test.each<[string, unknown]>([
    ["{ scopes }", { scopes: ["environment.users.read"] }],
    ["{ token: { scopes } } (create-token response)", { token: { id: "t1", scopes: ["environment.users.read"] } }],
  ])("reads Dynamic's token JSON: %s", async (_name, token) => {
    expect(checkToken(token, ["GET /environments/e1/users"])).toMatchObject({ kind: "token", sufficient: true });
  });

  test("checks the { tokens } list response token by token", () => {
    const r = checkToken(
      {
        tokens: [
          { id: "a", note: "read only", scopes: ["environment.users.read"] },
          { id: "b", scopes: ["environment.users.read", "environment.users.write"] },
        ],
      },
      calls.slice(0, 2),
    );
    expect(r.kind).toBe("tokens");
    expect(r.sufficient).toBe(true);
    expect(r.tokens.map((t) => [t.id, t.check.sufficient])).toEqual([
      ["a", false],
      ["b", true],
    ]);
  });

  test.each<[string, unknown, string]>([
    ["a number", 42, "$"],
    ["scopes that are not an array", { scopes: "environment.users.read" }, "$.scopes"],
    ["a non-string scope", ["environment.users.read", 7], "$[1]"],
    ["a bad token in a list", { tokens: [{ scopes: [] }, { scopes: [null] }] }, "$.tokens[1].scopes[0]"],
    // More than one shape: which scopes apply is ambiguous, so none is chosen.
    ["scopes and token", { scopes: ["environment.users.read"], token: { scopes: ["x"] } }, "$.token"],
    ["scopes and tokens", { scopes: ["environment.users.read"], tokens: [] }, "$.tokens"],
    ["token and tokens", { token: { scopes: [] }, tokens: [{ scopes: [] }] }, "$.tokens"],
    ["a null token beside scopes", { scopes: ["environment.users.read"], token: null }, "$.token"],
  ])("throws InputError with the JSON path for %s", async (_name, token, path) => {
    expect(() => checkToken(token, calls)).toThrow(InputError);
    try {
      checkToken(token, calls);
    } catch (error) {
      expect((error as InputError).issues[0]?.path).toBe(path);
    }
  });
});
