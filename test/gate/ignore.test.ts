import { describe, expect, test } from "vitest";
import { dynamicCatalog } from "../../src/catalog/dynamic-catalog.js";
import { compileMatch } from "../../src/gate/ignore-rule.js";
import { createIgnorer } from "../../src/gate/ignorer.js";
import { rewriteTarget } from "../../src/gate/rewrite.js";
import type { IgnoreEntry } from "../../src/gate/types.js";
import type { SourcedCall } from "../../src/sources/types.js";

const ENV = "0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10";
const API = "https://app.dynamicauth.com/api/v0";

const ignorer = (entries: IgnoreEntry[], today = "2026-11-29") =>
  createIgnorer(entries, { file: "cfg.json", lineOf: (i) => i + 10, catalog: dynamicCatalog, today });
const at = (call: unknown, line = 1): SourcedCall => ({ call, source: { file: "in.log", line } });
const ignored = (match: string, call: unknown): boolean =>
  ignorer([{ match, reason: "r" }]).skip(
    typeof call === "object" && call && "source" in call ? (call as SourcedCall) : at(call),
  );

describe("what a match ignores, and what it never does", () => {
  test.each<[string, unknown, boolean]>([
    ["GET /healthz", "GET /healthz", true],
    ["GET /healthz", "GET /healthz?probe=1", true],
    ["GET /healthz", "get /healthz", true],
    ["GET /healthz", "POST /healthz", false],
    ["GET /healthz", "GET /healthz/deep", false],
    ["* /healthz", "HEAD /healthz", true],
    ["GET /healthz/**", "GET /healthz/deep/er", true],
    ["GET /status/*", "GET /status/db", true],
    ["GET /status/:check", "GET /status/db", true],
    ["GET /status/*", "GET /status", false],
    // The path as the matcher reads it: under the API base path, or as given.
    ["GET /environments/*/users", `GET ${API}/environments/e1/users`, true],
    ["GET /healthz", `GET https://app.example.com/healthz`, true],
    // A spelling the matcher refuses is never ignored: it stays an error.
    ["GET /healthz/**", "GET /healthz/../environments/e1/users", false],
    ["GET /healthz/**", "GET /healthz/%2e%2e/environments/e1/users", false],
    ["GET /healthz", "GET /healthz\\", false],
    ["host:status.example.com", "GET https://status.example.com/x", true],
    ["host:status.example.com", "GET https://STATUS.example.com/x", true],
    ["host:*.example.com", "GET https://a.b.example.com/x", true],
    ["host:status.example.com", "GET https://status.example.com.evil.io/x", false],
    ["host:status.example.com", "GET /x", false],
    ["host:status.example.com:8443", "GET https://status.example.com:8443/x", true],
    ["host:status.example.com:8443", "GET https://status.example.com/x", false],
    // SDK operations: by name, or by the route of an operation with no documented scope.
    ["SDKApi.*", `GET ${API}/sdk/${ENV}/settings`, true],
    ["SDKApi.getNonce", `GET ${API}/sdk/${ENV}/nonce`, true],
    ["SDKApi.getNonce", `GET ${API}/sdk/${ENV}/settings`, false],
    ["SDKApi.*", { call: { method: "GET", path: "/x" }, source: { file: "a.ts", operation: "SDKApi.getNonce" } }, true],
    // SDKApi.getUserAccountBalances is a documented endpoint (environment.balances.read): a glob never hides it by URL.
    ["SDKApi.*", `POST ${API}/environments/${ENV}/users/u1/balances`, false],
    ["UsersApi.*", `GET ${API}/environments/e1/users`, false],
  ])("%s on %j: %s", (match, call, expected) => {
    expect(ignored(match, call)).toBe(expected);
  });

  test.each([
    ["* /**", "it would ignore every request of that shape"],
    ["GET /*", "it would ignore every request of that shape"],
    ["GET /:id/{x}", "it would ignore every request of that shape"],
    ["host:*", "it would ignore every host"],
    ["host:*.*", "it would ignore every host"],
    ["/healthz", 'give a method: "* /healthz" for any method, or "GET /healthz"'],
    ["https://status.example.com", 'match a host with "host:NAME", or a path with "METHOD /path"'],
    ["FETCH /x", '"FETCH" is not an HTTP method (or *)'],
    ["GET healthz", 'the path "healthz" must start with /'],
    ["GET /a/**/b", "** may only end the path"],
    ["GET /a*b", '"a*b" is not a path segment, * or **'],
    ["SDKApi.nothingLikeThis*", "no operation of @dynamic-labs/sdk-api matches SDKApi.nothingLikeThis*"],
    ["SdkApi.*", "no operation of @dynamic-labs/sdk-api matches SdkApi.*; did you mean SDKApi.*?"],
    ["GET /a b", 'expected "METHOD /path", "host:NAME", or an SDK operation such as SDKApi.*'],
  ])("%s is refused: %s", (match, message) => {
    const r = compileMatch(match);
    expect(typeof r).toBe("string");
    expect(r).toContain(message);
  });
});

