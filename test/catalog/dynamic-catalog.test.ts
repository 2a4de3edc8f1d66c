import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compiledOf } from "../../src/catalog/compiled.js";
import { DYNAMIC_SCOPES, dynamicCatalog, grants, parseCatalog } from "../../src/index.js";

const raw: unknown = JSON.parse(readFileSync(new URL("../../data/dynamic.catalog.json", import.meta.url), "utf8"));

describe("embedded Dynamic catalog", () => {
  test("passes full validation (the start-up path skips it, so this test is the gate)", () => {
    expect(() => parseCatalog(raw, { file: "data/dynamic.catalog.json" })).not.toThrow();
  });

  test("compiles the same with and without the validator", () => {
    const parsed = parseCatalog(raw);
    expect(parsed.endpoints).toEqual(dynamicCatalog.endpoints);
    expect(parsed.scopes.map((s) => parsed.scope(s))).toEqual(
      dynamicCatalog.scopes.map((s) => dynamicCatalog.scope(s)),
    );
  });

  test("has exactly Dynamic's 14 TokenScopes, in the Scope type's list", () => {
    expect([...dynamicCatalog.scopes].sort()).toEqual([...DYNAMIC_SCOPES].sort());
  });

  test("holds the 131 method+path pairs of the docs page under 13 scopes", () => {
    expect(dynamicCatalog.endpoints).toHaveLength(131);
    const withEndpoints = dynamicCatalog.scopes.filter((s) => dynamicCatalog.scope(s)!.unlocks > 0);
    expect(withEndpoints).toHaveLength(13);
    expect(grants("environment.events.write")).toEqual([]);
    expect(() => grants("environment.events.wrte" as never)).toThrow(/did you mean environment.events.write/);
  });

  test("per-scope endpoint counts match the docs page", () => {
    const counts = Object.fromEntries(dynamicCatalog.scopes.map((s) => [s, dynamicCatalog.scope(s)!.unlocks]));
    expect(counts).toEqual({
      "waas.authenticate": 1,
      "waas.delegatedAccess.signMessage": 1,
      "environment.balances.read": 1,
      "environment.apiTokens.read": 1,
      "environment.apiTokens.write": 2,
      "environment.events.read": 3,
      "environment.events.write": 0,
      "environment.webhooks.read": 4,
      "environment.webhooks.write": 4,
      "environment.analytics.read": 6,
      "environment.users.read": 14,
      "environment.users.write": 14,
      "environment.settings.read": 26,
      "environment.settings.write": 54,
    });
  });

  test("invents no any-of and no implication", () => {
    for (const s of dynamicCatalog.scopes) expect(dynamicCatalog.scope(s)!.implies).toEqual([]);
    for (const e of dynamicCatalog.endpoints) expect(e.anyOf).toHaveLength(1);
  });

  test("the 8 deprecated endpoints each point at their environment-scoped twin", () => {
    const deprecated = dynamicCatalog.endpoints.filter((e) => e.deprecated);
    expect(deprecated).toHaveLength(8);
    for (const e of deprecated) {
      expect(e.replacedBy).toEqual({ method: e.method, path: `/environments/:environmentId${e.path}` });
    }
    expect(deprecated.map((e) => `${e.method} ${e.path}`)).toContain("GET /users/:userId");
  });

  test("POSTs filed under read scopes stay there: the method never implies a scope", () => {
    const scopeOf = (method: string, path: string) =>
      dynamicCatalog.endpoints.find((e) => e.method === method && e.path === path)?.anyOf;
    expect(scopeOf("POST", "/environments/:environmentId/users/:userId/balances")).toEqual([
      "environment.balances.read",
    ]);
    expect(scopeOf("POST", "/environments/:environmentId/users/:userId/wallets")).toEqual(["environment.users.read"]);
  });

  test("metadata: semver version, format, source and base URLs", () => {
    expect(dynamicCatalog.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dynamicCatalog.formatVersion).toBe(2);
    expect(dynamicCatalog.source.url).toMatch(/^https:\/\//);
    expect(dynamicCatalog.baseUrls).toEqual(["https://app.dynamicauth.com/api/v0", "https://app.dynamic.xyz/api/v0"]);
    expect(compiledOf(dynamicCatalog).basePaths).toEqual(["/api/v0"]);
  });
});
