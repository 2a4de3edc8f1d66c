import { dirname, join } from "node:path";
import ts from "typescript";
import { isRegularFile, readFileText } from "./read-file.js";

/** The compiler options of the project a file belongs to, and what went wrong reading them. */
export interface ProjectConfig {
  /** `tsconfig.json`/`jsconfig.json` the options come from; undefined when none was found. */
  readonly configFile: string | undefined;
  readonly options: ts.CompilerOptions;
  /** Problems reading the config (a missing `extends`, bad JSON): the scan goes on with what was read. */
  readonly errors: readonly string[];
}

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];
// "No inputs were found": the scan names its own files, so an include that matches none is no problem.
const NO_INPUTS = 18003;

/** Finds the nearest `tsconfig.json` or `jsconfig.json` at or above `dir`, with a cache per folder. */
export const nearestConfig = (dir: string, cache: Map<string, string | null>): string | undefined => {
  const seen: string[] = [];
  let found: string | null = null;
  for (let d = dir; ; d = dirname(d)) {
    const cached = cache.get(d);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(d);
    const hit = CONFIG_NAMES.map((n) => join(d, n)).find(isRegularFile);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    if (dirname(d) === d) break;
  }
  for (const d of seen) cache.set(d, found);
  return found ?? undefined;
};

const message = (d: ts.Diagnostic): string => ts.flattenDiagnosticMessageText(d.messageText, " ");

/** Reads a config's compiler options (following `extends`); never throws. */
export const readProjectConfig = (configFile: string | undefined): ProjectConfig => {
  if (configFile === undefined) return { configFile, options: {}, errors: [] };
  const readFile = (f: string): string | undefined => {
    const r = readFileText(f);
    return "text" in r ? r.text : undefined;
  };
  const read = ts.readConfigFile(configFile, readFile);
  if (read.error) return { configFile, options: {}, errors: [message(read.error)] };
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    // The scan lists its own files; the config's include/exclude are not walked.
    readDirectory: () => [],
    fileExists: isRegularFile,
    readFile,
  };
  try {
    const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(configFile), undefined, configFile);
    return {
      configFile,
      options: parsed.options,
      errors: parsed.errors.filter((e) => e.code !== NO_INPUTS).map(message),
    };
  } catch (error) {
    return { configFile, options: {}, errors: [(error as Error).message] };
  }
};
