import { describe, expect, test } from "vitest";
import { scanSource, scanSources } from "../../src/node/index.js";

// One file on its own (scanSource: file mode). Cross-module resolution is test/node/scan-projects.test.ts.
const scan = (code: string, file = "a.ts") => scanSource(code, file);
/** Findings in short: `GET /path` for calls (with `Class.op` for SDK calls), `? code` for unclassified. */
const found = (code: string, file?: string) =>
  scan(code, file).findings.map((f) =>
    f.kind === "call"
      ? `${f.call.method} ${f.call.path}${f.source.operation ? ` ${f.source.operation}` : ""}`
      : `? ${f.code}`,
  );

const SDK = 'import { UsersApi, WebhooksApi, TokensApi, Configuration } from "@dynamic-labs/sdk-api";\n';
const BASE = 'const BASE = "https://app.dynamicauth.com/api/v0";\n';

describe("SDK calls: an operation is a reference to a method of an SDK class", () => {
  test("require() and a renamed destructure in JavaScript", () => {
    expect(
      found('const { WebhooksApi: W } = require("@dynamic-labs/sdk-api");\nnew W().getWebhooks({});', "a.js"),
    ).toEqual(["GET /environments/{environmentId}/webhooks WebhooksApi.getWebhooks"]);
  });

  test("instances from new, annotations, class fields and parameter properties, with line:column", () => {
    const r = scan(`${SDK}const users = new UsersApi();
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

  test.each([
    [
      "a destructured method, a bound method, a method passed as a callback (its initOverrides unseen: unclassified)",
      `${SDK}const api = new WebhooksApi();\nconst { getWebhooks, deleteWebhookById: drop } = api;\n` +
        "const f = api.createWebhook.bind(api);\n[1].map(api.getWebhook);",
      [
        "GET /environments/{environmentId}/webhooks WebhooksApi.getWebhooks",
        "DELETE /environments/{environmentId}/webhooks/{webhookId} WebhooksApi.deleteWebhookById",
        "POST /environments/{environmentId}/webhooks WebhooksApi.createWebhook",
        "GET /environments/{environmentId}/webhooks/{webhookId} WebhooksApi.getWebhook",
        "? passed-on",
      ],
    ],
    [
      "a namespace import, and a type from it",
      'import * as dyn from "@dynamic-labs/sdk-api"; new dyn.WebhooksApi().getWebhooks({});\n' +
        "declare const t: dyn.TokensApi; t.postToken();",
      [
        "GET /environments/{environmentId}/webhooks WebhooksApi.getWebhooks",
        "POST /environments/{environmentId}/tokens TokensApi.postToken",
      ],
    ],
    [
      "require() in a .ts file, which TypeScript does not follow: the receiver is untyped",
      'const { WebhooksApi: W } = require("@dynamic-labs/sdk-api"); new W().getWebhooks({});',
      ["? untyped-receiver"],
    ],
    [
      "a subclass calls its inherited operations",
      `${SDK}class Mine extends UsersApi { sync() { return this.updateUser({}); } }`,
      ["PUT /environments/{environmentId}/users/{userId} UsersApi.updateUser"],
    ],
    [
      "withMiddleware returns the client, whose requests its middleware may rewrite (as may any client's then)",
      `${SDK}const u = new UsersApi().withMiddleware({});\nu.getEnvironmentUsers({});\n` +
        "class Mine extends UsersApi { sync() { return this.updateUser({}); } }",
      [
        "GET /environments/{environmentId}/users UsersApi.getEnvironmentUsers",
        "? rewritten-by-middleware",
        "PUT /environments/{environmentId}/users/{userId} UsersApi.updateUser",
        "? rewritten-by-middleware",
      ],
    ],
    [
      "a union receiver calls each class's operation of that name",
      `${SDK}declare const c: UsersApi | undefined; c?.getUser({});`,
      ["GET /environments/{environmentId}/users/{userId} UsersApi.getUser"],
    ],
    [
      "a generic constrained to an SDK class",
      `${SDK}function f<T extends TokensApi>(t: T) { return t.deleteTokenById({}); }`,
      ["DELETE /environments/{environmentId}/tokens/{tokenId} TokensApi.deleteTokenById"],
    ],
    [
      "an operation of another class on an SDK client is not guessed",
      `${SDK}new TokensApi().getEnvironmentUsers({});`,
      ["? not-an-operation"],
    ],
    [
      "a method the mapping lacks (a newer SDK, a typo)",
      `${SDK}new UsersApi().getUsers({}); const u = new UsersApi(); u.listEverything();`,
      ["? not-an-operation", "? not-an-operation"],
    ],
    [
      "an untyped receiver calling an SDK operation name, in a file that imports the SDK",
      `${SDK}declare const x: any; x.getEnvironmentUsers({}); x.notAnOperation();`,
      ["? untyped-receiver"],
    ],
    ["an untyped receiver where nothing uses the SDK", "declare const x: any; x.getEnvironmentUsers({});", []],
    [
      "a typed receiver of another class with the same method name",
      `${SDK}class Repo { getUser(id: string) { return id; } }\nnew Repo().getUser("u1");`,
      [],
    ],
    [
      "type positions are not calls",
      `${SDK}type F = typeof UsersApi.prototype.getUser; type G = UsersApi["getUser"];`,
      [],
    ],
    [
      "computed names: a literal union is each operation, a string is unclassified",
      `${SDK}const u = new UsersApi();\ndeclare const op: "getUser" | "deleteUser"; u[op]({});\n` +
        "declare const any: string; u[any]({});",
      [
        "GET /environments/{environmentId}/users/{userId} UsersApi.getUser",
        "DELETE /environments/{environmentId}/users/{userId} UsersApi.deleteUser",
        "? computed-name",
      ],
    ],
  ])("%s", (_, code, expected) => {
    expect(found(code)).toEqual(expected);
  });
});

describe("URLs: the method is what the runtime sends", () => {
  test.each([
    ['fetch("https://app.dynamicauth.com/api/v0/environments/e1/users")', ["GET /environments/e1/users"]],
    [
      "fetch(`https://app.dynamic.xyz/api/v0/environments/${env.id}/users?limit=${n}`, { method: 'POST' })",
      ["POST /environments/{id}/users"],
    ],
    [
      `${BASE}fetch(BASE + "/environments/" + envId + "/tokens", { method: "post" })`,
      ["POST /environments/{envId}/tokens"],
    ],
    ["axios.put(`${baseUrl}/environments/${e}/webhooks/${w}`, body)", ["PUT /environments/{e}/webhooks/{w}"]],
    ["client.delete(`/api/v0/users/${encodeURIComponent(id)}`)", ["DELETE /users/{id}"]],
    ["request({ url: `/environments/${e}/gates`, method: 'GET' })", ["GET /environments/{e}/gates"]],
    ["new Request(`/environments/${e}/origins`, { method: 'POST' })", ["POST /environments/{e}/origins"]],
    [
      "const u = `/environments/${e}/webhooks`; fetch(u); fetch(u, { method: 'POST' })",
      ["GET /environments/{e}/webhooks", "POST /environments/{e}/webhooks"],
    ],
    [
      "this.request({ path: `/environments/{environmentId}/tokens`.replace(`{environmentId}`, encodeURIComponent(id)), method: 'POST' })",
      ["POST /environments/{id}/tokens"],
    ],
    ["fetch(encodeURI(`/api/v0/environments/${e}/webhooks`.trim()))", ["GET /environments/{e}/webhooks"]],
    ["xhr.open('DELETE', `/api/v0/environments/${e}/users/${u}`)", ["DELETE /environments/{e}/users/{u}"]],
    // The last `method` wins, as in the object the runtime builds.
    [
      "fetch(`/api/v0/environments/${e}/users`, { method: 'GET', method: 'DELETE' })",
      ["DELETE /environments/{e}/users"],
    ],
    ["fetch(`/api/v0/environments/${e}/users`, { ...opts, method: 'POST' })", ["POST /environments/{e}/users"]],
    ["fetch(`/api/v0/environments/${e}/users`, { ...{ method: 'PUT' } })", ["PUT /environments/{e}/users"]],
    ["fetch(`/api/v0/environments/${e}/users`, { headers: {} })", ["GET /environments/{e}/users"]],
    [
      "const o = { method: 'POST' } as const; fetch(`/api/v0/environments/${e}/users`, o)",
      ["POST /environments/{e}/users"],
    ],
    [
      "fetch(`/api/v0/environments/${e}/users`, { method: isNew ? 'POST' : 'PUT' })",
      ["POST /environments/{e}/users", "PUT /environments/{e}/users"],
    ],
    [
      "const M = 'delete'; fetch(`/api/v0/environments/${e}/users/${u}`, { method: M })",
      ["DELETE /environments/{e}/users/{u}"],
    ],
    [
      "fetch(`/api/v0/environments/${e}/users`, { __proto__: base, method: 'POST', body } as RequestInit)",
      ["POST /environments/{e}/users"],
    ],
  ])("%s", (code, expected) => {
    expect(found(code, "a.ts")).toEqual(expected);
  });

  test.each([
    [
      "a spread after the method may set another",
      "fetch(`/api/v0/environments/${e}/users`, { method: 'GET', ...opts })",
    ],
    ["an options object that is not a literal", "fetch(`/api/v0/environments/${e}/users`, opts)"],
    ["a method that is not a literal", "fetch(`/api/v0/environments/${e}/users`, { method: verb })"],
    ["a computed key may be method", "fetch(`/api/v0/environments/${e}/users`, { method: 'GET', [k]: 'DELETE' })"],
    [
      "an options object changed after it is made",
      "const o = { method: 'GET' }; o.method = 'DELETE'; fetch(`/api/v0/environments/${e}/users`, o)",
    ],
    ["a method that is not an HTTP method", "fetch(`/api/v0/environments/${e}/users`, { method: 'GET /x' })"],
    [
      "a prototype (__proto__) that may carry a method",
      "const del: RequestInit = { method: 'DELETE' };\nfetch(`/api/v0/environments/${e}/users`, { __proto__: del, signal } as RequestInit)",
    ],
    [
      'a quoted "__proto__" key',
      'fetch(`/api/v0/environments/${e}/users`, { "__proto__": { method: "DELETE" }, cache: "no-store" } as RequestInit)',
    ],
  ])("%s: unclassified, never the earlier literal", (_, code) => {
    expect(found(code)).toEqual(["? unknown-method"]);
  });
});

