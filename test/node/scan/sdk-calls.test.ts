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
