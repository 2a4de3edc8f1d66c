import { expect, test } from "vitest";
import { dynamicCatalog } from "../../src/index.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";

test("an unknown result stays readable when frozen (as immutable stores do): its lazy suggestions are computed, not stored", () => {
  const result = Object.freeze(requiredScopesCareful(dynamicCatalog, "GET /environments/e1/us%20rz"));
  expect(result.status).toBe("unknown");
  expect(() => JSON.stringify(result)).not.toThrow();
  if (result.status === "unknown") expect(result.suggestions.length).toBeGreaterThan(0);
});
