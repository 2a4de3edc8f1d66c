import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  createCalculator,
  diffCatalogs,
  dynamicCatalog,
  parseCatalog,
  type Catalog,
  type CatalogData,
} from "../../src/index.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { literalsOf, requestOf } from "../helpers/request-grammar.js";
import { routeShapeCatalog } from "../helpers/route-shapes.js";

/** Base URLs that nest, share a path on two hosts, or sit at the root. */
const BASES = [
  "https://api.example.test/base",
  "https://api.example.test/base/a",
  "https://api.example.test/base/v1",
  "https://other.test/base",
  "https://api.example.test",
];
const shapeOf = (method: string, path: string): string => `${method} ${path.replace(/:\w+/g, ":")}`;

/** New from old: a few endpoints dropped, moved to another scope or added (shapes kept unique), base URLs changed. */
const edited = (old: CatalogData, extra: CatalogData, drop: boolean[], move: number[], bases: string[]) => {
  const n = old.scopes.length;
  const endpoints = old.scopes.flatMap((s, i) => s.endpoints.map((e) => ({ e, owner: i })));
  const kept = endpoints
    .filter((_, k) => !drop[k])
    .map(({ e, owner }, k) => ({ e, owner: (owner + (move[k] ?? 0)) % n }));
  const seen = new Set(kept.map(({ e }) => shapeOf(e.method, e.path)));
  for (const [i, s] of extra.scopes.entries())
    for (const e of s.endpoints.slice(0, 2)) {
      if (seen.has(shapeOf(e.method, e.path))) continue;
      seen.add(shapeOf(e.method, e.path));
      kept.push({ e, owner: i % n });
    }
  const scopes = old.scopes.map((s, i) => ({ ...s, endpoints: kept.filter((k) => k.owner === i).map((k) => k.e) }));
  return { ...old, baseUrls: bases, scopes };
};

/** Mostly `usual`, now and then `rare`: most pairs differ a little, so diffs below major are common. */
const seldom = <T>(usual: T, rare: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: rare });

const pair = fc
  .tuple(
    routeShapeCatalog(),
    fc.oneof(routeShapeCatalog(), fc.constant(undefined)),
    fc.array(seldom(false, fc.constant(true)), { maxLength: 14 }),
    fc.array(seldom(0, fc.nat(3)), { maxLength: 14 }),
    fc.subarray(BASES, { minLength: 1 }),
    fc.oneof(fc.subarray(BASES), fc.constant<string[]>([])),
    fc.boolean(),
  )
  .map(([old, extra, drop, move, oldBases, more, keep]) => {
    const before = { ...old, baseUrls: oldBases };
    // New base URLs: the old ones and more, or any others.
    const bases = keep ? [...new Set([...oldBases, ...more])] : more.length > 0 ? more : oldBases;
    const after = edited(before, extra ?? { ...old, scopes: [] }, drop, move, bases);
    return [parseCatalog(before), parseCatalog(after)] as const;
  })
  .chain(([old, next]) =>
    fc.tuple(
      fc.constant(old),
      fc.constant(next),
      fc.array(next.endpoints.length > 0 ? fc.oneof(requestOf(old), requestOf(next)) : requestOf(old), {
        minLength: 1,
        maxLength: 20,
      }),
    ),
  );

/** A matched answer's scopes, or undefined when the request is not identified. */
const scopesOf = (catalog: Catalog, request: { method: string; url: string }): readonly string[] | undefined => {
  const r = createCalculator(catalog).requiredScopes(request);
  return r.status === "matched" ? r.anyOf : undefined;
};

/** The property: below major, no request loses a scope or its identification; below minor, none changes at all. */
const holds = (old: Catalog, next: Catalog, requests: readonly { method: string; url: string }[]): void => {
  const { bump } = diffCatalogs(old, next);
  for (const request of requests) {
    const [a, b] = [scopesOf(old, request), scopesOf(next, request)];
    const at = { request, bump, before: a, after: b };
    if (bump !== "major" && a !== undefined)
      expect({ ...at, kept: b !== undefined && a.every((s) => b.includes(s)) }).toMatchObject({ kept: true });
    if (bump === "none" || bump === "patch") expect(at).toMatchObject({ after: a });
  }
};

test(
  "a diff below major leaves every request answered the same or better known; below minor, the same",
  () => {
    fc.assert(
      fc.property(pair, ([old, next, requests]) => holds(old, next, requests)),
      { numRuns },
    );
  },
  timeout,
);

const DYNAMIC = JSON.parse(readFileSync("data/dynamic.catalog.json", "utf8")) as CatalogData;
// Documented or on the undocumented list: a new endpoint with either shape would not load.
const dynamicShapes = new Set(
  [...dynamicCatalog.endpoints, ...dynamicCatalog.undocumented].map((e) => shapeOf(e.method, e.path)),
);

/** A template of either catalog, each param an id or a literal other templates have there (or in capitals). */
const filledOf = (catalogs: readonly Catalog[]): fc.Arbitrary<{ method: string; url: string }> => {
  const endpoints = catalogs.flatMap((c) => c.endpoints);
  const at = (i: number): string[] => [
    ...new Set(endpoints.map((e) => e.path.split("/")[i + 1] ?? ":").filter((s) => !s.startsWith(":"))),
  ];
  return fc.constantFrom(...endpoints).chain((e) =>
    fc
      .tuple(
        ...e.path
          .slice(1)
          .split("/")
          .map((s, i) => {
            if (!s.startsWith(":")) return fc.constant(s);
            const literals = at(i);
            const id = fc.constant("id1");
            if (literals.length === 0) return id;
            return fc.oneof(
              id,
              fc.constantFrom(...literals),
              fc.constantFrom(...literals).map((l) => l.toUpperCase()),
            );
          }),
      )
      .map((segments) => ({ method: e.method, url: `/${segments.join("/")}` })),
  );
};

/** Dynamic's catalog with one endpoint added: its literals and params in any order, under any scope. */
const dynamicPlusOne = fc
  .tuple(
    fc.constantFrom("GET", "POST", "DELETE"),
    fc.array(fc.oneof(fc.constantFrom(...literalsOf(dynamicCatalog)), fc.constant(":p")), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.nat(DYNAMIC.scopes.length - 1),
  )
  .map(([method, segments, owner]) => {
    const path = `/${segments.map((s, i) => (s === ":p" ? `:p${i}` : s)).join("/")}`;
    const data = structuredClone(DYNAMIC);
    data.scopes[owner]!.endpoints.push({ method, path, summary: "added" });
    return { method, path, data };
  })
  .filter(({ method, path }) => !dynamicShapes.has(shapeOf(method, path)))
  .chain(({ data }) => {
    const next = parseCatalog(data);
    const requests = fc.oneof(requestOf(dynamicCatalog), requestOf(next), filledOf([dynamicCatalog, next]));
    return fc.tuple(fc.constant(next), fc.array(requests, { minLength: 1, maxLength: 20 }));
  });

test(
  "one endpoint added to Dynamic's catalog: below major, no request loses its scope",
  () => {
    fc.assert(
      fc.property(dynamicPlusOne, ([next, requests]) => holds(dynamicCatalog, next, requests)),
      { numRuns: Math.ceil(numRuns / 3) },
    );
  },
  timeout,
);
