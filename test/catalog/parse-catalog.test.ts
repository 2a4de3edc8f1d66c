import { describe, expect, test } from "vitest";
import { CatalogError, createCalculator, parseCatalog, type CatalogData } from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

const issuesOf = (input: unknown): { code: string; path: string; message: string }[] => {
  try {
    parseCatalog(input, { file: "broken.json" });
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toContain("broken.json");
    return [...(error as CatalogError).issues];
  }
  throw new Error("expected the catalog to be rejected");
};

const edit = (f: (c: CatalogData & Record<string, unknown>) => void): CatalogData => {
  const c = makeCatalog({
    "a.read": [
      ["GET", "/a"],
      ["GET", "/a/:id"],
    ],
    "a.write": [["POST", "/a"]],
  }) as CatalogData & Record<string, unknown>;
  f(c);
  return c;
};

describe("parseCatalog rejects broken catalogs with every problem and its JSON path", () => {
  test.each<[string, unknown, { code: string; path: string; message?: RegExp }[]]>([
    [
      "text that is not JSON",
      '{"formatVersion": 1,,}',
      [{ code: "invalid-json", path: "$", message: /line 1, column 2\d/ }],
    ],
    [
      "a newer format",
      edit((c) => Object.assign(c, { formatVersion: 3 })),
      [{ code: "unsupported-format", path: "$.formatVersion" }],
    ],
    [
      "a missing summary",
      edit((c) => delete (c.scopes[0]!.endpoints[0] as Partial<{ summary: string }>).summary),
      [{ code: "schema", path: "$.scopes[0].endpoints[0].summary" }],
    ],
    [
      "an unknown field",
      edit((c) => Object.assign(c.scopes[1]!, { extra: true })),
      [{ code: "unknown-field", path: "$.scopes[1].extra" }],
    ],
    [
      "a lower-case method",
      edit((c) => (c.scopes[0]!.endpoints[0]!.method = "get")),
      [{ code: "schema", path: "$.scopes[0].endpoints[0].method" }],
    ],
    ["a version that is not semver", edit((c) => (c.version = "v1")), [{ code: "schema", path: "$.version" }]],
    ["a version with a leading zero", edit((c) => (c.version = "02.0.0")), [{ code: "schema", path: "$.version" }]],
    [
      "implies naming an unknown scope",
      edit((c) => (c.scopes[0]!.implies = ["a.raed"])),
      [{ code: "unknown-scope", path: "$.scopes[0].implies[0]", message: /a\.raed/ }],
    ],
    [
      "a scope implying itself",
      edit((c) => (c.scopes[0]!.implies = ["a.read"])),
      [{ code: "implication-cycle", path: "$.scopes[0].implies[0]", message: /implies itself/ }],
    ],
    [
      "an implication cycle",
      edit((c) => {
        c.scopes[0]!.implies = ["a.write"];
        c.scopes[1]!.implies = ["a.read"];
      }),
      [{ code: "implication-cycle", path: "$.scopes[1].implies[0]", message: /a\.read → a\.write → a\.read/ }],
    ],
    [
      "a duplicate scope",
      edit((c) => (c.scopes[1]!.name = "a.read")),
      [{ code: "duplicate-scope", path: "$.scopes[1].name" }],
    ],
    [
      "a duplicate method+template",
      edit((c) => c.scopes[1]!.endpoints.push({ method: "GET", path: "/a", summary: "again" })),
      [{ code: "duplicate-endpoint", path: "$.scopes[1].endpoints[1]" }],
    ],
    [
      "two templates of equal precedence",
      edit((c) => c.scopes[1]!.endpoints.push({ method: "GET", path: "/a/:other", summary: "x" })),
      [{ code: "ambiguous-templates", path: "$.scopes[1].endpoints[1].path", message: /\/a\/:id/ }],
    ],
    [
      "a template path-to-regexp cannot parse",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/:")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path", message: /path-to-regexp/ }],
    ],
    [
      "an unbalanced brace",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/{b")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path" }],
    ],
    [
      "two params in one segment",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/:x-:y")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path", message: /whole segment/ }],
    ],
    [
      "a wildcard",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/*rest")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path", message: /wildcard/ }],
    ],
    [
      "an optional group",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a{/:id}")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path", message: /group/ }],
    ],
    [
      "a trailing slash",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/b/")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path" }],
    ],
    [
      "an empty segment",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a//b")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path", message: /empty/ }],
    ],
    [
      "a percent sign in a literal",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/%62")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path" }],
    ],
    [
      "a repeated param name",
      edit((c) => (c.scopes[0]!.endpoints[1]!.path = "/a/:id/b/:id")),
      [{ code: "invalid-template", path: "$.scopes[0].endpoints[1].path", message: /twice/ }],
    ],
    [
      "alsoUnlockedBy naming an unknown scope",
      edit((c) => (c.scopes[0]!.endpoints[0]!.alsoUnlockedBy = ["nope"])),
      [{ code: "unknown-scope", path: "$.scopes[0].endpoints[0].alsoUnlockedBy[0]" }],
    ],
    [
      "replacedBy outside the catalog",
      edit((c) =>
        Object.assign(c.scopes[0]!.endpoints[0]!, { deprecated: true, replacedBy: { method: "GET", path: "/b" } }),
      ),
      [{ code: "unknown-endpoint", path: "$.scopes[0].endpoints[0].replacedBy" }],
    ],
    [
      "replacedBy without deprecated",
      edit((c) => Object.assign(c.scopes[0]!.endpoints[0]!, { replacedBy: { method: "GET", path: "/a/:id" } })),
      [{ code: "replacement-without-deprecation", path: "$.scopes[0].endpoints[0].replacedBy" }],
    ],
    [
      "a base URL with a query",
      edit((c) => (c.baseUrls = ["https://api.example.test/v1?x=1"])),
      [{ code: "invalid-base-url", path: "$.baseUrls[0]" }],
    ],
    ["no scopes", edit((c) => (c.scopes = [])), [{ code: "schema", path: "$.scopes" }]],
  ])("%s", async (_name, input, expected) => {
    const issues = issuesOf(input);
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(
      expected.map(({ code, path }) => ({ code, path })),
    );
    expected.forEach((e, i) => e.message && expect(issues[i]!.message).toMatch(e.message));
  });

  test("reports every problem at once, not just the first", () => {
    const issues = issuesOf(
      edit((c) => {
        c.scopes[0]!.implies = ["ghost"];
        c.scopes[1]!.endpoints.push({ method: "GET", path: "/a", summary: "dup" });
        c.scopes[1]!.endpoints[0]!.alsoUnlockedBy = ["phantom"];
      }),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(["duplicate-endpoint", "unknown-scope", "unknown-scope"]);
  });
});

describe("any-of and implications", () => {
  const catalog = parseCatalog(
    makeCatalog(
      {
        "files.read": [["GET", "/files/:id", { alsoUnlockedBy: ["files.admin"] }]],
        "files.write": [["PUT", "/files/:id"]],
        "files.admin": [["DELETE", "/files/:id"]],
        "org.owner": [],
      },
      { "org.owner": ["files.admin", "files.write"] },
    ),
  );
  const calc = createCalculator(catalog);

  test("an endpoint lists every scope that alone unlocks it, implications followed transitively", () => {
    expect(calc.requiredScopes("GET /files/1")).toMatchObject({
      status: "matched",
      anyOf: ["files.admin", "files.read", "org.owner"],
    });
    expect(calc.requiredScopes("PUT /files/1")).toMatchObject({ anyOf: ["files.write", "org.owner"] });
  });

  test("grants follow implications", () => {
    expect(calc.grants("org.owner").map((e) => e.method)).toEqual(["DELETE", "GET", "PUT"]);
    expect(calc.grants("files.read").map((e) => e.method)).toEqual(["GET"]);
  });

  test("a token holding an implying scope is sufficient", () => {
    expect(calc.checkToken(["org.owner"], ["GET /files/1", "PUT /files/2"]).sufficient).toBe(true);
  });
});
