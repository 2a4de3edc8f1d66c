import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";

// The published types: what a user's editor shows. Checked on the build that npm test just made.
const files = readdirSync(`${root}dist`, { recursive: true, encoding: "utf8" }).filter((f) => /\.d\.c?ts$/.test(f));

test("the build has type declarations for both entries", () => {
  expect(files).toEqual(expect.arrayContaining(["esm/index.d.ts", "cjs/index.d.cts", "esm/node/index.d.ts"]));
});

test.each(files)("dist/%s shows no internals: no _-prefixed member, no zod or parser types", (file) => {
  const dts = readFileSync(`${root}dist/${file}`, "utf8");
  expect(dts.match(/^\s*(?:readonly\s+)?_\w*\??\s*[:(]/gm) ?? []).toEqual([]);
  expect(dts).not.toMatch(/from ['"](zod|@babel\/[\w-]+|jsonc-parser|typescript)['"]/);
  expect(dts).not.toMatch(/\binterface (Compiled|LiteralChild|Route|Node)\b/);
});
