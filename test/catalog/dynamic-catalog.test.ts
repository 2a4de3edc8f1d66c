import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { dynamicScopeSchema } from "../../src/catalog/dynamic-scopes.js";
import { dynamicCatalog, grants, parseCatalog } from "../../src/index.js";

const raw: unknown = JSON.parse(readFileSync(new URL("../../data/dynamic.catalog.json", import.meta.url), "utf8"));

describe("embedded Dynamic catalog", () => {
  test("passes full validation (the start-up path skips it, so this test is the gate)", () => {
    expect(() => parseCatalog(raw, { file: "data/dynamic.catalog.json" })).not.toThrow();
  });

  test("compiles the same with and without the validator", () => {
    const parsed = parseCatalog(raw);
    expect(parsed._routes.map((r) => [r.endpoint, r.anyOf])).toEqual(
      dynamicCatalog._routes.map((r) => [r.endpoint, r.anyOf]),
    );
  });

  test("has exactly Dynamic's 14 TokenScopes, in the Scope type's list", () => {
    expect([...dynamicCatalog.scopes].sort()).toEqual([...dynamicScopeSchema.options].sort());
  });

  test("holds the 131 method+path pairs of the docs page under 13 scopes", () => {
    expect(dynamicCatalog._routes).toHaveLength(131);
    const withEndpoints = dynamicCatalog._data.scopes.filter((s) => s.endpoints.length > 0).map((s) => s.name);
    expect(withEndpoints).toHaveLength(13);
    expect(grants("environment.events.write")).toEqual([]);
  });

  test("per-scope endpoint counts match the docs page", () => {
    const counts = Object.fromEntries(dynamicCatalog._data.scopes.map((s) => [s.name, s.endpoints.length]));
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
    for (const s of dynamicCatalog._data.scopes) {
      expect(s.implies ?? []).toEqual([]);
      for (const e of s.endpoints) expect(e.alsoUnlockedBy ?? []).toEqual([]);
    }
    for (const r of dynamicCatalog._routes) expect(r.anyOf).toHaveLength(1);
  });

  test("the 8 deprecated endpoints each point at their environment-scoped twin", () => {
    const deprecated = dynamicCatalog._routes.filter((r) => r.endpoint.deprecated).map((r) => r.endpoint);
    expect(deprecated).toHaveLength(8);
    for (const e of deprecated) {
      expect(e.replacedBy).toEqual({ method: e.method, path: `/environments/:environmentId${e.path}` });
    }
    expect(deprecated.map((e) => `${e.method} ${e.path}`)).toContain("GET /users/:userId");
  });

  test("POSTs filed under read scopes stay there: the method never implies a scope", () => {
    const scopeOf = (method: string, path: string) =>
      dynamicCatalog._routes.find((r) => r.endpoint.method === method && r.endpoint.path === path)?.anyOf;
    expect(scopeOf("POST", "/environments/:environmentId/users/:userId/balances")).toEqual([
      "environment.balances.read",
    ]);
    expect(scopeOf("POST", "/environments/:environmentId/users/:userId/wallets")).toEqual(["environment.users.read"]);
  });

  test("metadata: semver version, format, source and base URLs", () => {
    expect(dynamicCatalog.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dynamicCatalog.formatVersion).toBe(1);
    expect(dynamicCatalog.source.url).toMatch(/^https:\/\//);
    expect(dynamicCatalog.baseUrls).toEqual(["https://app.dynamicauth.com/api/v0", "https://app.dynamic.xyz/api/v0"]);
    expect(dynamicCatalog._basePaths).toEqual(["/api/v0"]);
  });
});
