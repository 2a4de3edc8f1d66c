import { realpathSync } from "node:fs";
import { dirname } from "node:path";
import ts from "typescript";
import { COMPONENT_FILE, componentScript } from "./components.js";
import { scanOptions } from "./program.js";
import { nearestConfig, readProjectConfig } from "./project-config.js";
import { readFileText } from "./read-file.js";

/**
 * Files whose change may change how every file reads: compiler configs (`paths`, `baseUrl`), package
 * manifests (dependencies, `imports`, `exports`) and scopewise's own config.
 */
export const PROJECT_FILE = /(?:^|[\\/])(?:[tj]sconfig(?:\.[^\\/]*)?\.json|package\.json|scopewise\.config\.json)$/i;

const real = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
};

/** The module names a file imports, re-exports, requires or loads with `import()`. */
const importsOf = (file: string): string[] => {
  const read = readFileText(file);
  if (!("text" in read)) return [];
  const text = COMPONENT_FILE.test(file) ? componentScript(read.text, file).text : read.text;
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
};

/**
 * `changed` and every file of `all` that imports one of them, directly or through other files: a change
 * to `src/lib/client.ts` changes what each file importing it sends. Imports are resolved as the scan's
 * program resolves them (each file's nearest `tsconfig.json`/`jsconfig.json`, its `paths` and `baseUrl`,
 * then bundler resolution).
 */
export const withImporters = (all: readonly string[], changed: readonly string[]): string[] => {
  const configs = new Map<string, string | null>();
  const perConfig = new Map<string, { options: ts.CompilerOptions; lenient: ts.CompilerOptions }>();
  const optionsFor = (file: string) => {
    const config = nearestConfig(dirname(file), configs) ?? "";
    let o = perConfig.get(config);
    if (o === undefined) {
      const options = scanOptions(readProjectConfig(config === "" ? undefined : config).options, "project");
      o = {
        options,
        lenient: { ...options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
      };
      perConfig.set(config, o);
    }
    return o;
  };
  // Resolved file (real path) → the files importing it.
  const importers = new Map<string, string[]>();
  for (const file of all) {
    const { options, lenient } = optionsFor(file);
    const from = COMPONENT_FILE.test(file) ? `${file}.ts` : file;
    for (const name of importsOf(file)) {
      const target =
        ts.resolveModuleName(name, from, options, ts.sys).resolvedModule ??
        ts.resolveModuleName(name, from, lenient, ts.sys).resolvedModule;
      if (target === undefined) continue;
      const key = real(target.resolvedFileName);
      importers.set(key, [...(importers.get(key) ?? []), file]);
    }
  }
  const out = new Set<string>();
  const queue = changed.map(real);
  const seen = new Set(queue);
  const byReal = new Map(all.map((f) => [real(f), f]));
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i] as string;
    const listed = byReal.get(file);
    if (listed !== undefined) out.add(listed);
    for (const importer of importers.get(file) ?? []) {
      const key = real(importer);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(key);
    }
  }
  return [...out].sort();
};
