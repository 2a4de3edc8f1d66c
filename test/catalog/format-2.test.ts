import { describe, expect, test } from "vitest";
import { CatalogError, createCalculator, dynamicCatalog, parseCatalog, type CatalogData } from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

const issuesOf = (input: unknown): { code: string; path: string; message: string }[] => {
  try {
    parseCatalog(input);
  } catch (error) {
    return [...(error as CatalogError).issues];
  }
  throw new Error("expected the catalog to be rejected");
};

const rated = (): CatalogData => {
  const data = makeCatalog({ "a.read": [["GET", "/a"]], "a.write": [["POST", "/a"]] }, { "a.write": ["a.read"] });
  data.scopes[0]!.risk = { level: "read", rationale: "reads a" };
  data.scopes[1]!.risk = { level: "write", rationale: "writes a" };
  return data;
};

describe("catalog format 2: risk ratings and undocumented endpoints", () => {
  test("a format-1 catalog is migrated: it loads as format 2 with every scope unrated", () => {
    const v1 = { ...makeCatalog({ "a.read": [["GET", "/a"]] }), formatVersion: 1 };
    const catalog = parseCatalog(v1);
    expect(catalog.formatVersion).toBe(2);
    expect(catalog.scope("a.read")!.risk).toBeUndefined();
    expect(catalog.undocumented).toEqual([]);
  });

  test("a format-1 file that uses format-2 fields is refused as mislabelled", () => {
    const data = { ...rated(), formatVersion: 1, undocumented: [{ source: "x", endpoints: ["GET /b"] }] };
    expect(issuesOf(data).map((i) => i.path)).toEqual(["$.undocumented", "$.scopes[0].risk", "$.scopes[1].risk"]);
    expect(issuesOf(data)[0]!.message).toMatch(/needs formatVersion 2/);
  });

  test("ratings are read, and an endpoint's own rating shows on the endpoint", () => {
    const data = rated();
    data.scopes[1]!.endpoints[0]!.risk = { level: "read", rationale: "only looks" };
    const catalog = parseCatalog(data);
    expect(catalog.scope("a.write")!.risk).toEqual({ level: "write", rationale: "writes a" });
    expect(catalog.endpoints.find((e) => e.method === "POST")!.risk).toEqual({
      level: "read",
      rationale: "only looks",
    });
    expect(catalog.endpoints.find((e) => e.method === "GET")!.risk).toBeUndefined();
  });

  test.each([
    [
      "an endpoint rated above its scope",
      (d: CatalogData) => (d.scopes[0]!.endpoints[0]!.risk = { level: "admin", rationale: "x" }),
      "$.scopes[0].endpoints[0].risk",
    ],
    [
      "a scope rated below one it implies",
      (d: CatalogData) => (d.scopes[0]!.risk = { level: "admin", rationale: "x" }),
      "$.scopes[1].risk",
    ],
    [
      "an endpoint rated above a scope that also unlocks it",
      (d: CatalogData) => {
        d.scopes[1]!.endpoints[0]!.alsoUnlockedBy = ["a.read"];
        d.scopes[1]!.endpoints[0]!.risk = { level: "write", rationale: "x" };
      },
      "$.scopes[1].endpoints[0].risk",
    ],
  ])("a rating that understates is refused: %s", (_name, edit, path) => {
    const data = rated();
    edit(data);
    expect(issuesOf(data)).toEqual([expect.objectContaining({ code: "risk-understated", path })]);
  });

  test("an unknown level or an empty rationale is a schema error", () => {
    const data = rated() as unknown as { scopes: { risk: unknown }[] };
    data.scopes[0]!.risk = { level: "severe", rationale: "" };
    expect(issuesOf(data).map((i) => i.path)).toEqual(["$.scopes[0].risk.level", "$.scopes[0].risk.rationale"]);
  });

  test("undocumented endpoints: valid templates, listed once, never also documented", () => {
    const data = rated();
    data.undocumented = [
      { source: "sdk", endpoints: ["GET /b/:id", "GET /b/:other", "GET /a", "PUT /c/x:y", "get /d"] },
    ];
    expect(issuesOf(data).map(({ code, path }) => `${code} ${path}`)).toEqual([
      "schema $.undocumented[0].endpoints[4]",
    ]);
    data.undocumented[0]!.endpoints.pop();
    expect(issuesOf(data).map(({ code, path }) => `${code} ${path}`)).toEqual([
      "duplicate-endpoint $.undocumented[0].endpoints[1]",
      "documented-undocumented $.undocumented[0].endpoints[2]",
      "invalid-template $.undocumented[0].endpoints[3]",
    ]);
  });

  test("undocumented prefixes: valid templates that cover no documented endpoint", () => {
    const data = rated();
    data.undocumented = [{ source: "sdk", endpoints: [], prefixes: ["/sdk/:environmentId", "/a", "/x:y", "/"] }];
    expect(issuesOf(data).map(({ code, path }) => `${code} ${path}`)).toEqual([
      "documented-undocumented $.undocumented[0].prefixes[1]",
      "invalid-template $.undocumented[0].prefixes[2]",
      "invalid-template $.undocumented[0].prefixes[3]",
    ]);
    data.undocumented[0]!.prefixes = ["/sdk/:environmentId"];
    const calc = createCalculator(parseCatalog(data));
    expect(calc.requiredScopes("DELETE /sdk/e1/x/y")).toMatchObject({
      status: "unknown",
      undocumented: { method: "*" },
    });
    expect(calc.requiredScopes("GET /sdkx/e1")).not.toHaveProperty("undocumented");
  });

  test("undocumented endpoints count toward the endpoint cap", () => {
    const data = rated();
    data.undocumented = [{ source: "sdk", endpoints: Array.from({ length: 10_000 }, (_, i) => `GET /u${i}`) }];
    expect(issuesOf(data)).toEqual([expect.objectContaining({ code: "too-large" })]);
  });

  test("Dynamic's catalog rates every scope, and no endpoint above its scope", () => {
    for (const s of dynamicCatalog.scopes) expect(dynamicCatalog.scope(s)!.risk?.rationale, s).toBeTruthy();
    expect(dynamicCatalog.undocumented.find((u) => u.path === "/tokens/me")).toMatchObject({ method: "GET" });
    expect(dynamicCatalog.undocumented.length).toBeGreaterThan(50);
    expect(dynamicCatalog.undocumented).toContainEqual({
      method: "*",
      path: "/sdk/:environmentId/*",
      source: "@dynamic-labs/sdk-api 0.0.847",
    });
  });
});
