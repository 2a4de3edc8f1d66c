import fc from "fast-check";
import { expect, test } from "vitest";
import { compileCatalog } from "../../src/catalog/compile-catalog.js";
import { compiledOf } from "../../src/catalog/compiled.js";
import { createCalculator, type CatalogData } from "../../src/index.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";
import { makeCatalog } from "../helpers/catalogs.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { requestOf } from "../helpers/request-grammar.js";
import { routeShapeCatalog } from "../helpers/route-shapes.js";

// compileCatalog trusts its input (parseCatalog validates); these pin what it still guards.

test("a base URL that is not canonical is never compared raw by the fast path", () => {
  const data: CatalogData = { ...makeCatalog({ a: [["GET", "/x"]] }), baseUrls: ["https://api.example.test/a/../v1"] };
  const calc = createCalculator(compileCatalog(data));
  expect(calc.requiredScopes("GET https://api.example.test/a/../v1/x")).toMatchObject({ status: "invalid" });
});

// [base URLs, URL; every one strips the longest base path: /x, scope b]
const nestedBases: [string[], string][] = [
  [["https://h.test/v1", "https://h.test/v1/env"], "https://h.test/v1/env/x"],
  [["https://h.test/v1/env", "https://h.test/v1"], "https://h.test/v1/env/x"],
  [["https://h.test/v1", "https://h.test/v1/env"], "https://other.test/v1/env/x"],
  [["https://h.test", "https://h.test/v1"], "https://h.test/v1/x"],
  [["https://h.test/v1", "https://h.test"], "https://h.test/v1/x"],
];

test.each(nestedBases)("nested base URLs %j: %s strips the longest base path, fast or careful", (baseUrls, url) => {
  const data = { ...makeCatalog({ a: [["GET", "/env/x"]], b: [["GET", "/x"]] }), baseUrls };
  const catalog = compileCatalog(data);
  expect(createCalculator(catalog).requiredScopes(`GET ${url}`)).toMatchObject({ status: "matched", anyOf: ["b"] });
  expect(requiredScopesCareful(compiledOf(catalog), `GET ${url}`)).toMatchObject({ anyOf: ["b"] });
});

/** Base URLs that nest (in either order), share a path on two hosts, or sit at the root. */
const NESTED = [
  "https://api.example.test/a",
  "https://api.example.test/a/b",
  "https://api.example.test/a/v1",
  "https://other.test/a",
  "https://api.example.test",
];

test(
  "whatever base URLs nest, the fast path answers as the careful path",
  () => {
    const arbitrary = fc
      .tuple(routeShapeCatalog(), fc.shuffledSubarray(NESTED, { minLength: 1 }))
      .chain(([data, baseUrls]) => {
        const catalog = compileCatalog({ ...data, baseUrls });
        return fc.tuple(fc.constant(catalog), fc.array(requestOf(catalog), { minLength: 1, maxLength: 10 }));
      });
    fc.assert(
      fc.property(arbitrary, ([catalog, requests]) => {
        const calc = createCalculator(catalog);
        for (const call of requests)
          expect({ call, result: JSON.parse(JSON.stringify(calc.requiredScopes(call))) }).toEqual({
            call,
            result: JSON.parse(JSON.stringify(requiredScopesCareful(compiledOf(catalog), call))),
          });
      }),
      { numRuns },
    );
  },
  timeout,
);

test("implication closure is linear in the graph whatever order the chain is listed in", () => {
  const n = 1000;
  const scopes = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`s${i}`, [["GET", `/r${i}`]] as [string, string][]]),
  );
  const implies = Object.fromEntries(Array.from({ length: n - 1 }, (_, i) => [`s${i + 1}`, [`s${i}`]]));
  const data = makeCatalog(scopes, implies);
  const catalog = compileCatalog(data);
  // s999 implies every other scope; s0 is granted by all of them.
  expect(createCalculator(catalog).grants("s999")).toHaveLength(n);
  expect(catalog.endpoints[0]?.anyOf).toHaveLength(n);
  const reversed = compileCatalog({ ...data, scopes: [...data.scopes].reverse() });
  expect(reversed.endpoints.find((e) => e.path === "/r0")?.anyOf).toHaveLength(n);
});
