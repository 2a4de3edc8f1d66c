import { describe, expect, test } from "vitest";
import { SDK, scanProject, type Files } from "../../helpers/scan-project.js";

const TOKENS = "DELETE /environments/{environmentId}/tokens/{tokenId}";
const client = `import { Configuration, TokensApi } from "${SDK}";\nexport const tokens = new TokensApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n`;

// However an SDK client reaches a call, the call is its operation when the operation is known, and
// unclassified (naming the class) when only the receiver is.
const cases: [name: string, files: Files, expected: string[]][] = [
  [
    "a structural port the SDK client is passed as",
    {
      "src/ports.ts":
        "export interface TokenPort {\n  deleteTokenById(req: { environmentId: string; tokenId: string }): Promise<void>;\n}\n" +
        "export async function revoke(port: TokenPort, environmentId: string, tokenId: string) {\n" +
        "  await port.deleteTokenById({ environmentId, tokenId });\n}\n",
      "src/lib/dynamic.ts": client,
      "src/main.ts": `import { tokens } from "./lib/dynamic";\nimport { revoke } from "./ports";\nawait revoke(tokens, "env", "tok");\n`,
    },
    [TOKENS],
  ],
  [
    "a generic retry wrapper taking the operation name: unclassified",
    {
      "src/lib/dynamic.ts": client,
      "src/lib/retry.ts":
        "export async function withRetry<T extends object, K extends keyof T>(target: T, op: K, ...args: unknown[]) {\n" +
        "  const fn = target[op] as unknown as (...a: unknown[]) => Promise<unknown>;\n" +
        "  return fn.apply(target, args);\n}\n",
      "src/jobs/cleanup.ts":
        `import { tokens } from "../lib/dynamic";\nimport { withRetry } from "../lib/retry";\n` +
        `export const cleanup = (environmentId: string, tokenId: string) => withRetry(tokens, "deleteTokenById", { environmentId, tokenId });\n`,
    },
    ["? computed-name"],
  ],
  [
    "a subclass sending its own request through the inherited request()",
    {
      "src/lib/tokens.ts":
        `import { TokensApi } from "${SDK}";\nexport class AdminTokens extends TokensApi {\n` +
        "  async revoke(environmentId: string, tokenId: string) {\n" +
        '    return this.request({ path: `/environments/${environmentId}/tokens/${tokenId}`, method: "DELETE", headers: {} });\n' +
        "  }\n}\n",
    },
    [TOKENS],
  ],
  [
    "a mixin over an SDK class",
    {
      "src/lib/tokens.ts":
        `import { TokensApi } from "${SDK}";\ntype Ctor<T = object> = new (...a: any[]) => T;\n` +
        "function Logged<B extends Ctor>(Base: B) { return class extends Base { log(m: string) { console.log(m); } }; }\n" +
        "const Tokens = Logged(TokensApi);\n" +
        "export const revoke = (environmentId: string, tokenId: string) => new Tokens().deleteTokenById({ environmentId, tokenId });\n",
    },
    [TOKENS],
  ],
  [
    "a method reference called later, and Reflect.apply on the prototype",
    {
      "src/lib/dynamic.ts": client,
      "src/jobs/revoke.ts":
        `import { TokensApi } from "${SDK}";\nimport { tokens } from "../lib/dynamic";\n` +
        "const del = tokens.deleteTokenById;\nexport const revoke = (environmentId: string, tokenId: string) => del.call(tokens, { environmentId, tokenId });\n" +
        "export const revoke2 = (environmentId: string, tokenId: string) =>\n  Reflect.apply(TokensApi.prototype.deleteTokenById, tokens, [{ environmentId, tokenId }]);\n",
    },
    [TOKENS, TOKENS],
  ],
  [
    "a client cast through unknown to a local type",
    {
      "src/jobs/revoke.ts":
        `import { TokensApi } from "${SDK}";\nconst raw: unknown = new TokensApi();\n` +
        "type Revoker = { deleteTokenById(req: object): Promise<void> };\n" +
        "export const revoke = (environmentId: string, tokenId: string) => (raw as Revoker).deleteTokenById({ environmentId, tokenId });\n",
    },
    [TOKENS],
  ],
  [
    "JavaScript: a client exported by module.exports and required elsewhere",
    {
      "lib/tokens.js": `const { TokensApi } = require("${SDK}");\nmodule.exports = new TokensApi();\n`,
      "jobs/revoke.js":
        'const tokens = require("../lib/tokens");\n' +
        "exports.revoke = (environmentId, tokenId) => tokens.deleteTokenById({ environmentId, tokenId });\n",
    },
    [TOKENS],
  ],
  [
    "JavaScript with a JSDoc parameter type",
    {
      "jobs/revoke.js":
        `/** @param {import("${SDK}").TokensApi} tokens */\n` +
        "exports.revoke = (tokens, environmentId, tokenId) => tokens.deleteTokenById({ environmentId, tokenId });\n",
    },
    [TOKENS],
  ],
  [
    "an unrelated class with a method of the same name stays quiet",
    {
      "src/repo.ts":
        `import { TokensApi } from "${SDK}";\nexport const api = new TokensApi();\n` +
        'class TokenRepo { deleteTokenById(id: string) { return id; } }\nexport const gone = new TokenRepo().deleteTokenById("t");\n',
    },
    [],
  ],
];

