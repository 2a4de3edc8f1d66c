import fc from "fast-check";
import type { CatalogData } from "../../src/index.js";
import { catalogWith } from "./catalogs.js";

const LEVELS = ["read", "write", "admin", "critical"] as const;

/** Ratings that never understate: a scope is rated at least as high as every scope it implies (4 = unrated). */
const ratings = (drawn: readonly number[], implies: readonly string[][]): number[] => {
  const out: number[] = [];
  drawn.forEach((d, i) => (out[i] = Math.max(d, ...(implies[i] ?? []).map((n) => out[Number(n.slice(1))]!))));
  return out;
};

/**
 * A small random catalog with any-of endpoints, acyclic implications (a scope implies only
 * earlier ones) and random risk ratings (some scopes unrated).
 */
export const randomCatalog = (): fc.Arbitrary<CatalogData> =>
  fc.integer({ min: 1, max: 6 }).chain((n) => {
    const names = Array.from({ length: n }, (_, i) => `s${i}`);
    return fc
      .tuple(
        fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.subarray(names)), { minLength: 1, maxLength: 10 }),
        fc.tuple(...names.map((_, i) => fc.subarray(names.slice(0, i)))),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      )
      .map(([endpoints, implies, drawn]) => ({ endpoints, implies, rank: ratings(drawn, implies) }))
      .map(({ endpoints, implies, rank }) =>
        catalogWith(
          "random",
          "https://api.example.test/v1",
          names.map((name, i) => ({
            name,
            implies: implies[i] ?? [],
            ...(rank[i]! < 4 ? { risk: { level: LEVELS[rank[i]!]!, rationale: `rank ${rank[i]}` } } : {}),
            endpoints: endpoints.flatMap(([owner, also], k) =>
              owner === i
                ? [
                    {
                      method: "GET",
                      path: `/r${k}/:id`,
                      summary: `r${k}`,
                      alsoUnlockedBy: also.filter((a) => a !== name),
                    },
                  ]
                : [],
            ),
          })),
        ),
      );
  });
