// Builds the token wizard into dist/wizard/: index.html, wizard.js (one classic script, so the page also
// opens from file://) and wizard.css. `node wizard/build.mjs` prints each file's size, min+gzip.
import { copyFile, mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const outDir = `${root}dist/wizard`;

/**
 * Bundles the page into `dir` (dist/wizard by default); `write: false` returns the files instead of writing
 * them. Test files build into a directory of their own, since builds in parallel would empty each other's.
 */
export const buildWizard = async ({ write = true, dir = outDir } = {}) => {
  if (write) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  const result = await build({
    entryPoints: [
      { in: `${root}wizard/main.tsx`, out: "wizard" },
      { in: `${root}wizard/style.css`, out: "wizard" },
    ],
    outdir: dir,
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["chrome109", "firefox115", "safari16"],
    jsx: "automatic",
    jsxImportSource: "preact",
    tsconfig: `${root}wizard/tsconfig.json`,
    legalComments: "eof",
    metafile: true,
    write,
    logLevel: "silent",
  });
  if (write) await copyFile(`${root}wizard/index.html`, `${dir}/index.html`);
  const files = result.outputFiles ?? [];
  return {
    metafile: result.metafile,
    files: Object.fromEntries(files.map((f) => [f.path.slice(dir.length + 1), f.contents])),
  };
};

/** min+gzip bytes of a built file. */
export const gzipSize = (contents) => gzipSync(contents, { level: 9 }).length;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { metafile } = await buildWizard();
  for (const [file, out] of Object.entries(metafile.outputs)) {
    const { readFile } = await import("node:fs/promises");
    const size = gzipSize(await readFile(`${root}${file}`));
    console.log(`${file}  ${(out.bytes / 1024).toFixed(1)} KB min, ${(size / 1024).toFixed(1)} KB min+gzip`);
  }
  console.log(`dist/wizard/index.html: open it from any static host (npm run wizard:serve)`);
}
