import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import type { ConfigInput } from "../../gate/config-schema.js";
import { ConfigError, type Issue } from "../../util/errors.js";
import { SOURCE_FILE } from "../scan/scan-files.js";
import type { SourceFormat } from "../detect-format.js";

/** Files one run reads at most, over all inputs: past it the config is refused. */
export const MAX_INPUT_FILES = 10_000;

/** One file (or scanned directory) to read, and how. */
export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** `scan` for source files and directories; otherwise how to read it (`auto`: detected). */
  readonly from: SourceFormat | "auto" | "scan";
  /** Which `inputs` entry named it (`$.inputs[2]`, `$.tokens.deploy.inputs[0]`). */
  readonly entry: string;
}

const inside = (root: string, path: string): boolean => {
  const r = relative(root, path);
  return r === "" || (!r.startsWith(`..${sep}`) && r !== ".." && !isAbsolute(r));
};

/**
 * The files `inputs` name, relative to `root` (the config's directory): plain paths, directories (scanned
 * as source) and globs (symbolic links not followed, `node_modules` and `.git` skipped). Anything that
 * leaves `root`, also through a symbolic link, a glob that matches nothing and a path that does not exist
 * are errors naming the entry, so a config can neither read files outside its project nor quietly read less.
 */
export const expandInputs = async (
  entries: readonly { readonly input: ConfigInput; readonly path: string }[],
  root: string,
  options: { readonly file?: string; readonly lineOf?: (path: string) => number | undefined } = {},
): Promise<InputFile[]> => {
  const realRoot = await realpath(root);
  const issues: Issue[] = [];
  const out = new Map<string, InputFile>();
  const fail = (entry: string, code: string, message: string): void => {
    const line = options.lineOf?.(entry);
    issues.push({ code, path: entry, message, ...(line === undefined ? {} : { line }) });
  };
  for (const { input, path: entry } of entries) {
    const pattern = typeof input === "string" ? input : input.path;
    const from = typeof input === "string" ? "auto" : (input.from ?? "auto");
    if (isAbsolute(pattern) || pattern.split(/[\\/]/).includes("..")) {
      fail(entry, "outside-project", `${JSON.stringify(pattern)} leaves the config's directory; give a path inside it`);
      continue;
    }
    // Hidden files (.env, .git, .npmrc) hold secrets and settings, not calls: lines that are not calls are
    // quoted in reports, so they are never read.
    if (pattern.split(/[\\/]/).some((s) => s.startsWith(".") && s !== ".")) {
      fail(entry, "hidden", `${JSON.stringify(pattern)} names a hidden file or folder; those are never read`);
      continue;
    }
    let paths: string[];
    if (isDynamicPattern(pattern)) {
      paths = (
        await glob(pattern, {
          cwd: root,
          absolute: true,
          onlyFiles: true,
          followSymbolicLinks: false,
          expandDirectories: false,
          ignore: ["**/node_modules/**", "**/.git/**"],
        })
      ).sort();
      if (paths.length === 0) {
        fail(entry, "no-match", `${JSON.stringify(pattern)} matches no file; an input that is missing proves nothing`);
        continue;
      }
    } else paths = [resolve(root, pattern)];
    for (const path of paths) {
      let real: string;
      let directory: boolean;
      try {
        real = await realpath(path);
        directory = (await stat(real)).isDirectory();
      } catch {
        fail(entry, "not-found", `${JSON.stringify(pattern)}: no such file or directory`);
        continue;
      }
      if (!inside(realRoot, real)) {
        fail(entry, "outside-project", `${JSON.stringify(pattern)} leads outside the config's directory (a link?)`);
        continue;
      }
      if (directory && from !== "auto" && from !== "scan") {
        fail(entry, "is-directory", `${JSON.stringify(pattern)} is a directory; only source is read from one (scan)`);
        continue;
      }
      const kind = directory || (from === "auto" && SOURCE_FILE.test(path)) ? "scan" : from;
      if (!out.has(real)) out.set(real, { path, from: kind, entry });
    }
    if (out.size > MAX_INPUT_FILES) {
      fail(entry, "too-many-files", `the inputs name more than ${MAX_INPUT_FILES} files`);
      break;
    }
  }
  if (issues.length > 0) throw new ConfigError(issues, options.file ?? "scopewise.config.json");
  return [...out.values()];
};
