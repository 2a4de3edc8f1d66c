import { describe, expect, test } from "vitest";
import { createCalculator, dynamicCatalog, minimalScopes, parseCatalog } from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

describe("minimalScopes on the Dynamic catalog", () => {
  test("one scope per distinct need, each with the calls that need it", () => {
    const p = minimalScopes([
      "GET /environments/e1/users",
      "GET /environments/e2/users/u1",
      "DELETE /environments/e1/webhooks/w1",
    ]);
    expect(p.scopes).toEqual(["environment.users.read", "environment.webhooks.write"]);
    expect(p.reasons.map((r) => [r.scope, r.calls.map((c) => c.index)])).toEqual([
      ["environment.users.read", [0, 1]],
      ["environment.webhooks.write", [2]],
    ]);
    expect(p.unlocks).toBe(18);
    expect(p.complete).toBe(true);
    expect(p.catalog).toEqual({ name: "dynamic", version: dynamicCatalog.version });
  });

  test("unknown and invalid calls are listed, never dropped, and mark the plan incomplete", () => {
    const p = minimalScopes(["GET /environments/e1/users", "GET /nope", "GET /environments/../x"]);
    expect(p.scopes).toEqual(["environment.users.read"]);
    expect(p.complete).toBe(false);
    expect(p.unidentified.map((u) => [u.index, u.status])).toEqual([
      [1, "unknown"],
      [2, "invalid"],
    ]);
    expect(p.calls).toHaveLength(3);
  });

  test("deprecated calls are flagged with their replacement", () => {
    const p = minimalScopes(["GET /users/u1"]);
    expect(p.deprecated).toEqual([
      {
        index: 0,
        call: "GET /users/u1",
        endpoint: expect.objectContaining({ path: "/users/:userId" }),
        replacedBy: { method: "GET", path: "/environments/:environmentId/users/:userId" },
      },
    ]);
  });

  test("no calls need no scopes", () => {
    expect(minimalScopes([])).toMatchObject({ scopes: [], unlocks: 0, complete: true });
  });
});

describe("minimalScopes with any-of and implications", () => {
  const calc = createCalculator(
    parseCatalog(
      makeCatalog(
        {
          "a.read": [["GET", "/a"]],
          "b.read": [["GET", "/b"]],
          "ab.read": [
            ["GET", "/ab"],
            ["GET", "/x"],
          ],
          narrow: [],
        },
        { "ab.read": ["a.read", "b.read"] },
      ),
    ),
  );

  test("one implying scope beats two narrower ones when it is fewer", () => {
    expect(calc.minimalScopes(["GET /a", "GET /b"]).scopes).toEqual(["ab.read"]);
  });

  test("ties go to the smaller blast radius", () => {
    expect(calc.minimalScopes(["GET /a"]).scopes).toEqual(["a.read"]);
  });
});

describe("minimalScopes breaks ties by risk before blast radius", () => {
  const rate = (level: "read" | "write" | "admin" | "critical") => ({ level, rationale: level });
  const data = makeCatalog({
    // Both unlock GET /a; wide.read unlocks more, but narrow.admin is riskier.
    "wide.read": [
      ["GET", "/a", { alsoUnlockedBy: ["narrow.admin"] }],
      ["GET", "/b"],
      ["GET", "/c"],
    ],
    "narrow.admin": [],
    "unrated.x": [["GET", "/d", { alsoUnlockedBy: ["crit.y"] }]],
    "crit.y": [],
  });
  data.scopes[0]!.risk = rate("read");
  data.scopes[1]!.risk = rate("admin");
  data.scopes[3]!.risk = rate("critical");
  const calc = createCalculator(parseCatalog(data));

  test("the lower-risk scope wins though it unlocks more", () => {
    const plan = calc.minimalScopes(["GET /a"]);
    expect(plan.scopes).toEqual(["wide.read"]);
    expect(plan.reasons[0]).toMatchObject({ scope: "wide.read", risk: { level: "read" } });
  });

  test("an unrated scope counts as above critical", () => {
    expect(calc.minimalScopes(["GET /d"]).scopes).toEqual(["crit.y"]);
    expect(calc.checkToken([], ["GET /d"]).add).toEqual(["crit.y"]);
  });
});
