import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { dynamicCatalog, minimalScopes, requiredScopes } from "../../src/index.js";
import { listSourceFiles, scanFiles, scanSource } from "../../src/node/index.js";

const options = { baseUrls: dynamicCatalog.baseUrls, requiredScopes };
const root = fileURLToPath(new URL("../fixtures/scan", import.meta.url));
const scan = (code: string, file = "a.ts") => scanSource(code, file, options);
const calls = (code: string, file?: string) =>
  scan(code, file).findings.map((f) => (f.kind === "call" ? `${f.call.method} ${f.call.path}` : `? ${f.reason}`));

describe("scanSource: SDK calls", () => {
  test("finds SDK methods on instances from new, annotations, class fields and parameter properties, with line:column", () => {
    const r = scan(`import { UsersApi, TokensApi } from "@dynamic-labs/sdk-api";
const users = new UsersApi();
class W { t = new TokensApi(); constructor(private readonly u2: UsersApi) {}
  async go() { await users.getUser({}); await this.t.getTokens({}); await this.u2.deleteUserRaw({}); } }`);
    expect(r.findings).toEqual([
      {
        kind: "call",
        via: "sdk",
        source: { file: "a.ts", line: 4, column: 28, operation: "UsersApi.getUser" },
        text: "users.getUser(…)",
        call: { method: "GET", path: "/environments/{environmentId}/users/{userId}" },
      },
      {
        kind: "call",
        via: "sdk",
        source: { file: "a.ts", line: 4, column: 54, operation: "TokensApi.getTokens" },
        text: "this.t.getTokens(…)",
        call: { method: "GET", path: "/environments/{environmentId}/tokens" },
      },
      {
        kind: "call",
        via: "sdk",
        source: { file: "a.ts", line: 4, column: 83, operation: "UsersApi.deleteUser" },
        text: "this.u2.deleteUserRaw(…)",
        call: { method: "DELETE", path: "/environments/{environmentId}/users/{userId}" },
      },
    ]);
  });

  test("method names alone count only in files that import the SDK; a known receiver of the wrong class is unclassified", () => {
    expect(calls(`declare const x: any; x.getEnvironmentUsers({});`)).toEqual([]);
    expect(
      calls(
        `import type { Configuration } from "@dynamic-labs/sdk-api"; declare const x: any; x.getEnvironmentUsers({});`,
      ),
    ).toEqual(["GET /environments/{environmentId}/users"]);
    expect(
      calls(`import { TokensApi } from "@dynamic-labs/sdk-api"; new TokensApi().getEnvironmentUsers({});`),
    ).toEqual(["? TokensApi has no operation getEnvironmentUsers; UsersApi.getEnvironmentUsers do"]);
  });

  test("require() and namespace imports are followed", () => {
    expect(
      calls(`const { WebhooksApi: W } = require("@dynamic-labs/sdk-api"); new W().getWebhooks({});`, "a.js"),
    ).toEqual(["GET /environments/{environmentId}/webhooks"]);
    expect(
      calls(`import * as dyn from "@dynamic-labs/sdk-api"; const w: dyn.WebhooksApi = make(); w.createWebhook({});`),
    ).toEqual(["POST /environments/{environmentId}/webhooks"]);
  });
});

