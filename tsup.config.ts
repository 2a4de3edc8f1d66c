import { copyFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";
import { SCAN_LIBS } from "./src/node/scan/libs.js";

// ESM keeps one output file per source module, so a bundler that imports only
// `requiredScopes` never reaches (and drops) zod, path-to-regexp and jsonc-parser.
// Relative imports stay imports; JSON (the embedded catalog) is inlined.
const keepModules: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "keep-modules",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) =>
      args.kind === "entry-point" ? undefined : { path: args.path, external: true },
    );
  },
};

export default defineConfig([
  {
    entry: ["src/**/*.ts", "!src/cli/**", "!src/action/**"],
    outDir: "dist/esm",
    format: ["esm"],
    bundle: true,
    splitting: false,
    esbuildPlugins: [keepModules],
    dts: { entry: { index: "src/index.ts", "node/index": "src/node/index.ts" } },
    clean: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // Node's require() gets one file per entry; `node` (scopewise/node) keeps node: built-ins as requires.
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    outDir: "dist/cjs",
    format: ["cjs"],
    external: [/^node:/],
    dts: { entry: { index: "src/index.ts", node: "src/node/index.ts" } },
    clean: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // One self-contained file: start-up reads nothing but this bundle.
    entry: { cli: "src/cli/main.ts" },
    outDir: "dist",
    // Only the CLI's own files at the top of dist/ (its lazily loaded chunks pile up otherwise).
    clean: ["*.js", "*.js.map"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    // Everything but Dynamic's SDK (a runtime dependency, 1.4 MB as a chunk), loaded from node_modules only
    // for live token calls, and TypeScript (a dependency, 9 MB), loaded only by scan's chunk.
    noExternal: [/^(?!@dynamic-labs\/sdk-api(\/|$)|typescript$)/],
  },
  {
    // The GitHub Action (action.yml): one file with the toolkit bundled; the package never depends on it.
    entry: { index: "src/action/main.ts" },
    outDir: "dist/action",
    clean: true,
    format: ["esm"],
    splitting: false,
    target: "node20",
    platform: "node",
    noExternal: [/.*/],
    // Bundled CommonJS dependencies call require() for Node built-ins; TypeScript (scan) also reads
    // __filename to find its lib files, which are copied next to the bundle.
    banner: {
      js:
        'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' +
        'import { fileURLToPath as __fileURLToPath } from "node:url"; const __filename = __fileURLToPath(import.meta.url);' +
        'const __dirname = __fileURLToPath(new URL(".", import.meta.url));',
    },
    onSuccess: async () => {
      for (const lib of SCAN_LIBS) copyFileSync(`node_modules/typescript/lib/${lib}`, `dist/action/${lib}`);
    },
  },
]);