describe("the ignorer counts and lists", () => {
  test("folded calls count every occurrence; each entry reports what it did; first match wins", () => {
    const ig = ignorer([
      { match: "GET /healthz", reason: "probe" },
      { match: "* /healthz", reason: "never reached" },
      { match: "GET /gone", reason: "old", expires: "2026-11-29" },
      { match: "GET /later", reason: "soon", expires: "2026-11-30" },
    ]);
    const kept = ig.keep([
      { call: "GET /healthz", source: { file: "a.log", line: 1, occurrences: 40 } },
      at("GET /healthz", 7),
      at("GET /gone", 8),
      at(`GET ${API}/environments/e1/users`, 9),
    ]);
    expect(kept.map((c) => c.source.line)).toEqual([8, 9]);
    const report = ig.report();
    expect(report.ignored).toBe(41);
    expect(report.rules.map((r) => [r.status, r.count])).toEqual([
      ["applied", 41],
      ["unused", 0],
      ["expired", 0],
      ["unused", 0],
    ]);
    expect(report.rules[0]!.calls).toEqual([
      { call: "GET /healthz", source: { file: "a.log", line: 1, occurrences: 41 } },
    ]);
    expect(report.rules[2]).toMatchObject({ expires: "2026-11-29", source: { file: "cfg.json", line: 12 } });
  });

  test("an ignored call the catalog identifies is flagged with the scope it would need", () => {
    const ig = ignorer([{ match: "GET /environments/*/users", reason: "tested elsewhere" }]);
    expect(ig.skip(at(`GET ${API}/environments/e1/users`))).toBe(true);
    expect(ig.report().rules[0]!.calls[0]).toMatchObject({
      endpoint: { method: "GET", path: "/environments/:environmentId/users" },
      anyOf: ["environment.users.read"],
    });
  });

  test("past 100 distinct calls an entry counts the rest", () => {
    const ig = ignorer([{ match: "GET /probe/*", reason: "r" }]);
    ig.keep(Array.from({ length: 150 }, (_, i) => at(`GET /probe/p${i}`, i + 1)));
    const rule = ig.report().rules[0]!;
    expect([rule.count, rule.calls.length, rule.more]).toEqual([150, 100, 50]);
  });

  test("rewrites apply before matching, on whole segments", () => {
    const rewrites = [{ from: "/dynamic", to: "/api/v0" }];
    expect(rewriteTarget("/dynamic/environments/e1/users?x=1", rewrites)).toBe("/api/v0/environments/e1/users?x=1");
    expect(rewriteTarget("https://p.example.com/dynamic/x", rewrites)).toBe("https://p.example.com/api/v0/x");
    expect(rewriteTarget("/dynamical/x", rewrites)).toBe("/dynamical/x");
    const ig = createIgnorer([{ match: "SDKApi.getNonce", reason: "r" }], {
      file: "c",
      catalog: dynamicCatalog,
      rewrites,
      today: "2026-01-01",
    });
    expect(ig.skip(at(`GET /dynamic/sdk/${ENV}/nonce`))).toBe(true);
  });
});
