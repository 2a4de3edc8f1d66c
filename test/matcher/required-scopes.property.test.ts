import { compiledOf } from "../../src/catalog/compiled.js";
import fc from "fast-check";
import FindMyWay from "find-my-way";
import { describe, expect, test } from "vitest";
import {
  createCalculator,
  dynamicCatalog,
  parseCatalog,
  requiredScopes,
  type CallInput,
  type Catalog,
  type MatchResult,
} from "../../src/index.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { instanceOf, requestOf } from "../helpers/request-grammar.js";
import { routeShapeCatalog, shapeRequestPath } from "../helpers/route-shapes.js";

const MB = 1024 * 1024;

/** Calls `f`, which must return within `ms` (a hang or a super-linear blow-up fails) and never throw. */
const answers = <T>(f: () => T, ms = 250): T => {
  const started = performance.now();
  const value = f();
  expect(performance.now() - started).toBeLessThan(ms);
  return value;
};

const STATUSES = ["matched", "method-not-allowed", "unknown", "invalid"];

/** A result is one of the four shapes, and reading every field (the lazy suggestions too) does not throw. */
const wellFormed = (result: MatchResult): void => {
  expect(STATUSES).toContain(result.status);
  expect(() => JSON.stringify(result)).not.toThrow();
};

// Values that are not calls, and some that fight back when read.
const hostile = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
    }),
    fc.constantFrom<unknown>(
      null,
      undefined,
      42,
      -0,
      NaN,
      Symbol("call"),
      10n,
      () => "GET /environments/e1/users",
      { method: 42, url: "/environments/e1/users" },
      { method: "GET", url: 42 },
      { method: "GET", url: { href: 42 } },
      { method: "GET", url: null, path: "/environments/e1/users" },
      { method: ["GET"], url: ["/environments/e1/users"] },
      { toString: () => "GET /environments/e1/users" },
      {
        toString: () => {
          throw new Error("toString");
        },
        [Symbol.toPrimitive]: () => {
          throw new Error("toPrimitive");
        },
      },
      Object.defineProperty({ url: "/environments/e1/users" }, "method", {
        get: () => {
          throw new Error("getter");
        },
      }),
      Object.defineProperty({ method: "GET" }, "url", {
        get: () => {
          throw Object.create(null);
        },
      }),
      Object.defineProperty({ method: "GET" }, "path", {
        get: () => {
          throw Symbol("thrown symbol");
        },
      }),
      {
        method: "GET",
        url: Object.defineProperty({}, "href", {
          get: () => {
            throw new Error("href");
          },
        }),
      },
      // Throws for string keys only: fast-check itself looks for a symbol key on generated values.
      new Proxy(
        {},
        {
          get: (_t, key) => {
            if (typeof key === "string") throw new Error("trap");
          },
          has: (_t, key) => {
            if (typeof key === "string") throw new Error("trap");
            return false;
          },
        },
      ),
      new Proxy(
        { method: "GET", url: "/environments/e1/users" },
        {
          getPrototypeOf: () => {
            throw new Error("trap");
          },
        },
      ),
      new Proxy(
        {},
        { get: (_t, key) => (key === "method" ? "GET" : key === "url" ? "/environments/e1/users" : undefined) },
      ),
      new String("GET /environments/e1/users"),
      Object.create({ method: "GET", url: "/environments/e1/users" }),
      [["GET", "/environments/e1/users"]],
      new URL("https://app.dynamicauth.com/api/v0/environments/e1/users"),
    ),
  );

// Strings of every kind, including huge ones.
const anyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: "grapheme", maxLength: 100 }),
    fc.string({
      unit: fc.constantFrom(
        "\u0000",
        "\u0007",
        "\t",
        "\n",
        "\r",
        " ",
        "\u0085",
        "\u2028",
        "\ufeff",
        "\ud800",
        "\udfff",
        "%",
        "/",
        "\\",
        ".",
        ":",
        "{",
        "}",
        "?",
        "#",
        ";",
      ),
      maxLength: 60,
    }),
    fc
      .tuple(fc.constantFrom("GET ", "get\t", "POST ", ""), fc.string({ unit: "binary", maxLength: 120 }))
      .map(([m, rest]) => m + rest),
    fc
      .tuple(
        fc.constantFrom("a", "/a", "%", "/", "%2e/", "\u0000", "é/", ":x/", " ", "\t", " \u00a0"),
        fc.integer({ min: 1, max: MB }),
      )
      .map(([unit, n]) => `GET /${unit.repeat(Math.ceil(n / unit.length))}x`),
    // Just under the length cap, where the careful path reads the whole string.
    fc
      .tuple(fc.constantFrom(" ", "\t", "/", "%41", "a/", " /"), fc.integer({ min: 8000, max: 8250 }))
      .map(([unit, n]) => `GET${unit.repeat(Math.ceil(n / unit.length))}x`),
  );

