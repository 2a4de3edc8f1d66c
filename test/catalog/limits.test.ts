import { describe, expect, test } from "vitest";
import { CatalogError, parseCatalog, type CatalogData } from "../../src/index.js";
import {
  MAX_CATALOG_ENDPOINTS,
  MAX_CATALOG_ISSUES,
  MAX_CATALOG_RELATIONS,
  MAX_CATALOG_SCOPES,
  MAX_IMPLICATION_DEPTH,
} from "../../src/catalog/limits.js";

const catalog = (scopes: CatalogData["scopes"]): CatalogData => ({
  formatVersion: 2,
  name: "big",
  version: "1.0.0",
  source: { url: "https://example.test/", retrieved: "2026-11-27" },
  baseUrls: ["https://api.example.test/v1"],
  scopes,
});

/** `n` scopes, scope i with `per` endpoints of its own. */
const sized = (n: number, per: number): CatalogData["scopes"] =>
  Array.from({ length: n }, (_, i) => ({
    name: `s${i}`,
    endpoints: Array.from({ length: per }, (_, j) => ({ method: "GET", path: `/r${i}/e${j}/:id`, summary: "x" })),
  }));

/** The issues a load fails with (bench/caps.mjs times these loads). */
const refuse = (input: unknown): { issues: { code: string; path: string; message: string }[] } => {
  try {
    parseCatalog(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return { issues: [...(error as CatalogError).issues] };
  }
  throw new Error("expected a CatalogError");
};

describe("catalog size caps (src/catalog/limits.ts)", () => {
  test("a catalog at every cap loads", () => {
    const scopes = sized(MAX_CATALOG_SCOPES, MAX_CATALOG_ENDPOINTS / MAX_CATALOG_SCOPES);
    // A chain as deep as allowed, and alsoUnlockedBy entries up to the relations cap.
    for (let i = 1; i < MAX_IMPLICATION_DEPTH; i++) scopes[i]!.implies = [`s${i - 1}`];
    let left = MAX_CATALOG_RELATIONS - (MAX_IMPLICATION_DEPTH - 1);
    for (const s of scopes)
      for (const e of s.endpoints) if (left-- > 0) e.alsoUnlockedBy = [s.name === "s0" ? "s1" : "s0"];
    const loaded = parseCatalog(catalog(scopes));
    expect(loaded.endpoints).toHaveLength(MAX_CATALOG_ENDPOINTS);
  });

  test.each<[string, () => CatalogData, string]>([
    [
      "one scope too many",
      () => catalog(sized(MAX_CATALOG_SCOPES + 1, 0)),
      `${MAX_CATALOG_SCOPES + 1} scopes; the limit is ${MAX_CATALOG_SCOPES}`,
    ],
    [
      "one endpoint too many",
      () => catalog(sized(1, MAX_CATALOG_ENDPOINTS + 1)),
      `${MAX_CATALOG_ENDPOINTS + 1} endpoints; the limit is ${MAX_CATALOG_ENDPOINTS}`,
    ],
    [
      "one relation too many",
      () =>
        catalog([
          { name: "a", implies: Array.from({ length: MAX_CATALOG_RELATIONS + 1 }, () => "b"), endpoints: [] },
          { name: "b", endpoints: [] },
        ]),
      `${MAX_CATALOG_RELATIONS + 1} implies and alsoUnlockedBy entries; the limit is ${MAX_CATALOG_RELATIONS}`,
    ],
  ])("%s is refused as too-large at $.scopes, before validating the rest", async (_name, make, message) => {
    const { issues } = refuse(make());
    expect(issues).toEqual([{ code: "too-large", path: "$.scopes", message }]);
  });

  test("an implication chain one scope longer than the cap is refused at the scope that starts it", () => {
    const scopes = sized(MAX_IMPLICATION_DEPTH + 1, 1);
    for (let i = 1; i < scopes.length; i++) scopes[i]!.implies = [`s${i - 1}`];
    expect(refuse(catalog(scopes)).issues).toEqual([
      {
        code: "too-large",
        path: `$.scopes[${MAX_IMPLICATION_DEPTH}].implies`,
        message: `s${MAX_IMPLICATION_DEPTH} starts an implication chain of ${MAX_IMPLICATION_DEPTH + 1} scopes; the limit is ${MAX_IMPLICATION_DEPTH}`,
      },
    ]);
  });

  test("a 1,000-scope implication chain (which would compile in seconds) is refused", () => {
    const scopes = sized(MAX_CATALOG_SCOPES, 1);
    for (let i = 1; i < scopes.length; i++) scopes[i]!.implies = [`s${i - 1}`];
    const { issues } = refuse(catalog(scopes));
    expect(issues.map((i) => i.code)).toEqual(["too-large"]);
  });

  test("at most 100 problems are listed, the last one counting the rest, with their lines", () => {
    const scopes = sized(1, 5000);
    for (const e of scopes[0]!.endpoints) e.method = "get";
    const { issues } = refuse(JSON.stringify(catalog(scopes), null, 2));
    expect(issues).toHaveLength(MAX_CATALOG_ISSUES);
    expect(issues.slice(0, -1).every((i) => i.code === "schema")).toBe(true);
    expect(issues.at(-1)).toMatchObject({
      code: "too-many-problems",
      path: "$",
      message: `and ${5000 - MAX_CATALOG_ISSUES + 1} more problems not listed`,
    });
    expect(issues[0]).toMatchObject({ path: "$.scopes[0].endpoints[0].method", line: 17 });
  });
});