describe("URLs: every spelling of Dynamic's origin is a call", () => {
  const call = (url: string) => found(`fetch(${JSON.stringify(url)}, { method: "DELETE" })`);
  test.each([
    ["HTTPS://APP.DYNAMICAUTH.COM/api/v0/environments/e1/tokens/t1", "DELETE /environments/e1/tokens/t1"],
    ["//app.dynamicauth.com/api/v0/environments/e1/tokens/t1", "DELETE /environments/e1/tokens/t1"],
    ["http://app.dynamicauth.com/api/v0/environments/e1/tokens/t1", "DELETE /environments/e1/tokens/t1"],
    ["https://app.dynamicauth.com.:443/api/v0/environments/e1/tokens/t1", "DELETE /environments/e1/tokens/t1"],
    ["https://user@app.dynamicauth.com/api/v0/environments/e1/tokens/t1", "DELETE /environments/e1/tokens/t1"],
    // Not spelled as the base path: still Dynamic's, and the matcher says the call is not identified.
    [
      "https://app.dynamicauth.com/API/V0/environments/e1/tokens/t1",
      "DELETE https://app.dynamicauth.com/API/V0/environments/e1/tokens/t1",
    ],
    [
      "https://app.dynamicauth.com//api/v0/environments/e1/tokens/t1",
      "DELETE https://app.dynamicauth.com//api/v0/environments/e1/tokens/t1",
    ],
    [
      "https://app.dynamicauth.com/api//v0/environments/e1/tokens/t1",
      "DELETE https://app.dynamicauth.com/api//v0/environments/e1/tokens/t1",
    ],
    [
      "https://app.dynamicauth.com/%61pi/v0/environments/e1/tokens/t1",
      "DELETE https://app.dynamicauth.com/%61pi/v0/environments/e1/tokens/t1",
    ],
    [
      "https://app.dynamicauth.com/api/v0;x/environments/e1/tokens/t1",
      "DELETE https://app.dynamicauth.com/api/v0;x/environments/e1/tokens/t1",
    ],
    ["/API/V0/environments/e1/tokens/t1", "DELETE /API/V0/environments/e1/tokens/t1"],
  ])("%s", (url, expected) => {
    expect(call(url)).toEqual([expected]);
  });

  test.each([
    ["String.raw", "fetch(String.raw`https://app.dynamicauth.com/api/v0/environments/${e}/users`)"],
    ["another tag", "fetch(url`https://app.dynamicauth.com/api/v0/environments/${e}/users`)"],
    ["new URL with a base", `${BASE}fetch(new URL(\`environments/\${e}/users\`, BASE + "/"))`],
    ["an array joined", `${BASE}fetch([BASE, "environments", e, "users"].join("/"))`],
    [
      "a helper that returns it",
      `${BASE}const users = (e: string) => \`\${BASE}/environments/\${e}/users\`; fetch(users(x))`,
    ],
    ["a conditional's branches", 'fetch(a ? "/api/v0/environments/e/users" : "/api/v0/environments/e/users")'],
    ["an empty fallback is a missing setting", 'fetch(`/api/v0/environments/${process.env.ENV ?? ""}/users`)'],
  ])("%s", (_, code) => {
    expect(found(code)).toEqual([expect.stringMatching(/^GET \/environments\/\{?\w+\}?\/users$/)]);
  });

  test("new URL with a root-relative path leaves the base path, as a browser does", () => {
    expect(found(`${BASE}fetch(new URL("/environments/e/users", BASE))`)).toEqual([
      "GET https://app.dynamicauth.com/environments/e/users",
    ]);
  });

  test.each([
    ['fetch("https://example.com/environments/e1/users")'],
    ['fetch("/api/v1/environments/e1/users")'],
    ['const note = "/users/list is a page"; fetch("/users/u1")'],
    ['import x from "/environments/e1/users"'],
    ['const o = { "/environments/e1/users": 1 }'],
    [`${BASE}fetch(BASE)`],
    ['app.get("/environments/:id/users", (req, res) => res.send())'],
    ["router.push(`/environments/${id}/users`)"],
    ['if (url === "https://app.dynamicauth.com/api/v0/environments/e/users") {}'],
    ['console.log("see https://app.dynamicauth.com/api/v0/environments/e/users")'],
  ])("%s is not a Dynamic call", (code) => {
    expect(found(code, "a.js")).toEqual([]);
  });
});

