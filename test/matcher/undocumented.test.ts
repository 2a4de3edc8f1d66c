import { describe, expect, test } from "vitest";
import { compiledOf } from "../../src/catalog/compiled.js";
import { fastMatch } from "../../src/matcher/fast/match.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";
import {
  checkToken,
  createCalculator,
  DYNAMIC_SCOPES,
  dynamicCatalog,
  minimalScopes,
  parseCatalog,
  requiredScopes,
} from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

describe("endpoints that exist with no documented scope stay unknown, saying so", () => {
  test.each([
    ["GET /tokens/me", "GET /tokens/me"],
    ["GET https://app.dynamic.xyz/api/v0/tokens/me?x=1", "GET /tokens/me"],
    ["POST /user/tokens", "POST /user/tokens"],
    // The documented GET /environments/:environmentId/waas/:walletId has this path's shape, but not its method.
    ["POST /environments/e1/waas/create", "POST /environments/:environmentId/waas/create"],
  ])("%s: exists, as %s", (call, endpoint) => {
    const r = requiredScopes(call);
    expect(r).toMatchObject({ status: "unknown", suggestions: [] });
    expect(r.status === "unknown" && `${r.undocumented?.method} ${r.undocumented?.path}`).toBe(endpoint);
    const plan = minimalScopes([call]);
    expect(plan.complete).toBe(false);
    expect(plan.unidentified[0]!.reason).toMatch(/^exists, but no documented scope/);
    // Fail closed: every scope together is still not enough for it.
    expect(checkToken([...DYNAMIC_SCOPES], [call]).sufficient).toBe(false);
  });

  test.each(["GET /sdk/env-1/users", "POST /sdk/env-1/anything/at/all"])(
    "%s: under the client SDK's API, which has no documented scope",
    (call) => {
      expect(requiredScopes(call)).toMatchObject({
        status: "unknown",
        undocumented: { method: "*", path: "/sdk/:environmentId/*" },
      });
      expect(minimalScopes([call]).unidentified[0]!.reason).toBe(
        "no documented scope: under /sdk/:environmentId/…, an API known from @dynamic-labs/sdk-api 0.0.847",
      );
      expect(checkToken([...DYNAMIC_SCOPES], [call]).sufficient).toBe(false);
    },
  );

  test.each(["GET /tokens/you", "GET /Tokens/me", "DELETE /tokens/me", "GET /tokens/:id", "GET /nothing/here"])(
    "%s is not known to exist: unknown, with the plain reason",
    (call) => {
      const r = requiredScopes(call);
      expect(r.status === "unknown" || r.status === "method-not-allowed").toBe(true);
      expect(r.status === "unknown" ? r.undocumented : undefined).toBeUndefined();
      expect(minimalScopes([call]).unidentified[0]!.reason).not.toMatch(/exists/);
    },
  );

  test("the fast and the careful path agree on undocumented endpoints", () => {
    const compiled = compiledOf(dynamicCatalog);
    for (const u of dynamicCatalog.undocumented) {
      const url = u.path.replace(/:(\w+)/g, "x-$1").replace(/\*$/, "more");
      const method = u.method === "*" ? "PATCH" : u.method;
      const fast = fastMatch(compiled, method, url);
      const careful = requiredScopesCareful(compiled, { method, url });
      if (fast !== undefined) expect(fast).toEqual(careful);
      expect(careful).toMatchObject({ status: "unknown", undocumented: { method: u.method, path: u.path } });
    }
  });

  test("a literal template beats a param one, and a documented endpoint beats both", () => {
    const data = makeCatalog({ "a.read": [["GET", "/a/:id"]] });
    data.undocumented = [{ source: "docs", endpoints: ["GET /b/:id", "GET /b/me", "POST /a/:id"] }];
    const calc = createCalculator(parseCatalog(data));
    expect(calc.requiredScopes("GET /b/me")).toMatchObject({ undocumented: { path: "/b/me" } });
    expect(calc.requiredScopes("GET /b/you")).toMatchObject({ undocumented: { path: "/b/:id" } });
    expect(calc.requiredScopes("GET /a/1")).toMatchObject({ status: "matched" });
    expect(calc.requiredScopes("POST /a/1")).toMatchObject({ status: "unknown", undocumented: { source: "docs" } });
  });
});
