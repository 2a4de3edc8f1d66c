import { compiledOf } from "../../src/catalog/compiled.js";
import fc from "fast-check";
import { expect, test } from "vitest";
import { parseCatalog, type Catalog } from "../../src/index.js";
import { fastMatch } from "../../src/matcher/fast/match.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";
import { makeCatalog } from "../helpers/catalogs.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { requestOf } from "../helpers/request-grammar.js";
import { routeShapeCatalog } from "../helpers/route-shapes.js";

// The fast path's walk compares literals by first and last character only, and the route's pattern
// confirms the guess; these catalogs set the traps.
const catalog = parseCatalog(
  makeCatalog({
    s: [
      ["GET", "/a/lit/:x"],
      ["GET", "/a/lit/bulk"],
      ["GET", "/a/:y/:z"],
      ["GET", "/b/lit/:id"],
      ["GET", "/b/:p/b"],
      ["GET", "/x/users/:id"],
      ["GET", "/x/:a/:b"],
      ["GET", "/q/a.b$c=d,e~/:id"],
    ],
  }),
);
/** The fast path's answer when it is a match: a confirmed guess. */
const guess = (c: Catalog<string>, method: string, url: string) => {
  const result = fastMatch(compiledOf(c), method, url);
  return result?.status === "matched" ? result : undefined;
};

test.each([
  // A look-alike of a literal sibling: the guess declines rather than backtrack into /a/:y/:z.
  ["/a/lit/BULK", undefined, "invalid"],
  // A fragment holding a "/": the path ends at "#", so /b/lit/:id, not /b/:p/b.
  ["/b/lit/b#f/c", "/b/lit/:id", "/b/lit/:id"],
  // Same first and last character as "users", not the literal: the pattern refuses it.
  ["/x/uzers/1", undefined, "/x/:a/:b"],
  ["/x/users/1", "/x/users/:id", "/x/users/:id"],
  // Regular-expression characters in a literal are compared as they are.
  ["/q/a.b$c=d,e~/7", "/q/a.b$c=d,e~/:id", "/q/a.b$c=d,e~/:id"],
  ["/q/aXb$c=d,e~/7", undefined, "unknown"],
  // Characters only the careful path may judge: the guess declines.
  ["/x/users/%41", undefined, "invalid"],
  ["/x/users/a;b", undefined, "/x/users/:id"],
  ["/x/users/..", undefined, "invalid"],
  ["/x/users/1?a b", undefined, "/x/users/:id"],
])("GET %s: guess %s, answer %s", async (url, guessed, answer) => {
  const made = guess(catalog, "GET", url);
  expect(made?.status === "matched" ? made.endpoint.path : made).toBe(guessed);
  const careful = requiredScopesCareful(compiledOf(catalog), { method: "GET", url });
  expect(careful.status === "matched" ? careful.endpoint.path : careful.status).toBe(answer);
});

test(
  "a guess, when made, is the careful path's answer, params included, on random catalogs",
  () => {
    const arbitrary = routeShapeCatalog().chain((data) => {
      const c = parseCatalog(data);
      return fc.tuple(fc.constant(c), fc.array(requestOf(c), { minLength: 1, maxLength: 10 }));
    });
    let guessed = 0;
    fc.assert(
      fc.property(arbitrary, ([c, requests]) => {
        for (const { method, url } of requests) {
          const result = guess(c, method, url);
          if (result === undefined) continue;
          guessed++;
          expect({ url, result }).toEqual({ url, result: requiredScopesCareful(compiledOf(c), { method, url }) });
        }
      }),
      { numRuns },
    );
    // The property is empty if the guess never answers.
    expect(guessed).toBeGreaterThan(numRuns / 10);
  },
  timeout,
);
