import { compiledOf } from "../../src/catalog/compiled.js";
import fc from "fast-check";
import { expect, test } from "vitest";
import { dynamicCatalog, parseCatalog, type Catalog } from "../../src/index.js";
import { fastMatch } from "../../src/matcher/fast/match.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { requestOf } from "../helpers/request-grammar.js";
import { routeShapeCatalog } from "../helpers/route-shapes.js";

/** A result as plain data: reads the lazy `suggestions` too. */
const plain = (result: unknown): unknown => JSON.parse(JSON.stringify(result));

/** The fast path may defer (undefined); when it answers, it must answer exactly as the careful path. */
const agree = (catalog: Catalog<string>, method: string, url: string): void => {
  const fast = fastMatch(compiledOf(catalog), method, url);
  if (fast === undefined) return;
  expect({ method, url, result: plain(fast) }).toEqual({
    method,
    url,
    result: plain(requiredScopesCareful(compiledOf(catalog), { method, url })),
  });
};

test(
  "the fast path agrees with the careful path on the Dynamic catalog, for requests built from interesting pieces",
  () => {
    fc.assert(
      fc.property(requestOf(dynamicCatalog), ({ method, url }) => agree(dynamicCatalog, method, url)),
      { numRuns },
    );
  },
  timeout,
);

test(
  "the fast path agrees with the careful path on random catalogs of literal/param siblings",
  () => {
    const arbitrary = routeShapeCatalog().chain((data) => {
      const catalog = parseCatalog(data);
      return fc.tuple(fc.constant(catalog), fc.array(requestOf(catalog), { minLength: 1, maxLength: 10 }));
    });
    fc.assert(
      fc.property(arbitrary, ([catalog, requests]) => {
        for (const { method, url } of requests) agree(catalog, method, url);
      }),
      { numRuns },
    );
  },
  timeout,
);

test(
  "the fast path agrees with the careful path on arbitrary strings after a known method",
  () => {
    fc.assert(
      fc.property(
        fc.constantFrom("GET", "POST", "get"),
        fc.string({ unit: "grapheme-ascii", maxLength: 60 }),
        (method, url) => agree(dynamicCatalog, method, url),
      ),
      { numRuns },
    );
  },
  timeout,
);
