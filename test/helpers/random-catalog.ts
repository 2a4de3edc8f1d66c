import fc from "fast-check";
import type { CatalogData } from "../../src/index.js";
import { catalogWith } from "./catalogs.js";

/** A small random catalog with any-of endpoints and acyclic implications (a scope implies only earlier ones). */
export const randomCatalog = (): fc.Arbitrary<CatalogData> =>
  fc.integer({ min: 1, max: 6 }).chain((n) => {
    const names = Array.from({ length: n }, (_, i) => `s${i}`);
    return fc
      .tuple(
        fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.subarray(names)), { minLength: 1, maxLength: 10 }),
        fc.tuple(...names.map((_, i) => fc.subarray(names.slice(0, i)))),
      )
      .map(([endpoints, implies]) =>
        catalogWith(
          "random",
          "https://api.example.test/v1",
          names.map((name, i) => ({
            name,
            implies: implies[i] ?? [],
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
