import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CatalogError, parseCatalog, type Issue } from "../../src/index.js";

/** One broken catalog of test/fixtures/adversarial/catalogs.json: given as a value or as JSON text. */
interface Case {
  readonly name: string;
  readonly catalog?: unknown;
  readonly text?: string;
  readonly issues: readonly {
    readonly code: string;
    readonly path: string;
    readonly message: string;
    readonly line?: number;
  }[];
}

const cases = JSON.parse(
  readFileSync(new URL("../fixtures/adversarial/catalogs.json", import.meta.url), "utf8"),
) as Case[];

const loadFails = (input: unknown): readonly Issue[] => {
  let loaded: unknown;
  try {
    loaded = parseCatalog(input, { file: "broken.json" });
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toContain("broken.json");
    return (error as CatalogError).issues;
  }
  // Loading never half-succeeds: a catalog with any problem returns nothing.
  throw new Error(`expected a CatalogError, got a catalog: ${JSON.stringify(loaded).slice(0, 80)}`);
};

describe("the malformed-catalog corpus (test/fixtures/adversarial/catalogs.json)", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const issues = loadFails(c.text ?? c.catalog);
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(
      c.issues.map(({ code, path }) => ({ code, path })),
    );
    c.issues.forEach((expected, i) => {
      expect(issues[i]!.message).toContain(expected.message);
      if (expected.line !== undefined) expect(issues[i]!.line).toBe(expected.line);
    });
  });

  test("no case polluted Object.prototype", () => {
    for (const c of cases) if (c.text !== undefined) loadFails(c.text);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test.each<[string, () => unknown]>([
    [
      "a getter that throws",
      () =>
        Object.defineProperty({}, "formatVersion", {
          enumerable: true,
          get: () => {
            throw new Error("boom");
          },
        }),
    ],
    [
      "a Proxy whose traps throw",
      () =>
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("trap");
            },
            ownKeys: () => {
              throw new Error("trap");
            },
          },
        ),
    ],
    [
      "a thrown value that cannot be printed",
      () =>
        Object.defineProperty({}, "formatVersion", {
          enumerable: true,
          get: () => {
            throw Object.create(null);
          },
        }),
    ],
  ])("%s is a CatalogError (unreadable), not a crash", async (_name, make) => {
    expect(loadFails(make()).map((i) => i.code)).toEqual(["unreadable"]);
  });
});
