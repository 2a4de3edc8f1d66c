import { build } from "esbuild";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";

const bundle = (contents: string) =>
  build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });

test("the whole library bundles for a browser: no Node built-ins outside the CLI", async () => {
  const result = await bundle(`export * from "./src/index.ts";`);
  expect(result.errors).toEqual([]);
  expect(Object.keys(result.metafile.inputs).filter((f) => f.startsWith("src/cli/"))).toEqual([]);
});

test("a browser bundle of requiredScopes carries the catalog but neither zod nor path-to-regexp", async () => {
  const result = await bundle(
    `import { requiredScopes } from "./src/index.ts"; console.log(requiredScopes("GET /environments/e1/users"));`,
  );
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([f]) => f);
  expect(inputs).toContain("data/dynamic.catalog.json");
  expect(inputs.filter((f) => /node_modules\/(zod|path-to-regexp|jsonc-parser)\//.test(f))).toEqual([]);
});

test("a browser bundle of requiredScopes with the catalog (ratings and undocumented list included) stays within 12 KB min+gzip", async () => {
  const { gzipSync } = await import("node:zlib");
  const result = await bundle(
    `import { requiredScopes } from "./src/index.ts"; console.log(requiredScopes("GET /environments/e1/users"));`,
  );
  const code = result.outputFiles![0]!.contents;
  const size = gzipSync(code).length;
  // 12 KB read as 12,000 bytes, the stricter reading (about 10.9 KB today).
  expect(size).toBeLessThanOrEqual(12_000);
  // Nothing of the Node-only catalog tools (page parser, SDK reader) or the diff reaches it.
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0]!.inputs);
  expect(inputs.filter((f) => /^src\/(node|upkeep)\/|htmlparser2|@babel/.test(f))).toEqual([]);
});
