import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  createCalculator,
  diffCatalogs,
  parseCatalog,
  type Catalog,
  type CatalogChange,
  type CatalogData,
} from "../../src/index.js";
import { MAX_REQUEST_GROUPS } from "../../src/upkeep/request-changes.js";
import { makeCatalog } from "../helpers/catalogs.js";

const dynamic = (): CatalogData => JSON.parse(readFileSync("data/dynamic.catalog.json", "utf8")) as CatalogData;
const scope = (d: CatalogData, name: string) => d.scopes.find((s) => s.name === name)!;
const SHADOW = "https://app.dynamicauth.com/api/v0/environments";

/** `/a/:walletId/foo` and `/a/policies`, as the attacker's synthetic pair starts. */
const walletsAndPolicies = (): CatalogData =>
  makeCatalog({ "s.read": [["GET", "/a/:walletId/foo"]], "t.read": [["GET", "/a/policies"]] });
/** `/:env/users` under the base path /v1. */
const envUsers = (): CatalogData => makeCatalog({ s: [["GET", "/:env/users"]] });
/** `/t/mine` beside `/t/:id`, under other scopes. */
const mineAndId = (): CatalogData => makeCatalog({ t: [["GET", "/t/mine"]], s: [["GET", "/t/:id"]] });

// [name, old, edit that makes new, semver, text some change's message holds (the evidence)]
const cases: [string, () => CatalogData, (d: CatalogData) => void, string, string][] = [
  [
    // The attacker's row: policies/:policyId/signMessage takes walletId "policies" from the delegated signer.
    "a new endpoint two segments below a literal that sits beside a param",
    dynamic,
    (d) =>
      scope(d, "environment.settings.write").endpoints.push({
        method: "POST",
        path: "/environments/:environmentId/waas/policies/:policyId/signMessage",
        summary: "Sign with a policy",
      }),
    "major",
    "moves: POST /environments/e/waas/policies/delegatedAccess/signMessage " +
      "waas.delegatedAccess.signMessage → environment.settings.write",
  ],
  [
    "a new param endpoint under a literal: the param sibling's deeper literal loses requests",
    walletsAndPolicies,
    (d) => d.scopes.push({ name: "u.read", endpoints: [{ method: "GET", path: "/a/policies/:id", summary: "x" }] }),
    "major",
    "moves: GET /a/policies/foo s.read → u.read (GET /a/:walletId/foo → GET /a/policies/:id)",
  ],
  [
    "a new literal-only endpoint where a literal branch used to dead-end",
    () => makeCatalog({ s: [["GET", "/a/:x/b"]], t: [["GET", "/a/c"]] }),
    (d) => d.scopes[1]!.endpoints.push({ method: "GET", path: "/a/c/b", summary: "x" }),
    "major",
    "moves: GET /a/c/b s → t",
  ],
  [
    "a base URL that shadows the existing one, listed first",
    dynamic,
    (d) => d.baseUrls.unshift(SHADOW),
    "major",
    "under base path /api/v0/environments (was /api/v0): no longer identified: GET /api/v0/environments/e/allowlists",
  ],
  ["a base URL that shadows the existing one, listed last", dynamic, (d) => d.baseUrls.push(SHADOW), "major", SHADOW],
  [
    "a base URL that takes a param's value as its path",
    envUsers,
    (d) => d.baseUrls.push("https://api.example.test/v1/prod"),
    "major",
    "no longer identified: GET /v1/prod/users",
  ],
  [
    // "api" looks like the literal API beside :x, but as the base path's first segment it is stripped, not refused.
    "a base URL that shadows another whose first segment looks like a literal beside a param",
    () => ({ ...makeCatalog({ t: [["GET", "/API"]], s: [["GET", "/:x/users"]] }), baseUrls: ["https://h.test/api"] }),
    (d) => d.baseUrls.push("https://h.test/api/e"),
    "major",
    "no longer identified: GET /api/e/users",
  ],
  [
    "a new literal beside a param, under the same scope: the param's look-alikes of it are refused",
    () => makeCatalog({ s: [["GET", "/t/:id"]] }),
    (d) => d.scopes[0]!.endpoints.push({ method: "GET", path: "/t/mine", summary: "x" }),
    "major",
    "no longer identified: GET /t/MINE (s, GET /t/:id) is invalid",
  ],
  [
    // The removal says it (major); the requests that fall to /t/:id are not listed twice.
    "a literal removed: its requests fall to the param beside it",
    mineAndId,
    (d) => d.scopes[0]!.endpoints.pop(),
    "major",
    "GET /t/mine is gone; its requests now match GET /t/:id, which needs s (was t)",
  ],
  ["the same base path on another host", dynamic, (d) => d.baseUrls.push("https://api.other.test/api/v0"), "minor", ""],
  [
    "a root base URL beside /v1: nothing moves",
    envUsers,
    (d) => d.baseUrls.push("https://api.example.test"),
    "minor",
    "",
  ],
  [
    // /api/environments/… is now read under /api: newly identified, never less.
    "a shorter base path that holds the old one",
    dynamic,
    (d) => d.baseUrls.push("https://app.dynamicauth.com/api"),
    "minor",
    "",
  ],
  [
    "a method added to a path",
    envUsers,
    (d) => d.scopes[0]!.endpoints.push({ method: "POST", path: "/:env/users", summary: "x" }),
    "minor",
    "",
  ],
  ["nothing", dynamic, () => {}, "none", ""],
];