describe("SDK calls through types, wrappers, subclasses and references", () => {
  test.each(cases)("%s", async (_, files, expected) => {
    expect((await scanProject(files)).found).toEqual(expected);
  });
});

const USERS_GET = "GET /environments/{environmentId}/users/{userId}";
const USERS_DELETE = "DELETE /environments/{environmentId}/users/{userId}";
const users = `import { Configuration, UsersApi } from "${SDK}";\nexport const users = new UsersApi(new Configuration({ accessToken: process.env.DYNAMIC_TOKEN }));\n`;
const job = (body: string): Files => ({
  "src/lib/dynamic.ts": users,
  "src/jobs/users.ts": `import { users } from "../lib/dynamic";\n${body}`,
});

// An operation's second argument (initOverrides) is merged over the request the SDK builds: its `method`
// is the method sent. Seen whole without one, the operation's own; not seen whole, unclassified.
const overrides: [name: string, files: Files, expected: string[]][] = [
  [
    "no initOverrides, or one setting only a signal or headers (ordinary code stays quiet)",
    job(
      "export const read = (environmentId: string, userId: string, signal: AbortSignal) =>\n" +
        "  Promise.all([\n    users.getUser({ environmentId, userId }),\n    users.getUser({ environmentId, userId }, { signal }),\n" +
        '    users.getUserRaw({ environmentId, userId }, { headers: { "x-request-id": "r1" }, cache: "no-store" }),\n  ]);\n',
    ),
    [USERS_GET, USERS_GET, USERS_GET],
  ],
  [
    "a literal method in initOverrides is the method sent",
    job(
      'export const offboard = (environmentId: string, userId: string) => users.getUser({ environmentId, userId }, { method: "DELETE" });\n',
    ),
    [USERS_DELETE],
  ],
  [
    "a shared RequestInit constant handed to the call: unclassified (the call could change it)",
    {
      "src/lib/dynamic.ts": users + 'export const jobInit: RequestInit = { keepalive: false, method: "DELETE" };\n',
      "src/jobs/offboard.ts":
        'import { jobInit, users } from "../lib/dynamic";\n' +
        "export const offboard = (environmentId: string, userId: string) => users.getUserRaw({ environmentId, userId }, jobInit);\n",
    },
    [USERS_GET, "? unknown-method"],
  ],
  [
    "initOverrides from a parameter: unclassified",
    job(
      "export const read = (environmentId: string, userId: string, init?: RequestInit) => users.getUser({ environmentId, userId }, init);\n",
    ),
    [USERS_GET, "? unknown-method"],
  ],
  [
    "initOverrides as a function: unclassified",
    job(
      "export const read = (environmentId: string, userId: string) =>\n" +
        '  users.getUser({ environmentId, userId }, async ({ init }) => ({ ...init, method: "DELETE" }));\n',
    ),
    [USERS_GET, "? unknown-method"],
  ],
  [
    "initOverrides spreading options not seen whole, or with a prototype: unclassified",
    job(
      "export const read = (environmentId: string, userId: string, base: RequestInit) =>\n" +
        "  users.getUser({ environmentId, userId }, { ...base, keepalive: true });\n" +
        "export const read2 = (environmentId: string, userId: string, base: RequestInit) =>\n" +
        "  users.getUser({ environmentId, userId }, { __proto__: base, keepalive: true } as RequestInit);\n",
    ),
    [USERS_GET, "? unknown-method", USERS_GET, "? unknown-method"],
  ],
  [
    "an alias, .call and a bound method: initOverrides read where each is called",
    job(
      "const get = users.getUser;\nconst { getUserRaw } = users;\nconst bound = users.getUser.bind(users);\n" +
        "export const a = (environmentId: string, userId: string) => get.call(users, { environmentId, userId });\n" +
        'export const b = (environmentId: string, userId: string) => getUserRaw.call(users, { environmentId, userId }, { method: "DELETE" });\n' +
        'export const c = (environmentId: string, userId: string) => bound({ environmentId, userId }, { method: "DELETE" });\n',
    ),
    [USERS_GET, USERS_DELETE, USERS_DELETE],
  ],
  [
    "spread arguments or an operation handed to other code: unclassified",
    job(
      "export const a = (args: Parameters<typeof users.getUser>) => users.getUser(...args);\n" +
        "export const b = (run: (f: typeof users.getUser) => unknown) => run(users.getUser);\n",
    ),
    [USERS_GET, "? unknown-method", USERS_GET, "? passed-on"],
  ],
];

describe("an SDK operation's initOverrides", () => {
  test.each(overrides)("%s", async (_, files, expected) => {
    expect((await scanProject(files)).found).toEqual(expected);
  });
});
