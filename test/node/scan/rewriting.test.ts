import { describe, expect, test } from "vitest";
import { DYNAMIC, SDK, scanProject, type Files } from "../../helpers/scan-project.js";

// A client's default method and base URL are read where they are set (its options, `defaults` writes);
// what can rewrite a request after the call (interceptors, hooks, SDK middleware) makes it unclassified.
const cases: [name: string, files: Files, expected: string[]][] = [
  [
    "an axios instance with a base URL only: the verb decides (ordinary code stays quiet)",
    {
      "src/lib/http.ts": `import axios from "axios";\nexport const http = axios.create({ baseURL: "${DYNAMIC}", timeout: 5000 });\n`,
      "src/jobs/tokens.ts": `import { http } from "../lib/http";\nexport const revoke = (env: string, id: string) => http.delete(\`/environments/\${env}/tokens/\${id}\`);\n`,
    },
    ["DELETE /environments/{env}/tokens/{id}"],
  ],
  [
    "axios.create({ method }) is the method of a request that names none",
    {
      "src/api.ts":
        `import axios from "axios";\nconst api = axios.create({ baseURL: "${DYNAMIC}", method: "post" });\n` +
        `export const createToken = (env: string) => api.request({ url: \`/environments/\${env}/tokens\` });\n`,
    },
    ["POST /environments/{env}/tokens"],
  ],
  [
    "instance.defaults.method set after the instance is made adds its method",
    {
      "src/api.ts":
        `import axios from "axios";\nexport const api = axios.create({ baseURL: "${DYNAMIC}" });\n` +
        `export const useWrites = () => { api.defaults.method = "post"; };\n` +
        `export const tokens = (env: string) => api.request({ url: \`/environments/\${env}/tokens\` });\n`,
    },
    ["GET /environments/{env}/tokens", "POST /environments/{env}/tokens"],
  ],
  [
    "instance.defaults.method from configuration: unclassified",
    {
      "src/api.ts":
        `import axios from "axios";\nexport const api = axios.create({ baseURL: "${DYNAMIC}" });\n` +
        `api.defaults.method = process.env.DEFAULT_METHOD;\n` +
        `export const tokens = (env: string) => api.request({ url: \`/environments/\${env}/tokens\` });\n`,
    },
    ["? unknown-method"],
  ],
  [
    "ky.create({ prefixUrl, method })",
    {
      "src/api.ts":
        `import ky from "ky";\nconst api = ky.create({ prefixUrl: "${DYNAMIC}", method: "post" });\n` +
        `export const createToken = (env: string) => api(\`environments/\${env}/tokens\`).json();\n`,
    },
    ["POST /environments/{env}/tokens"],
  ],
  [
    "got.extend({ prefixUrl, method })",
    {
      "src/api.ts":
        `import got from "got";\nconst api = got.extend({ prefixUrl: "${DYNAMIC}", method: "DELETE" });\n` +
        `export const revoke = (env: string, id: string) => api(\`environments/\${env}/tokens/\${id}\`);\n`,
    },
    ["DELETE /environments/{env}/tokens/{id}"],
  ],
  [
    "a request interceptor can rewrite the URL: reported as read, and unclassified",
    {
      "src/api.ts":
        `import axios from "axios";\nconst api = axios.create({ baseURL: "${DYNAMIC}" });\n` +
        `api.interceptors.request.use((config) => ({ ...config, url: config.url?.replace("webhooks", "tokens") }));\n` +
        `export const createHook = (env: string) => api.post(\`/environments/\${env}/webhooks\`, {});\n`,
    },
    ["? rewritten-by-middleware", "POST /environments/{env}/webhooks"],
  ],
  [
    "fetch(new Request(url), init): init's method wins, the Request is not a second request",
    {
      "src/tokens.ts":
        `export async function revoke(env: string, id: string) {\n` +
        `  const req = new Request(\`${DYNAMIC}/environments/\${env}/tokens/\${id}\`);\n` +
        `  return fetch(req, { method: "DELETE" });\n}\n`,
    },
    ["DELETE /environments/{env}/tokens/{id}"],
  ],
  [
    "SDK middleware in the configuration: every call of that client is unclassified too",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, WebhooksApi } from "${SDK}";\n` +
        `const config = new Configuration({ accessToken: process.env.DYNAMIC_TOKEN, middleware: [{ pre: async (ctx) => ({ ...ctx, url: ctx.url.replace("webhooks", "tokens") }) }] });\n` +
        `export const webhooks = new WebhooksApi(config);\n`,
      "src/jobs/hooks.ts": `import { webhooks } from "../lib/dynamic";\nexport const list = (environmentId: string) => webhooks.getWebhooks({ environmentId });\n`,
    },
    ["GET /environments/{environmentId}/webhooks", "? rewritten-by-middleware"],
  ],
  [
    "an SDK configuration without middleware stays quiet",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, WebhooksApi } from "${SDK}";\n` +
        `const config = new Configuration({ accessToken: process.env.DYNAMIC_TOKEN });\n` +
        `export const webhooks = new WebhooksApi(config);\n`,
      "src/jobs/hooks.ts": `import { webhooks } from "../lib/dynamic";\nexport const list = (environmentId: string) => webhooks.getWebhooks({ environmentId });\n`,
    },
    ["GET /environments/{environmentId}/webhooks"],
  ],
  [
    "an SDK subclass overriding request(): its calls are unclassified",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        "class AdminUsers extends UsersApi {\n" +
        "  protected override async request(context: any, initOverrides?: any) {\n" +
        '    return super.request({ ...context, method: "DELETE" }, initOverrides);\n  }\n}\n' +
        "export const users = new AdminUsers(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n",
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}", "? rewritten-by-middleware"],
  ],
  [
    "request() replaced on an SDK class's prototype: every SDK call is unclassified",
    {
      "src/lib/patch.ts":
        `import { BaseAPI } from "${SDK}";\nconst send = (BaseAPI.prototype as any).request;\n` +
        '(BaseAPI.prototype as any).request = function (this: unknown, context: any, init: any) { return send.call(this, { ...context, method: "DELETE" }, init); };\n',
      "src/lib/dynamic.ts": `import "./patch";\nimport { Configuration, UsersApi } from "${SDK}";\nexport const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n`,
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}", "? rewritten-by-middleware"],
  ],
  [
    "a request member written on another kind of object stays quiet",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\nexport const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n` +
        "class Job { request: unknown; configuration: unknown; constructor(r: unknown) { this.request = r; this.configuration = {}; } }\nexport const job = new Job({});\n",
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}"],
  ],
  [
    "an SDK subclass adding a helper method only stays quiet",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        "class AppUsers extends UsersApi {\n  find(environmentId: string, userId: string) { return this.getUser({ environmentId, userId }); }\n}\n" +
        "export const users = new AppUsers(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n",
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string) => users.find(environmentId, "u1");\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}"],
  ],
  [
    "an SDK configuration with a fetchApi: its calls are unclassified",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        'const adminFetch: typeof fetch = (input, init) => fetch(input, { ...init, method: "DELETE" });\n' +
        `export const users = new UsersApi(new Configuration({ basePath: "${DYNAMIC}", accessToken: process.env.DYNAMIC_TOKEN, fetchApi: adminFetch }));\n`,
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}", "? rewritten-by-middleware"],
  ],
  [
    "middleware assigned on an SDK client: its calls are unclassified",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        "export const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n" +
        '(users as any).middleware = [{ pre: async (ctx: any) => ({ url: ctx.url, init: { ...ctx.init, method: "DELETE" } }) }];\n',
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}", "? rewritten-by-middleware"],
  ],
  [
    "middleware assigned through a parameter: every SDK call is unclassified",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        "export const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n" +
        "export const audited = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n" +
        'export const install = (api: { middleware: unknown[] }) => { api.middleware = [{ pre: async (ctx: any) => ({ ...ctx, init: { ...ctx.init, method: "DELETE" } }) }]; };\n' +
        "install(audited as any);\n",
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}", "? rewritten-by-middleware"],
  ],
  [
    "middleware assigned on another client made in sight: this client's calls stay quiet",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        "export const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n" +
        "const audited = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n" +
        "(audited as any).middleware = [{ post: async () => undefined }];\n",
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n`,
    },
    ["GET /environments/{environmentId}/users/{userId}"],
  ],
  [
    "an SDK basePath with a fragment or a query: its calls are outside-base",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\nconst ENV = process.env.DYNAMIC_ENV_ID;\n` +
        `export const users = new UsersApi(new Configuration({ basePath: \`${DYNAMIC}/environments/\${ENV}/webhooks/w#\`, accessToken: process.env.DYNAMIC_TOKEN }));\n` +
        `export const tokens = new UsersApi(new Configuration({ basePath: "${DYNAMIC}?via=", accessToken: process.env.DYNAMIC_TOKEN }));\n`,
      "src/jobs/users.ts":
        `import { tokens, users } from "../lib/dynamic";\n` +
        "export const remove = (environmentId: string, userId: string) => users.deleteUser({ environmentId, userId });\n" +
        "export const read = (environmentId: string, userId: string) => tokens.getUser({ environmentId, userId });\n",
    },
    [
      "DELETE /environments/{environmentId}/users/{userId}",
      "? outside-base",
      "GET /environments/{environmentId}/users/{userId}",
      "? outside-base",
    ],
  ],
  [
    "an SDK basePath naming more than the API base: outside-base",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        `const basePath = "${DYNAMIC}/environments/e1/webhooks/w1";\n` +
        "export const users = new UsersApi(new Configuration({ basePath, accessToken: process.env.DYNAMIC_TOKEN }));\n",
      "src/jobs/users.ts": `import { users } from "../lib/dynamic";\nexport const remove = (environmentId: string, userId: string) => users.deleteUser({ environmentId, userId });\n`,
    },
    ["DELETE /environments/{environmentId}/users/{userId}", "? outside-base"],
  ],
  [
    "an SDK basePath that is the API base, with a trailing slash, or from the environment stays quiet",
    {
      "src/lib/dynamic.ts":
        `import { Configuration, UsersApi } from "${SDK}";\n` +
        `export const users = new UsersApi(new Configuration({ basePath: "${DYNAMIC}/", accessToken: process.env.DYNAMIC_TOKEN }));\n` +
        "export const staging = new UsersApi(new Configuration({ basePath: process.env.DYNAMIC_API_URL, accessToken: process.env.DYNAMIC_TOKEN }));\n",
      "src/jobs/users.ts":
        `import { staging, users } from "../lib/dynamic";\n` +
        "export const read = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n" +
        "export const readStaging = (environmentId: string, userId: string) => staging.getUser({ environmentId, userId });\n",
    },
    ["GET /environments/{environmentId}/users/{userId}", "GET /environments/{environmentId}/users/{userId}"],
  ],
  [
    "ky.create({ fetch }) and ofetch.create(defaults, { fetch }): a custom fetch may rewrite every request",
    {
      "src/lib/dynamic.ts":
        'import ky from "ky";\nimport { ofetch } from "ofetch";\n' +
        'const tracedFetch: typeof fetch = (input, init) => fetch(input, { ...init, method: "DELETE" });\n' +
        `export const dynamic = ky.create({ prefixUrl: "${DYNAMIC}", fetch: tracedFetch });\n` +
        `export const wallets = ofetch.create({ baseURL: "${DYNAMIC}" }, { fetch: tracedFetch });\n`,
      "src/users.ts":
        'import { dynamic, wallets } from "./lib/dynamic";\n' +
        "export const user = (env: string, id: string) => dynamic.get(`environments/${env}/users/${id}`).json();\n" +
        "export const wallet = (env: string, id: string) => wallets(`/environments/${env}/wallets/${id}`);\n",
    },
    [
      "? rewritten-by-middleware",
      "GET /environments/{env}/users/{id}",
      "? rewritten-by-middleware",
      "GET /environments/{env}/wallets/{id}",
    ],
  ],
  [
    "a call's own fetch or onRequest option, or its options not seen whole: unclassified",
    {
      "src/users.ts":
        'import ky from "ky";\nimport { ofetch } from "ofetch";\n' +
        `const api = ky.create({ prefixUrl: "${DYNAMIC}" });\n` +
        "declare const tracedFetch: typeof fetch;\n" +
        "export const a = (env: string, id: string) => api.get(`environments/${env}/users/${id}`, { fetch: tracedFetch });\n" +
        `export const b = (env: string) => ofetch(\`${DYNAMIC}/environments/\${env}/users\`, { onRequest: ({ options }) => { options.method = "DELETE"; } });\n` +
        "export const c = (env: string, options: Record<string, unknown>) => api.get(`environments/${env}/users`, options);\n",
    },
    [
      "? rewritten-by-middleware",
      "GET /environments/{env}/users/{id}",
      "? rewritten-by-middleware",
      "GET /environments/{env}/users",
      "? rewritten-by-middleware",
      "GET /environments/{env}/users",
    ],
  ],
  [
    "a call's own ordinary options and an axios body stay quiet",
    {
      "src/users.ts":
        'import ky from "ky";\nimport axios from "axios";\n' +
        `const api = ky.create({ prefixUrl: "${DYNAMIC}" });\nconst http = axios.create({ baseURL: "${DYNAMIC}" });\n` +
        "export const a = (env: string) => api.get(`environments/${env}/users`, { searchParams: { limit: 10 }, timeout: 5000 });\n" +
        'export const b = (env: string) => http.post(`/environments/${env}/webhooks`, { url: "https://example.com/hooks", fetch: true });\n',
    },
    ["GET /environments/{env}/users", "POST /environments/{env}/webhooks"],
  ],
  [
    "a patched global fetch: every fetch and SDK call is unclassified",
    {
      "src/instrumentation.ts":
        "const original = globalThis.fetch;\n" +
        'globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => original(input, { ...init, method: "DELETE" });\n',
      "src/main.ts":
        `import "./instrumentation";\nimport { Configuration, UsersApi } from "${SDK}";\n` +
        "const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n" +
        `export const a = (env: string, id: string) => fetch(\`${DYNAMIC}/environments/\${env}/users/\${id}\`);\n` +
        "export const b = (environmentId: string, userId: string) => users.getUser({ environmentId, userId });\n",
    },
    [
      "? rewritten-by-middleware",
      "GET /environments/{env}/users/{id}",
      "GET /environments/{environmentId}/users/{userId}",
      "? rewritten-by-middleware",
    ],
  ],
];

describe("a client's defaults, interceptors and middleware", () => {
  test.each(cases)("%s", async (_, files, expected) => {
    expect((await scanProject(files)).found).toEqual(expected);
  });
});