describe("requiredScopes never throws or hangs", () => {
  test(
    "on arbitrary strings: unicode, controls, lone surrogates, up to 1 MB",
    () => {
      fc.assert(
        fc.property(anyString(), (call) => wellFormed(answers(() => requiredScopes(call)))),
        { numRuns },
      );
    },
    timeout,
  );

  test(
    "on odd values: null, numbers, symbols, functions, throwing getters, Proxies, objects whose toString throws",
    () => {
      fc.assert(
        fc.property(hostile(), (call) => wellFormed(answers(() => requiredScopes(call as CallInput)))),
        { numRuns },
      );
    },
    timeout,
  );

  test(
    "on { method, url } objects with arbitrary strings in both fields",
    () => {
      fc.assert(
        fc.property(anyString(), anyString(), fc.constantFrom("url", "path"), (method, url, key) =>
          wellFormed(answers(() => requiredScopes({ method, [key]: url } as CallInput))),
        ),
        { numRuns },
      );
    },
    timeout,
  );
});

/**
 * An independent reading of "is this an instance of that template": strip an
 * http(s) origin, the query and fragment, the base path and one trailing slash,
 * then compare segment by segment (literals exactly, params any non-empty,
 * non-dot segment). It accepts more than scopewise, never less.
 */
const isInstance = (
  catalog: Catalog<string>,
  method: string,
  url: string,
  endpoint: { method: string; path: string },
): boolean => {
  if (method.toUpperCase() !== endpoint.method) return false;
  let path = url.replace(/^https?:\/\/[^/?#]*/i, "");
  path = path.replace(/[?#].*$/s, "");
  for (const base of compiledOf(catalog).basePaths)
    if (path === base || path.startsWith(`${base}/`)) path = path.slice(base.length) || "/";
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  const segments = path === "/" ? [] : path.slice(1).split("/");
  const template = endpoint.path === "/" ? [] : endpoint.path.slice(1).split("/");
  return (
    path.startsWith("/") &&
    segments.length === template.length &&
    template.every((t, i) => {
      const s = segments[i] as string;
      return t.startsWith(":") ? s !== "" && s !== "." && s !== ".." : s === t;
    })
  );
};

describe("fail closed: only an instance of a catalog endpoint is ever matched", () => {
  const check = (catalog: Catalog<string>, method: string, url: string): void => {
    const calc = createCalculator(catalog);
    const object = calc.requiredScopes({ method, url });
    if (object.status === "matched")
      expect(
        isInstance(catalog, method, url, object.endpoint),
        `${JSON.stringify({ method, url })} → ${object.endpoint.path}`,
      ).toBe(true);
    // A call string is trimmed of ASCII whitespace and split on spaces and tabs (README: call strings).
    const words = `${method} ${url}`.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "").split(/[ \t]+/);
    const string = calc.requiredScopes(`${method} ${url}`);
    if (string.status === "matched") {
      const where = `${JSON.stringify(`${method} ${url}`)} → ${string.endpoint.path}`;
      expect(words, where).toHaveLength(2);
      expect(isInstance(catalog, words[0] as string, words[1] as string, string.endpoint), where).toBe(true);
    }
  };

  test(
    "on the Dynamic catalog, for requests built from interesting pieces",
    () => {
      fc.assert(
        fc.property(requestOf(dynamicCatalog), ({ method, url }) => check(dynamicCatalog, method, url)),
        { numRuns },
      );
    },
    timeout,
  );

  test(
    "on random catalogs of literal/param siblings",
    () => {
      const arbitrary = routeShapeCatalog().chain((data) => {
        const catalog = parseCatalog(data);
        return fc.tuple(fc.constant(catalog), fc.array(requestOf(catalog), { minLength: 1, maxLength: 10 }));
      });
      fc.assert(
        fc.property(arbitrary, ([catalog, requests]) =>
          requests.forEach(({ method, url }) => check(catalog, method, url)),
        ),
        { numRuns },
      );
    },
    timeout,
  );
});

describe("equivalent spellings agree", () => {
  const endpoints = dynamicCatalog.endpoints.map(({ anyOf: _anyOf, ...endpoint }) => endpoint);
  const spellings: ((path: string) => string)[] = [
    (p) => p,
    (p) => `/api/v0${p}`,
    ...dynamicCatalog.baseUrls.map((b) => (p: string) => `${b}${p}`),
    (p) => `http://localhost:8080/api/v0${p}`,
    (p) => `${p}?limit=5&next=/x/../y`,
    (p) => `${p}#frag`,
    (p) => `${p}/`,
    (p) => `${dynamicCatalog.baseUrls[0]}${p}/?a=1#b`,
  ];
  const casing = (method: string) =>
    fc
      .array(fc.boolean(), { minLength: method.length, maxLength: method.length })
      .map((up) => [...method].map((c, i) => (up[i] ? c : c.toLowerCase())).join(""));

  test(
    "for every endpoint and random ids: bare path, /api/v0, each base URL, query, fragment, one trailing slash, any method casing",
    () => {
      const arbitrary = fc
        .constantFrom(...endpoints)
        .chain((e) =>
          fc.tuple(
            fc.constant(e),
            instanceOf(e.path),
            casing(e.method),
            fc.constantFrom(...spellings),
            fc.constantFrom("object", "string"),
          ),
        );
      fc.assert(
        fc.property(arbitrary, ([endpoint, { path, params }, method, spell, form]) => {
          const url = spell(path);
          const result = requiredScopes(form === "string" ? `${method} ${url}` : { method, url });
          expect(result).toEqual({ ...requiredScopes(`${endpoint.method} ${path}`), params });
          expect(result).toMatchObject({ status: "matched", endpoint });
        }),
        { numRuns },
      );
    },
    timeout,
  );
});

describe("scopewise agrees with a reference router (find-my-way) configured to the same rules", () => {
  // caseSensitive and ignoreTrailingSlash are scopewise's rules; find-my-way also
  // prefers a static segment to a param and backtracks, as scopewise does.
  // Intended divergences, where scopewise refuses and find-my-way routes:
  // - a param value that differs from a literal sibling only by case (`/a/A` with
  //   `/a/a` and `/a/:id`) is `invalid` (look-alike): a case-insensitive server routes it elsewhere;
  // - find-my-way fills a last param with an empty value (`POST /` → `/:p0` with p0 = ""),
  //   scopewise never does: an empty segment is no id.
  test(
    "same endpoint and params, or scopewise refuses where find-my-way has no route",
    () => {
      const arbitrary = routeShapeCatalog().chain((data) =>
        fc.tuple(
          fc.constant(data),
          fc.array(fc.tuple(fc.constantFrom("GET", "POST"), shapeRequestPath, fc.constantFrom("", "/")), {
            minLength: 1,
            maxLength: 12,
          }),
        ),
      );
      fc.assert(
        fc.property(arbitrary, ([data, requests]) => {
          const catalog = parseCatalog(data);
          const calc = createCalculator(catalog);
          const router = FindMyWay({ caseSensitive: true, ignoreTrailingSlash: true });
          for (const s of data.scopes)
            for (const e of s.endpoints) router.on(e.method as "GET", e.path, () => {}, `${e.method} ${e.path}`);
          for (const [method, path, slash] of requests) {
            const request = path === "/" ? path : `${path}${slash}`;
            const reference = router.find(method as "GET", request);
            const where = `${method} ${request} in ${JSON.stringify(data.scopes.flatMap((s) => s.endpoints.map((e) => `${e.method} ${e.path}`)))}`;
            // Both paths: requiredScopes (fast for these plain requests) and the careful one.
            for (const result of [
              calc.requiredScopes(`${method} ${request}`),
              requiredScopesCareful(compiledOf(catalog), `${method} ${request}`),
            ]) {
              if (result.status === "matched") {
                expect(reference?.store, where).toBe(`${result.endpoint.method} ${result.endpoint.path}`);
                expect(result.params, where).toEqual({ ...reference?.params });
              } else if (reference && !Object.values(reference.params).includes("")) {
                expect(result, where).toMatchObject({ status: "invalid", code: "look-alike" });
              }
            }
          }
        }),
        { numRuns },
      );
    },
    timeout,
  );
});
