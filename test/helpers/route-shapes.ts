import fc from "fast-check";
import type { CatalogData } from "../../src/index.js";
import { catalogWith } from "./catalogs.js";

/** Literals that make siblings: case pairs, prefixes of each other, words Dynamic uses as siblings of ids. */
export const SHAPE_LITERALS = ["a", "A", "b", "ab", "users", "bulk", "enable", "x.y", "a-b", "v1"] as const;

/** One template shape: each segment a literal or a param (named by position, so shapes never repeat a name). */
const templateOf = (paramNames: readonly string[]) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...SHAPE_LITERALS) },
        { weight: 2, arbitrary: fc.constant(":") },
      ),
      { minLength: 0, maxLength: 4 },
    )
    .map((segments) =>
      segments.length === 0
        ? "/"
        : `/${segments.map((s, i) => (s === ":" ? `:${paramNames[i] ?? `p${i}`}` : s)).join("/")}`,
    );

/**
 * A random valid catalog whose templates are literal/param siblings of each
 * other (`/a/:p1`, `/a/b`, `/:p0/b`, …) under 1–4 scopes (a few implying
 * earlier ones), GET and POST; one template per method and shape, so it always
 * loads. Params are named by position: `paramNames[i]` for segment i if given, else `p<i>`.
 */
export const routeShapeCatalog = (
  scopeNames: readonly string[] = ["s0", "s1", "s2", "s3"],
  paramNames: readonly string[] = [],
): fc.Arbitrary<CatalogData> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: Math.min(4, scopeNames.length) }),
      fc.array(fc.tuple(fc.constantFrom("GET", "POST"), templateOf(paramNames), fc.nat()), {
        minLength: 1,
        maxLength: 14,
      }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    )
    .map(([n, endpoints, implications]) => {
      const names = scopeNames.slice(0, n);
      const seen = new Set<string>();
      const kept = endpoints.filter(([method, path]) => {
        const shape = `${method} ${path.replace(/:\w+/g, ":")}`;
        if (seen.has(shape)) return false;
        seen.add(shape);
        return true;
      });
      return catalogWith(
        "shapes",
        "https://api.example.test/base",
        names.map((name, i) => ({
          name,
          // Acyclic: a scope implies only earlier ones.
          implies: [
            ...new Set(
              implications.filter(([a, b]) => a % n === i && b % n < i).map(([, b]) => names[b % n] as string),
            ),
          ],
          endpoints: kept.flatMap(([method, path, owner]) =>
            owner % n === i ? [{ method, path, summary: `${method} ${path}` }] : [],
          ),
        })),
      );
    });

/** A request path over the same alphabet (plus ids and case changes), 0–5 segments. */
export const shapeRequestPath = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SHAPE_LITERALS) },
      { weight: 2, arbitrary: fc.constantFrom("id1", "B", "Users", "x", "ab1", "bulk-1") },
    ),
    {
      maxLength: 5,
    },
  )
  .map((segments) => `/${segments.join("/")}`);
