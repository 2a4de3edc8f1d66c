import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { dynamicCatalog, minimalScopes, readHar } from "../../src/index.js";
import { createHarReader } from "../../src/sources/har.js";
import { MAX_LINE_LENGTH } from "../../src/sources/limits.js";

const fixture = readFileSync(new URL("../fixtures/browser-session.har", import.meta.url), "utf8");
const file = "browser-session.har";
const localApi = "http://127.0.0.1:47102/api/v0";

describe("readHar on a HAR recorded from a real Chromium session", () => {
  test("entries on the fake API's base URL become calls; the page's own requests are skipped per host", () => {
    const r = readHar(fixture, { file, baseUrls: [...dynamicCatalog.baseUrls, localApi] });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.summary).toEqual({
      format: "har",
      file,
      entries: 9,
      used: 7,
      skipped: 2,
      otherHosts: [{ host: "127.0.0.1:47101", count: 2 }],
      otherScheme: 0,
      rewritten: 0,
      preflight: 0,
      bad: 0,
    });
    expect(
      r.calls.map(
        (c) => `${(c.call as { method: string }).method} ${new URL((c.call as { url: string }).url).pathname}`,
      ),
    ).toEqual([
      "GET /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/users",
      "POST /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/users",
      "GET /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/users/u-42/wallets",
      "GET /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/webhooks",
      "DELETE /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/tokens/tok-7",
      "GET /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/analytics/visits",
      "GET /api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/userz",
    ]);
    // Each call points at its entry: JSON path and the line the entry starts on.
    expect(r.calls[0]?.source).toEqual({ file, path: "$.log.entries[2]", line: 277 });
    const lines = fixture.split("\n");
    for (const c of r.calls) expect(lines[(c.source.line as number) - 1]).toMatch(/^ {6}\{$/);
  });

  test("the recorded calls plan to five scopes, and the 404 call stays unidentified", () => {
    const r = readHar(fixture, { file, baseUrls: [localApi] });
    if (!r.ok) throw new Error(r.problem.message);
    const plan = minimalScopes(r.calls);
    expect(plan.scopes).toEqual([
      "environment.analytics.read",
      "environment.apiTokens.write",
      "environment.users.read",
      "environment.users.write",
      "environment.webhooks.read",
    ]);
    expect(plan.complete).toBe(false);
    expect(plan.unidentified.map((u) => [u.index, u.status])).toEqual([[6, "unknown"]]);
  });

  test("with only Dynamic's base URLs nothing in a local session is a call", () => {
    const r = readHar(fixture, { file, baseUrls: dynamicCatalog.baseUrls });
    expect(r.ok && r.summary).toMatchObject({ used: 0, skipped: 9 });
  });
});

