import { build } from "esbuild";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";

const inputs = async (contents: string): Promise<string[]> => {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([f]) => f);
};

test("call sources, reports and the SDK mapping stay out of a requiredScopes bundle", async () => {
  const used = await inputs(
    `import { requiredScopes } from "./src/index.ts"; console.log(requiredScopes("GET /environments/e1/users"));`,
  );
  expect(used.filter((f) => /^src\/(sources|report|node)\/|dynamic-sdk-operations\.json/.test(f))).toEqual([]);
});

test("the browser-safe adapters bundle for a browser without the Node-only scanner or its parser", async () => {
  const used = await inputs(
    `export { readHar, recordCalls, resolveOperationNames, sarifReport, markdownReport, githubReport } from "./src/index.ts";`,
  );
  expect(used).toContain("data/dynamic-sdk-operations.json");
  expect(used.filter((f) => /^src\/node\/|@babel\/parser/.test(f))).toEqual([]);
});
