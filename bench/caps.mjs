// Worst cases that unit tests answer but do not time: hostile calls, the adversarial corpus, and
// catalogs at and past the caps. Prints the slowest time per kind.
import { readFileSync } from "node:fs";
import { table, target } from "./lib.mjs";

const MB = 1024 * 1024;
const ms = (f) => {
  const t0 = process.hrtime.bigint();
  try {
    f();
  } catch {
    // refusals throw CatalogError: it is their time that counts
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const worst = (fs) => Math.max(...fs.map((f) => Math.min(ms(f), ms(f), ms(f))));

const hostile = [
  `GET /environments/e1/users/${"a".repeat(MB)}`,
  { method: "GET", url: `/environments/${"a".repeat(MB)}/users` },
  `GET ${"/a".repeat(100_000)}`,
  { method: "GET", url: `https://app.dynamicauth.com/api/v0${"/users".repeat(100_000)}` },
  `GET /${"%".repeat(MB)}`,
  { method: "GET", path: "/".repeat(MB) },
  { method: "G".repeat(MB), url: "/environments/e1/users" },
  `GET ${"/a".repeat(4000)}`,
];
const expand = (s) => s.replace(/<<(.+?)\*(\d+)>>/g, (_, x, n) => x.repeat(Number(n)));
const corpus = JSON.parse(readFileSync(new URL("../test/fixtures/adversarial/requests.json", import.meta.url), "utf8"));

const sized = (n, per) =>
  Array.from({ length: n }, (_, i) => ({
    name: `s${i}`,
    endpoints: Array.from({ length: per }, (_, j) => ({ method: "GET", path: `/r${i}/e${j}/:id`, summary: "x" })),
  }));
const catalog = (scopes) => ({
  formatVersion: 1,
  name: "t",
  version: "1.0.0",
  source: { url: "https://example.test", retrieved: "2026-01-01" },
  baseUrls: ["https://api.example.test/v1"],
  scopes,
});
const atCaps = () => catalog(sized(1000, 10));
const chain = () => {
  const scopes = sized(1000, 1);
  for (let i = 1; i < scopes.length; i++) scopes[i].implies = [`s${i - 1}`];
  return catalog(scopes);
};
const manyProblems = () => {
  const scopes = sized(1, 5000);
  for (const e of scopes[0].endpoints) e.method = "get";
  return JSON.stringify(catalog(scopes), null, 2);
};

export const run = async () => {
  const { parseCatalog, requiredScopes } = await import("../dist/esm/index.js");
  const rows = [
    [
      "hostile calls (1 MB paths, 100,000 segments, 1 MB methods): slowest",
      worst(hostile.map((c) => () => requiredScopes(c))),
      50,
    ],
    [
      "adversarial corpus, slowest case",
      worst(corpus.map((c) => () => requiredScopes(typeof c.call === "string" ? expand(c.call) : c.call))),
      100,
    ],
    ["catalog at every cap: parse + validate + compile", ms(() => parseCatalog(atCaps())), 5000],
    ["1,000-scope implication chain: refused", ms(() => parseCatalog(chain())), 1000],
    ["5,000 schema problems with lines: refused", ms(() => parseCatalog(manyProblems())), 3000],
  ];
  console.log(
    table(
      ["worst case", "ms", "target"],
      rows.map(([what, value, limit]) => [what, value.toFixed(1), `≤ ${limit}`]),
    ),
  );
  return rows.map(([what, value, limit]) =>
    target(`worst case: ${what}`, `${value.toFixed(1)} ms`, `≤ ${limit} ms`, value <= limit),
  );
};
