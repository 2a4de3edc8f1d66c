import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DYNAMIC, scanProject, type Files } from "../../helpers/scan-project.js";

const revoke = `export function revokeAll(env: string) {\n  return fetch(\`${DYNAMIC}/environments/\${env}/tokens/t\`, { method: "DELETE" });\n}\n`;

// A folder the listing passes over is listed; a file in it that a scanned file imports is scanned all the
// same (outside a git repository, dot folders are passed over by name).
const cases: [name: string, files: Files, found: string[], passedOver: string[]][] = [
  [
    "src/node_modules/ holding the project's own module",
    {
      "src/node_modules/dyn/index.ts": revoke,
      "src/node_modules/dyn/package.json": '{ "name": "dyn", "main": "index.ts", "types": "index.ts" }',
      "src/app.ts": 'import { revokeAll } from "dyn";\nexport const go = () => revokeAll("e");\n',
    },
    ["DELETE /environments/{env}/tokens/t"],
    ["src/node_modules"],
  ],
  [
    "a Remix-style app/.server/ folder",
    {
      "app/.server/dynamic.ts": revoke,
      "app/routes/admin.ts":
        'import { revokeAll } from "../.server/dynamic";\nexport const action = () => revokeAll("e");\n',
    },
    ["DELETE /environments/{env}/tokens/t"],
    ["app/.server"],
  ],
  [
    "node_modules beside a package.json are dependencies: not listed",
    {
      "package.json": '{ "name": "app" }',
      "node_modules/left-pad/index.js": "module.exports = (s) => s;\n",
      "src/app.ts": "export const x = 1;\n",
    },
    [],
    [],
  ],
];

describe("folders passed over", () => {
  test.each(cases)("%s", async (_, files, found, passedOver) => {
    const { dir, r, found: got } = await scanProject(files);
    expect(got).toEqual(found);
    expect(r.passedOver.map((p) => (p.startsWith("/") ? p.slice(dir.length + 1) : p))).toEqual(
      passedOver.map((p) => join(p)),
    );
  });
});
