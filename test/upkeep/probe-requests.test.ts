import { describe, expect, test } from "vitest";
import { dynamicCatalog, parseCatalog, type CatalogData } from "../../src/index.js";
import { probeRequests } from "../../src/upkeep/probe-requests.js";
import { makeCatalog } from "../helpers/catalogs.js";

const probesOf = (old: CatalogData, next: CatalogData, budget = 1000): string[] =>
  probeRequests(parseCatalog(old), parseCatalog(next), { probes: budget }).probes.map(
    (p) => `${p.method} /${p.segments.join("/")}`,
  );

const idAndMine = makeCatalog({ s: [["GET", "/t/:id"]], t: [["GET", "/t/mine"]] });

// [name, old, new, probes that must be among them, probes that must not]
const cases: [string, CatalogData, CatalogData, string[], string[]][] = [
  [
    "each template with a neutral id, under the base path and without",
    makeCatalog({ s: [["GET", "/t/:id"]] }),
    makeCatalog({ s: [["GET", "/t/:id"]], t: [["POST", "/t"]] }),
    ["POST /t", "POST /v1/t"],
    [],
  ],
  [
    // A neutral id answers alike in both: /t/e needs no asking.
    "a param filled with each literal beside it, and a look-alike of each",
    makeCatalog({ s: [["GET", "/t/:id"]] }),
    idAndMine,
    ["GET /t/mine", "GET /t/MINE"],
    ["GET /t/e"],
  ],
  [
    "a literal deeper in another template, at the param's place",
    makeCatalog({ s: [["GET", "/a/:x/foo"]], t: [["GET", "/a/policies"]] }),
    makeCatalog({ s: [["GET", "/a/:x/foo"]], t: [["GET", "/a/policies"]], u: [["GET", "/a/policies/:id"]] }),
    ["GET /a/policies/foo", "GET /a/policies/FOO", "GET /a/policies/e"],
    ["GET /a/e/foo"],
  ],
  [
    "a neutral id that is no literal of either catalog",
    makeCatalog({
      s: [
        ["GET", "/e/y"],
        ["GET", "/:a/x"],
      ],
    }),
    makeCatalog({
      s: [
        ["GET", "/e/y"],
        ["GET", "/:a/x"],
      ],
      t: [["GET", "/:a/:b"]],
    }),
    ["GET /e1/e1", "GET /e/e1"],
    ["GET /e/e"],
  ],
  [
    "the segments of a base path the other catalog lacks, in a param's place",
    makeCatalog({ s: [["GET", "/:env/users"]] }),
    { ...makeCatalog({ s: [["GET", "/:env/users"]] }), baseUrls: ["https://api.example.test/v1/prod"] },
    ["GET /v1/prod/users", "GET /v1/e/users"],
    [],
  ],
  [
    "nothing where the two answer alike: the same tries under the same base paths",
    idAndMine,
    makeCatalog({ s: [["GET", "/t/:id"]], t: [["GET", "/t/mine"]], u: [["POST", "/u"]] }),
    ["POST /u"],
    ["GET /t/e", "GET /t/mine"],
  ],
];

describe("probeRequests: one request for each kind the matcher tells apart", () => {
  test.each(cases)("%s", (_name, old, next, present, absent) => {
    const probes = probesOf(old, next);
    expect(probes).toEqual(expect.arrayContaining(present));
    for (const p of absent) expect(probes).not.toContain(p);
  });

  test("a catalog against itself needs no probe at all", () => {
    expect(probeRequests(dynamicCatalog, dynamicCatalog, { probes: 10 }).probes).toEqual([]);
  });

  test("past the budget the list says it is not complete", () => {
    const old = makeCatalog({ s: [["GET", "/t/:id"]] });
    expect(probeRequests(parseCatalog(old), parseCatalog(idAndMine), { probes: 1 })).toMatchObject({
      complete: false,
      stoppedBy: "probes",
    });
    expect(probeRequests(parseCatalog(old), parseCatalog(idAndMine), { probes: 1000 })).toMatchObject({
      complete: true,
    });
  });

  test("past the work budget, or deeper than the depth limit, the list says so", () => {
    const old = makeCatalog({ s: [["GET", "/t/:id"]] });
    const [a, b] = [parseCatalog(old), parseCatalog(idAndMine)];
    expect(probeRequests(a, b, { work: 3 })).toMatchObject({ complete: false, stoppedBy: "work" });
    expect(probeRequests(a, b, { depth: 2 })).toMatchObject({ complete: false, stoppedBy: "depth", probes: [] });
  });
});