describe("URLs: what is built, stored or handed on", () => {
  test.each([
    [
      "constants built from constants are inlined; one only built into other URLs is not a call itself",
      `${BASE}const env = \`\${BASE}/environments/\${id}\`;\n` +
        `fetch(\`\${env}/users/\${u}\`, { method: "PUT" });\nfetch(env + "/webhooks");`,
      ["PUT /environments/{id}/users/{u}", "GET /environments/{id}/webhooks"],
    ],
    [
      "a URL constant only mentioned in a log message is not a building block",
      `${BASE}const USERS = \`\${BASE}/environments/\${e}/users\`;\nconsole.log("calling " + USERS);`,
      ["? not-sent"],
    ],
    [
      "a URL handed to a function that is not followed to a request",
      "const u = `https://app.dynamicauth.com/api/v0/environments/${e}/exports`; log(u)",
      ["? passed-on"],
    ],
    ["a URL in an array", 'const urls = ["https://app.dynamicauth.com/api/v0/environments/e/users"];', ["? not-sent"]],
    [
      "a URL handed to a request but not as its URL",
      'fetch("https://example.com/hook", { body: "https://app.dynamicauth.com/api/v0/environments/e/users" })',
      ["? not-sent"],
    ],
    ["the endpoint is built at run time", `${BASE}declare const path: string; fetch(BASE + path)`, ["? runtime-url"]],
    [
      "a helper whose caller is not in sight",
      `${BASE}export const call = (path: string, init?: RequestInit) => fetch(BASE + path, init);`,
      ["? helper-parameter"],
    ],
    [
      "a helper called with a path and a method",
      `${BASE}const call = (path: string, init: RequestInit = {}) => fetch(BASE + path, { ...init });\n` +
        'call(`/environments/${e}/users`, { method: "DELETE" }); call(`/environments/${e}/users`);',
      ["DELETE /environments/{e}/users", "GET /environments/{e}/users"],
    ],
    [
      "a helper scoped to an environment, whose callers glue the rest of the path on",
      `${BASE}const ENV = "e1";\nconst inEnv = (path: string) => fetch(\`\${BASE}/environments/\${ENV}\${path}\`);\n` +
        'inEnv("/users"); inEnv("/webhooks");',
      ["GET /environments/e1/users", "GET /environments/e1/webhooks"],
    ],
    [
      "a client made in the file, and its base URL",
      `${BASE}import axios from "axios";\nconst api = axios.create({ baseURL: BASE });\n` +
        'api.get(`/environments/${e}/users`); api.request({ url: "/environments/e/gates", method: "POST" });',
      ["GET /environments/{e}/users", "POST /environments/e/gates"],
    ],
  ])("%s", (_, code, expected) => {
    expect(found(code)).toEqual(expected);
  });

  test("unclassified findings say why, with the methods the catalog has", () => {
    const [f] = scan(`${BASE}const URL_ONLY = \`\${BASE}/environments/\${e}/exports\`;`).findings;
    expect(f).toMatchObject({
      kind: "unclassified",
      code: "not-sent",
      text: "https://app.dynamicauth.com/api/v0/environments/{e}/exports",
      reason: expect.stringContaining("the catalog has GET, POST for this path"),
    });
  });
});

