import { build } from "esbuild";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";

test("the browser core has the token audit and denied findings, without Dynamic's SDK client or Node", async () => {
  const result = await build({
    stdin: {
      contents: `export { auditTokens, readLiveTokenList, deniedCalls, formatReport } from "./src/index.ts";`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  expect(result.errors).toEqual([]);
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toContain("src/checker/audit-tokens.ts");
  expect(inputs).toContain("src/report/text-tokens.ts");
  expect(inputs.filter((f) => /sdk-api|^src\/(node|cli)\//.test(f))).toEqual([]);
});

test("scopewise/node loads Dynamic's SDK only when a live call is made", async () => {
  const { readFileSync } = await import("node:fs");
  const esm = readFileSync(`${root}dist/esm/node/tokens/client.js`, "utf8");
  expect(esm).not.toMatch(/^import .*@dynamic-labs\/sdk-api/m);
  expect(esm).toContain('await import("@dynamic-labs/sdk-api")');
});
