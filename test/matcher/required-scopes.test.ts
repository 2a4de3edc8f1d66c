import { compiledOf } from "../../src/catalog/compiled.js";
import { expect, test } from "vitest";
import { dynamicCatalog, requiredScopes } from "../../src/index.js";
import { matchCall, requiredScopesCareful } from "../../src/matcher/required-scopes.js";

test.each([
  ["the careful path", () => requiredScopesCareful(compiledOf(dynamicCatalog), "GET /environments/e1/us%20rz")],
  ["the fast path", () => requiredScopes("GET /environments/e1/userz")],
])("an unknown result from %s stays readable when frozen (as immutable stores do)", async (_name, make) => {
  const result = Object.freeze(make());
  expect(result.status).toBe("unknown");
  expect(() => JSON.stringify(result)).not.toThrow();
  if (result.status === "unknown") expect(result.suggestions.length).toBeGreaterThan(0);
});

test.each([
  ["the fast path", "GET /environments/e1/userz"],
  ["the careful path", "GET /environments/e1/us%20rz"],
])("without suggestions, %s answers an unknown call the same, its list empty", (_name, call) => {
  const catalog = compiledOf(dynamicCatalog);
  const full = matchCall(catalog, call);
  if (full.status !== "unknown") throw new Error(`expected unknown, got ${full.status}`);
  expect(full.suggestions.length).toBeGreaterThan(0);
  expect(matchCall(catalog, call, false)).toEqual({ ...full, suggestions: [] });
});
