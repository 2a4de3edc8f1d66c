import { compiledOf } from "../../src/catalog/compiled.js";
import { expect, test } from "vitest";
import { dynamicCatalog, requiredScopes } from "../../src/index.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";

test.each([
  ["the careful path", () => requiredScopesCareful(compiledOf(dynamicCatalog), "GET /environments/e1/us%20rz")],
  ["the fast path", () => requiredScopes("GET /environments/e1/userz")],
])("an unknown result from %s stays readable when frozen (as immutable stores do)", async (_name, make) => {
  const result = Object.freeze(make());
  expect(result.status).toBe("unknown");
  expect(() => JSON.stringify(result)).not.toThrow();
  if (result.status === "unknown") expect(result.suggestions.length).toBeGreaterThan(0);
});