// Found by attacking the scanner from outside: each row is a class of ways to hide a call, now closed.
describe("attacks that no longer hide a call", () => {
  const D = '"https://app.dynamicauth.com/api/v0"';
  test.each([
    [
      "a cast does not change the object: `(api as any)` and a destructure of a cast",
      `${SDK}const api = new UsersApi();\n(api as any).deleteUser({});\n` +
        "const { getUser: g } = api as unknown as Record<string, Function>;",
      [
        "DELETE /environments/{environmentId}/users/{userId} UsersApi.deleteUser",
        "GET /environments/{environmentId}/users/{userId} UsersApi.getUser",
      ],
    ],
    [
      "URLs are parsed as fetch parses them: full-width and percent-encoded hosts, backslashes, missing slashes",
      'fetch("https://ａｐｐ.dynamicauth.com/API/V0/environments/e/users", { method: "DELETE" });\n' +
        'fetch("https://app%2Edynamicauth.com/api/v0/environments/e/users", { method: "DELETE" });\n' +
        String.raw`fetch("https:\\\\app.dynamicauth.com\\api\\v0\\environments\\e\\users", { method: "DELETE" });` +
        "\n" +
        'fetch("https:app.dynamicauth.com/api/v0/environments/e/users", { method: "DELETE" });\n' +
        'fetch("https://app.dynamic\\nauth.com/api/v0/environments/e/users", { method: "DELETE" });',
      [
        "DELETE https://app.dynamicauth.com/API/V0/environments/e/users",
        "DELETE /environments/e/users",
        "DELETE /environments/e/users",
        "DELETE /environments/e/users",
        "DELETE /environments/e/users",
      ],
    ],
    [
      "string methods: a case change is applied, a cut of a known text is computed, of a run-time text unclassified",
      `const e = "E1";\nfetch(\`\${${D}}/environments/\${e}/users\`.toLowerCase(), { method: "DELETE" });\n` +
        `fetch(\`\${${D}}/environments/\${e}/users/\`.slice(0, -1));\n` +
        `declare const id: string;\nfetch(\`\${${D}}/environments/\${id}/users/\`.slice(0, -1));`,
      ["DELETE /environments/e1/users", "GET /environments/E1/users", "? rewritten"],
    ],
    [
      "an array of parts joined by name, a rest-parameter join helper, path.join",
      `const B = ${D};\nconst parts = [B, "environments", e, "users"];\nfetch(parts.join("/"));\n` +
        'const joinUrl = (...p: string[]) => p.join("/");\nfetch(joinUrl(B, "environments", e, "gates"));\n' +
        'import path from "node:path";\nfetch(path.join(B, "environments", e, "origins"));',
      ["GET /environments/{e}/users", "GET /environments/{e}/gates", "GET /environments/{e}/origins"],
    ],
    [
      "a base URL built in ways the scan cannot follow is unclassified, never dropped",
      `const parts = [${D}];\nparts.push("environments", e, "users");\nfetch(parts.join("/"), { method: "DELETE" });\n` +
        `import { join } from "./somewhere";\nfetch(join(${D}, "environments", e, "users"));`,
      ["? reassigned", "? passed-on", "? passed-on"],
    ],
    ["a base URL exported and never built into a request", `export const BASE = ${D};`, ["? not-sent"]],
    [
      "a base URL given to a client is accounted for; a request to the base alone names no endpoint",
      `import { Configuration } from "@dynamic-labs/sdk-api";\nimport axios from "axios";\nconst B = ${D};\n` +
        'new Configuration({ basePath: B });\naxios.defaults.baseURL = B;\nfetch(B);\naxios.get("/environments/e/users");',
      ["GET /environments/e/users"],
    ],
  ])("%s", (_, code, expected) => {
    expect(found(code)).toEqual(expected);
  });
});