describe("scanSource: URL literals", () => {
  test.each([
    ['fetch("https://app.dynamicauth.com/api/v0/environments/e1/users")', "GET /environments/e1/users"],
    [
      "fetch(`https://app.dynamic.xyz/api/v0/environments/${env.id}/users?limit=${n}`, { method: 'POST' })",
      "POST /environments/{id}/users",
    ],
    [
      'const B = "https://app.dynamicauth.com/api/v0"; fetch(B + "/environments/" + envId + "/tokens", { method: "post" })',
      "POST /environments/{envId}/tokens",
    ],
    ["axios.put(`${baseUrl}/environments/${e}/webhooks/${w}`, body)", "PUT /environments/{e}/webhooks/{w}"],
    ["client.delete(`/api/v0/users/${encodeURIComponent(id)}`)", "DELETE /users/{id}"],
    ["request({ url: `/environments/${e}/gates`, method: 'GET' })", "GET /environments/{e}/gates"],
    ["new Request(`/environments/${e}/origins`, { method: 'POST' })", "POST /environments/{e}/origins"],
    [
      "const u = `/environments/${e}/webhooks`; fetch(u); fetch(u, { method: 'POST' }); fetch(u)",
      "GET /environments/{e}/webhooks|POST /environments/{e}/webhooks",
    ],
    [
      "this.request({ path: `/environments/{environmentId}/tokens`.replace(`{environmentId}`, encodeURIComponent(id)), method: 'POST' })",
      "POST /environments/{environmentId}/tokens",
    ],
    ["fetch(encodeURI(`/api/v0/environments/${e}/webhooks`.trim()))", "GET /environments/{e}/webhooks"],
  ])("%s → %s", async (code, expected) => {
    expect(calls(code, "a.js").join("|")).toBe(expected);
  });

  test.each([
    ['fetch("https://example.com/environments/e1/users")'],
    ['fetch("/api/v1/environments/e1/users")'],
    ['const note = "/users/list is a page"; fetch("/users/u1")'],
    ['import x from "/environments/e1/users"'],
    ['const o = { "/environments/e1/users": 1 }'],
    ["const base = 'https://app.dynamicauth.com/api/v0'; fetch(base)"],
  ])("%s is not a Dynamic call", async (code) => {
    expect(calls(code, "a.js")).toEqual([]);
  });

  test("a Dynamic URL with no method in sight, or a method that is not a literal, is unclassified with why", () => {
    expect(calls("const u = `https://app.dynamicauth.com/api/v0/environments/${e}/exports`; log(u)", "a.js")).toEqual([
      "? no request in this file sends it, so its method is unknown; the catalog has GET, POST for this path",
    ]);
    expect(calls("fetch(`/api/v0/environments/${e}/gates`, { method: verb })", "a.js")).toEqual([
      "? cannot tell the HTTP method: the method is not a string literal",
    ]);
    expect(calls("fetch(`/api/v0/environments/${e}/gates`, opts)", "a.js")).toEqual([
      "? cannot tell the HTTP method: the request options are not an object literal",
    ]);
  });

  test("constants built from constants are inlined; one used only to build URLs is not a call itself", () => {
    const code =
      'const BASE = "https://app.dynamicauth.com/api/v0";\nconst env = `${BASE}/environments/${id}`;\nfetch(`${env}/users/${u}`, { method: "PUT" });\nfetch(env + "/webhooks");';
    expect(calls(code, "a.js")).toEqual(["PUT /environments/{id}/users/{u}", "GET /environments/{id}/webhooks"]);
  });

  test("TypeScript casts around a URL are seen through", () => {
    expect(calls("fetch(`/api/v0/environments/${e}/webhooks` as string, { method: 'PUT' })", "a.ts")).toEqual([
      "PUT /environments/{e}/webhooks",
    ]);
  });

  test("a file that does not parse is one problem with its line and column, not an exception", () => {
    expect(scan("const a = ;\n", "bad.ts")).toMatchObject({
      findings: [],
      problems: [{ code: "parse-error", source: { file: "bad.ts", line: 1, column: 11 } }],
    });
  });
});

describe("scanFiles on test/fixtures/scan", () => {
  test("skips node_modules, reports the broken file, and plans the worker's calls", async () => {
    const { files, skipped } = await listSourceFiles([root, `${root}/../README.md`]);
    expect(files.map((f) => f.slice(root.length))).toEqual(["/src/broken.jsx", "/src/user-sync.ts"]);
    expect(skipped).toEqual([`${root}/../README.md`]);
    const r = await scanFiles([root], options);
    expect(r.files).toBe(2);
    expect(r.problems).toMatchObject([
      { code: "parse-error", source: { file: "test/fixtures/scan/src/broken.jsx", line: 2, column: 10 } },
    ]);
    const found = r.findings.map(
      (f) =>
        `${f.source.line}:${f.source.column} ${f.kind === "call" ? `${f.call.method} ${f.call.path}` : "unclassified"}`,
    );
    expect(found).toEqual([
      "12:17 GET /environments/{environmentId}/users",
      "13:22 GET /environments/{environmentId}/webhooks",
      "14:23 DELETE /environments/{environmentId}/tokens/{tokenId}",
      "15:17 PUT /environments/{envId}/users/{userId}",
      "16:17 POST /environments/{envId}/webhooks",
      "18:24 DELETE /environments/{envId}/tokens/{userId}",
      "19:41 GET /environments/{envId}/analytics/visits",
      "20:17 GET /environments/{envId}/userz",
      "21:20 unclassified",
      "22:17 unclassified",
    ]);
    const plan = minimalScopes(r.findings.flatMap((f) => (f.kind === "call" ? [f.call] : [])));
    expect(plan.scopes).toEqual([
      "environment.analytics.read",
      "environment.apiTokens.write",
      "environment.users.read",
      "environment.users.write",
      "environment.webhooks.read",
      "environment.webhooks.write",
    ]);
    expect(plan.unidentified).toMatchObject([{ index: 7, status: "unknown" }]);
  });

  test("a path that does not exist is an InputError", async () => {
    await expect(scanFiles([`${root}/nope`], options)).rejects.toThrow(/nope.*no such file/s);
  });
});