describe("readHar on bad input", () => {
  const baseUrls = dynamicCatalog.baseUrls;

  test("text that is not JSON is a problem with line and column, not an exception", () => {
    const r = readHar('{\n  "log": {\n    "entries": [,]\n  }\n}', { file: "x.har", baseUrls });
    expect(r).toMatchObject({
      ok: false,
      problem: { code: "not-har", source: { file: "x.har", line: 3, column: 17 } },
    });
  });

  test("JSON without log.entries is not a HAR", () => {
    expect(readHar({ log: {} }, { file: "x.har", baseUrls })).toMatchObject({
      ok: false,
      problem: { source: { path: "$.log.entries" } },
    });
  });

  test("entries without a request are reported by path and line, and the rest is still read", () => {
    const text = JSON.stringify(
      {
        log: {
          entries: [
            { request: { method: "GET" } },
            null,
            { request: { method: "GET", url: "https://app.dynamicauth.com/api/v0/environments/e1/users" } },
          ],
        },
      },
      null,
      2,
    );
    const r = readHar(text, { file: "x.har", baseUrls });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.problems).toEqual([
      {
        source: { file: "x.har", path: "$.log.entries[0]", line: 4 },
        code: "bad-entry",
        message: "entry has no request with a string method and url",
      },
      {
        source: { file: "x.har", path: "$.log.entries[1]", line: 9 },
        code: "bad-entry",
        message: "entry has no request with a string method and url",
      },
    ]);
    expect(r.summary).toMatchObject({ entries: 3, used: 1, bad: 2 });
  });

  test("CORS preflights are the browser's, not the app's: skipped and counted; only an OPTIONS is one", () => {
    const url = "https://app.dynamicauth.com/api/v0/environments/e1/users";
    const entries = [
      { _resourceType: "preflight", request: { method: "OPTIONS", url } },
      { request: { method: "OPTIONS", url, headers: [{ name: "Access-Control-Request-Method", value: "POST" }] } },
      { request: { method: "OPTIONS", url, headers: [] } },
      { request: { method: "POST", url } },
      // A marker never makes another method a preflight.
      { _resourceType: "preflight", request: { method: "DELETE", url: `${url}/u1` } },
      { request: { method: "DELETE", url: `${url}/u2`, headers: [{ name: "Access-Control-Request-Method" }] } },
    ];
    const r = readHar({ log: { entries } }, { file: "x.har", baseUrls });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.summary).toMatchObject({ entries: 6, used: 4, preflight: 2 });
    expect(r.calls.map((c) => (c.call as { method: string }).method)).toEqual(["OPTIONS", "POST", "DELETE", "DELETE"]);
  });

  test("anything sent to a base URL's origin is a call, whatever its path; the matcher judges it", () => {
    const urls = [
      "https://app.dynamicauth.com/login",
      "https://app.dynamicauth.com/API/V0/environments/e1/tokens/t1",
      "HTTPS://APP.DYNAMICAUTH.COM./api/v0/environments/e1/tokens/t1",
      "http://app.dynamicauth.com/api/v0/environments/e1/tokens/t1",
      "/api/v0/environments/e1/tokens/t1",
      "api/v0/environments/e1/tokens/t1",
      "//app.dynamicauth.com/api/v0/environments/e1/tokens/t1",
    ];
    const r = readHar(
      { log: { entries: urls.map((url) => ({ request: { method: "DELETE", url } })) } },
      { file: "x.har", baseUrls },
    );
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.summary).toMatchObject({ used: urls.length, skipped: 0, otherScheme: 1 });
    const plan = minimalScopes(r.calls);
    expect(plan.scopes).toEqual(["environment.apiTokens.write"]);
    // Every odd spelling is unidentified: the answer is incomplete, so a gate fails.
    expect(plan.unidentified.map((u) => u.index)).toEqual([0, 1, 5, 6]);
  });

  test("rewrites map a proxy's mount onto the API before matching", () => {
    const proxy = "https://gw.example.com/dynamic";
    const r = readHar(
      {
        log: {
          entries: [
            { request: { method: "GET", url: `${proxy}/environments/e1/users?limit=5` } },
            { request: { method: "GET", url: "https://gw.example.com/dynamicx/environments/e1/users" } },
            { request: { method: "GET", url: "https://shop.example.com/dynamic/environments/e1/users" } },
          ],
        },
      },
      { file: "x.har", baseUrls: [...baseUrls, proxy], rewrites: [{ from: "/dynamic", to: "/api/v0" }] },
    );
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.calls.map((c) => (c.call as { url: string }).url)).toEqual([
      "https://gw.example.com/api/v0/environments/e1/users?limit=5",
      "https://gw.example.com/dynamicx/environments/e1/users",
    ]);
    expect(r.summary).toMatchObject({ used: 2, rewritten: 1, otherHosts: [{ host: "shop.example.com", count: 1 }] });
  });
});