/** How a request's answer moves, re-asked of both catalogs: the kind a change naming it must have. */
const kindOf = (old: Catalog, next: Catalog, call: string): string => {
  const [a, b] = [old, next].map((c) => createCalculator(c).requiredScopes(call));
  if (a!.status !== "matched") return b!.status === "matched" ? "requests-identified" : "same";
  if (b!.status !== "matched") return "requests-unidentified";
  return a!.anyOf.join() === b!.anyOf.join() ? "same" : "requests-moved";
};

/** Every example request of every request change moves as its change says. */
const examplesHold = (old: Catalog, next: Catalog, changes: readonly CatalogChange[]): void => {
  for (const c of changes)
    for (const call of c.requests ?? [])
      expect({ call, kind: kindOf(old, next, call) }).toEqual({ call, kind: c.kind });
};

describe("diffCatalogs judges every kind of request, not only endpoints", () => {
  test.each(cases)("%s", (_name, make, edit, bump, evidence) => {
    const next = make();
    edit(next);
    const [a, b] = [parseCatalog(make()), parseCatalog(next)];
    const d = diffCatalogs(a, b);
    expect(d.bump).toBe(bump);
    examplesHold(a, b, d.changes);
    expect(d.changes.map((c) => c.message).join("\n")).toContain(evidence);
    // Every change is named once: no request change repeats one the endpoint changes already say.
    expect(new Set(d.changes.map((c) => c.message)).size).toBe(d.changes.length);
  });

  test("a request change carries its example requests and how many probe requests moved alike", () => {
    const next = walletsAndPolicies();
    next.scopes.push({ name: "u.read", endpoints: [{ method: "GET", path: "/a/policies/:id", summary: "x" }] });
    const change = diffCatalogs(parseCatalog(walletsAndPolicies()), parseCatalog(next)).changes.at(-1)!;
    expect(change).toMatchObject({
      kind: "requests-moved",
      bump: "major",
      endpoint: { method: "GET", path: "/a/:walletId/foo" },
      before: ["s.read"],
      after: ["u.read"],
      requests: ["GET /a/policies/foo", "GET /v1/a/policies/foo"],
      requestCount: 2,
    });
  });

  test("past MAX_REQUEST_GROUPS groups, the rest are one line that counts them, still major", () => {
    const old = makeCatalog({ s: [["GET", "/t/:id"]], t: [] });
    const next = makeCatalog({ s: [["GET", "/t/:id"]], t: [] });
    for (let i = 0; i < 30; i++) next.scopes[1]!.endpoints.push({ method: "GET", path: `/t/l${i}`, summary: "x" });
    const [a, b] = [parseCatalog(old), parseCatalog(next)];
    const d = diffCatalogs(a, b);
    const requests = d.changes.filter((c) => c.kind.startsWith("requests-"));
    expect(d.bump).toBe("major");
    expect(requests).toHaveLength(MAX_REQUEST_GROUPS + 1);
    expect(requests.at(-1)).toMatchObject({
      kind: "requests-more",
      bump: "major",
      message: expect.stringMatching(/^and 11 more groups of requests \(22 probe requests\)/),
    });
    examplesHold(a, b, d.changes);
  });
});
