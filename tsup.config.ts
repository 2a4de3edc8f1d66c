import { defineConfig } from "tsup";
import pkg from "./package.json" with { type: "json" };

export default defineConfig([
  {
    // `node` (scopewise/node) holds the Node-only adapters; node: built-ins stay imports.
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    format: ["esm", "cjs"],
    external: [/^node:/],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    // The embedded catalog is bundled, so the core has no file access at run time.
    loader: { ".json": "json" },
  },
  {
    // One self-contained file: start-up reads nothing but this bundle.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: [/.*/],
    define: { __VERSION__: JSON.stringify(pkg.version) },
    sourcemap: true,
  },
]);
