import { build } from "esbuild";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";

// Every command's option table loads at start-up (for parsing and --help); a command's work loads only
// when it runs. What start-up reaches through static imports is what `scopewise need` pays for first.
test("the CLI's start-up loads option tables, not the readers, the config schema or the SDK table", async () => {
  const result = await build({
    entryPoints: ["src/cli/main.ts"],
    absWorkingDir: root,
    bundle: true,
    write: false,
    splitting: true,
    outdir: "out",
    format: "esm",
    platform: "node",
    metafile: true,
    external: ["@dynamic-labs/sdk-api", "typescript"],
    logLevel: "silent",
  });
  const { inputs } = result.metafile;
  const reached = new Set(["src/cli/main.ts"]);
  for (const file of reached)
    for (const i of inputs[file]?.imports ?? []) if (i.kind === "import-statement" && !i.external) reached.add(i.path);
  const heavy = [...reached].filter((f) =>
    /node_modules\/(zod|jsonc-parser)\/|dynamic-sdk-operations\.json|src\/(node\/read-source|report\/format|api\/calculator|gate\/config-schema)\.ts/.test(
      f,
    ),
  );
  expect(heavy).toEqual([]);
  const bytes = [...reached].reduce((sum, f) => sum + (inputs[f]?.bytes ?? 0), 0);
  expect(bytes).toBeLessThan(200_000); // about 120 KB of sources today; 1.6 MB before
});
