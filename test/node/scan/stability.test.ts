import { describe, expect, test } from "vitest";
import { DYNAMIC, scanProject, type Files } from "../../helpers/scan-project.js";

// A `let`, a `var`, a property or a field is read as its initializer only when nothing writes it; a write
// the scan can read adds its value, one it cannot makes every value `reassigned` (never the initializer).
const cases: [name: string, files: Files, expected: string[]][] = [
  [
    "a let never written is its initializer (ordinary code stays quiet)",
    {
      "src/tokens.ts": `let base = "${DYNAMIC}";\nexport const revoke = (env: string, id: string) =>\n  fetch(\`\${base}/environments/\${env}/tokens/\${id}\`, { method: "DELETE" });\n`,
    },
    ["DELETE /environments/{env}/tokens/{id}"],
  ],
  [
    "a let every write of which is known: each value",
    {
      "src/sync.ts":
        `let collection = "webhooks";\nexport function useTokens() { collection = "tokens"; }\n` +
        `export const create = (env: string) =>\n  fetch(\`${DYNAMIC}/environments/\${env}/\${collection}\`, { method: "POST" });\n`,
    },
    ["POST /environments/{env}/webhooks", "POST /environments/{env}/tokens"],
  ],
  [
    "`+=` on a URL",
    {
      "src/tokens.ts":
        `export async function revoke(env: string, id: string) {\n  let url = \`${DYNAMIC}/environments/\${env}/tokens\`;\n` +
        '  url += `/${id}`;\n  return fetch(url, { method: "DELETE" });\n}\n',
    },
    ["? reassigned"],
  ],
  [
    "`??=` in a callback",
    {
      "src/client.ts":
        `let method: string | undefined;\nexport const configure = (m?: string) => { method ??= m; };\n` +
        `export const list = (env: string) => fetch(\`${DYNAMIC}/environments/\${env}/tokens\`, { method });\n`,
    },
    ["? reassigned"],
  ],
  [
    "an exported let assigned by a setter another module calls",
    {
      "src/config.ts": `export let COLLECTION = "webhooks";\nexport function setCollection(c: string) { COLLECTION = c; }\n`,
      "src/main.ts": `import { setCollection } from "./config";\nsetCollection(process.argv[2] ?? "tokens");\n`,
      "src/create.ts":
        `import { COLLECTION } from "./config";\n` +
        `export const create = (env: string) => fetch(\`${DYNAMIC}/environments/\${env}/\${COLLECTION}\`, { method: "POST" });\n`,
    },
    // Its known first value and the unknown one, each unclassified.
    ["? reassigned", "? reassigned"],
  ],
  [
    "a property of a routes object changed by Object.defineProperty",
    {
      "src/routes.ts":
        `const routes = { hook: (e: string) => \`${DYNAMIC}/environments/\${e}/webhooks\` };\n` +
        `Object.defineProperty(routes, "hook", { value: (e: string) => \`${DYNAMIC}/environments/\${e}/tokens\` });\n` +
        `export const create = (env: string) => fetch(routes.hook(env), { method: "POST" });\n`,
    },
    // The helper is not trusted, so neither URL reaches a request: both are open.
    ["? not-sent", "? not-sent"],
  ],
  [
    "a URL property changed by Object.defineProperty",
    {
      "src/routes.ts":
        `const routes = { hook: "/webhooks" };\nObject.defineProperty(routes, "hook", { value: "/tokens" });\n` +
        `export const create = (env: string) =>\n  fetch(\`${DYNAMIC}/environments/\${env}\${routes.hook}\`, { method: "POST" });\n`,
    },
    ["? reassigned"],
  ],
  [
    "request options patched by another module",
    {
      "src/init.ts": `export const INIT: RequestInit = { method: "GET" };\n`,
      "src/patch.ts": `import { INIT } from "./init";\nINIT.method = "POST";\n`,
      "src/create.ts": `import { INIT } from "./init";\nexport const create = () => fetch("${DYNAMIC}/environments/e/tokens", INIT);\n`,
    },
    ["? unknown-method"],
  ],
  [
    "Object.assign merging defaults into the options",
    {
      "src/create.ts":
        `const defaults = { headers: { "content-type": "application/json" } };\n` +
        `const init = Object.assign({}, defaults, { method: process.env.METHOD });\n` +
        `export const create = () => fetch("${DYNAMIC}/environments/e/tokens", init);\n`,
    },
    ["? unknown-method"],
  ],
];

describe("reassigned values are not read as their initializer", () => {
  test.each(cases)("%s", async (_, files, expected) => {
    expect((await scanProject(files)).found).toEqual(expected);
  });
});
