// An import resolver for eslint-plugin-boundaries: relative `./x.js` imports name `./x.ts`
// sources (TypeScript's NodeNext convention). Packages are left unresolved: they are not layers.
const { existsSync } = require("node:fs");
const { dirname, resolve } = require("node:path");

exports.interfaceVersion = 2;
exports.resolve = (source, file) => {
  if (!source.startsWith(".")) return { found: false };
  const path = resolve(dirname(file), source);
  for (const candidate of [path.replace(/\.js$/, ".ts"), path])
    if (existsSync(candidate)) return { found: true, path: candidate };
  return { found: false };
};