describe("suppressions", () => {
  test("a reason silences the unclassified findings of the next line, never a call; none is a finding", () => {
    const r = scan(
      `${BASE}// scopewise-ignore-next-line: shown as a link only\nconst a = \`\${BASE}/environments/\${e}/users\`;\n` +
        `/* scopewise-ignore-next-line */\nconst b = \`\${BASE}/environments/\${e}/gates\`;\n` +
        `// scopewise-ignore-next-line: hiding a call does not work\nfetch(\`\${BASE}/environments/\${e}/tokens\`);\n` +
        'const s = "// scopewise-ignore-next-line: a string, not a comment"; /** a `// scopewise-ignore-next-line: x` mention */\n' +
        `const c = \`\${BASE}/environments/\${e}/origins\`;\n`,
    );
    expect(r.findings.map((f) => `${f.source.line} ${f.kind === "call" ? f.call.path : f.code}`)).toEqual([
      "4 suppression-without-reason",
      "5 not-sent",
      "7 /environments/{e}/tokens",
      "9 not-sent",
    ]);
    expect(r.suppressions).toMatchObject([
      { source: { line: 2, column: 1 }, reason: "shown as a link only", suppressed: [{ code: "not-sent" }] },
      { source: { line: 6 }, reason: "hiding a call does not work", suppressed: [] },
    ]);
  });
});

