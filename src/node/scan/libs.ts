/**
 * TypeScript's library files a scan's program reads: ES5 with promises, iterables and collections,
 * without the DOM (what receivers' types need, a fraction of the parsing), and the files they reference.
 * A bundle that carries TypeScript (the GitHub Action) copies these next to itself.
 */
export const SCAN_LIB_ROOTS = [
  "lib.es5.d.ts",
  "lib.es2015.promise.d.ts",
  "lib.es2015.iterable.d.ts",
  "lib.es2015.collection.d.ts",
  "lib.es2015.symbol.wellknown.d.ts",
];
export const SCAN_LIBS = [
  ...SCAN_LIB_ROOTS,
  "lib.es2015.symbol.d.ts",
  "lib.decorators.d.ts",
  "lib.decorators.legacy.d.ts",
];