describe("readHar reads text as it streams", () => {
  const baseUrls = [...dynamicCatalog.baseUrls, localApi];

  test("the same calls, problems and lines however the text is cut into pieces", () => {
    const whole = readHar(fixture, { file, baseUrls });
    for (const size of [1, 7, 100, 4096]) {
      const reader = createHarReader({ file, baseUrls });
      for (let i = 0; i < fixture.length; i += size) reader.write(fixture.slice(i, i + size));
      expect(reader.end()).toEqual(whole);
    }
  });

  test("a log or log.entries given twice is not a HAR: its first entries were read already", () => {
    const entries = '[{"request":{"method":"GET","url":"/api/v0/environments/e1/users"}}]';
    for (const text of [
      `{"log":{"entries":${entries},"entries":[]}}`,
      `{"log":{"entries":${entries}},"log":{"entries":[]}}`,
    ])
      expect(readHar(text, { file: "x.har" })).toMatchObject({
        ok: false,
        problem: {
          code: "not-har",
          message: expect.stringMatching(/^not a HAR file: "(log|entries)" is given twice$/),
        },
      });
  });

  // Found by an outside attack (F7): JSON.parse keeps the last of a key given twice, another reader the first.
  const url = "https://app.dynamicauth.com/api/v0/environments/e1/tokens";
  const req = (method: string, to = url) => `{"method":"${method}","url":"${to}"}`;
  test.each([
    ["two requests", `{"request":${req("DELETE", `${url}/t1`)},"request":${req("GET")}}`, "$.log.entries[0].request"],
    ["two methods", `{"request":{"method":"DELETE","method":"GET","url":"${url}"}}`, "$.log.entries[0].request.method"],
    ["two urls", `{"request":{"method":"GET","url":"${url}/t1","url":"${url}"}}`, "$.log.entries[0].request.url"],
    [
      "a method spelled with an escape",
      `{"request":{"\\u006dethod":"DELETE","method":"GET","url":"${url}"}}`,
      "$.log.entries[0].request.method",
    ],
    [
      "two statuses",
      `{"request":${req("GET")},"response":{"status":403,"status":200}}`,
      "$.log.entries[0].response.status",
    ],
    [
      "two resource types",
      `{"_resourceType":"preflight","_resourceType":"fetch","request":${req("OPTIONS")}}`,
      "$.log.entries[0]._resourceType",
    ],
    [
      "two header names",
      `{"request":{"method":"OPTIONS","url":"${url}","headers":[{"name":"Access-Control-Request-Method","name":"x"}]}}`,
      "$.log.entries[0].request.headers[0].name",
    ],
  ])("an entry giving a key it is read by twice is a bad entry naming it: %s", (_name, entry, path) => {
    const text = `{"log":{"entries":[\n${entry}\n]}}`;
    for (const size of [text.length, 5]) {
      const reader = createHarReader({ file: "x.har" });
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      expect(reader.end()).toMatchObject({
        ok: true,
        calls: [],
        problems: [
          {
            source: { file: "x.har", path: "$.log.entries[0]", line: 2 },
            code: "bad-entry",
            message: `${path} is given twice (line 2): JSON readers disagree on which one counts`,
          },
        ],
        summary: { entries: 1, used: 0, bad: 1 },
      });
    }
  });

  test("a key given twice where no call is read from is not a problem; the next entry is read as usual", () => {
    const entries = [
      `{"request":{"method":"GET","url":"${url}","cookies":[],"cookies":[]},"timings":{"wait":1,"wait":2}}`,
      `{"request":{"method":"GET","method":"DELETE","url":"${url}/t1"}}`,
      `{"request":${req("GET")}}`,
    ];
    const r = readHar(`{"log":{"version":"1.2","version":"1.2","entries":[${entries.join(",")}]}}`);
    expect(r).toMatchObject({ ok: true, summary: { entries: 3, used: 2, bad: 1 } });
    expect(r.ok && r.problems.map((p) => p.source.path)).toEqual(["$.log.entries[1]"]);
  });

  test("past 100 bad entries a count is reported; a method or URL past the cap is a bad entry, not read", () => {
    const url = `https://app.dynamicauth.com/api/v0/${"a".repeat(MAX_LINE_LENGTH + 1)}`;
    const r = readHar(
      JSON.stringify({ log: { entries: [...Array(150).fill({}), { request: { method: "GET", url } }] } }),
    );
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.summary).toMatchObject({ entries: 151, used: 0, bad: 151 });
    expect(r.problems.slice(-1)).toEqual([
      { source: { file: "har" }, code: "bad-entry", message: "51 more bad entries not listed" },
    ]);
    expect(readHar(JSON.stringify({ log: { entries: [{ request: { method: "GET", url } }] } }))).toMatchObject({
      ok: true,
      problems: [{ message: expect.stringMatching(/longer than 1048576 characters; not read$/) }],
    });
  });
});