describe("component files: their scripts, at their own lines and columns", () => {
  test("Vue, Svelte and Astro", () => {
    const vue = `<template>\n  <p>{{ n }}</p>\n</template>\n<script setup lang="ts">\n${SDK}const n = await new UsersApi().getEnvironmentUsers({});\n</script>\n`;
    const svelte =
      '<script>\n  fetch("https://app.dynamicauth.com/api/v0/environments/e/gates");\n</script>\n<h1>hi</h1>\n';
    const astro =
      '---\nconst r = await fetch("https://app.dynamicauth.com/api/v0/environments/e/origins");\n---\n<p>{r.status}</p>\n';
    const r = scanSources([
      { file: "App.vue", code: vue },
      { file: "Widget.svelte", code: svelte },
      { file: "page.astro", code: astro },
    ]);
    expect(
      r.findings.map(
        (f) => `${f.source.file}:${f.source.line}:${f.source.column} ${f.kind === "call" ? f.call.path : f.code}`,
      ),
    ).toEqual([
      "App.vue:6:32 /environments/{environmentId}/users",
      "Widget.svelte:2:9 /environments/e/gates",
      "page.astro:2:23 /environments/e/origins",
    ]);
  });
});

describe("files that do not read whole", () => {
  test("a syntax error is a problem with its line and column; the rest is scanned", () => {
    const r = scan('const a = ;\nfetch("/api/v0/environments/e/users");\n', "bad.ts");
    expect(r.problems).toMatchObject([{ code: "parse-error", source: { file: "bad.ts", line: 1, column: 11 } }]);
    expect(r.findings).toMatchObject([{ kind: "call", call: { path: "/environments/e/users" } }]);
  });
});
