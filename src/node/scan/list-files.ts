import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { InputError } from "../../util/errors.js";
import { COMPONENT_FILE } from "./components.js";
import { gitIgnored } from "./git-ignored.js";
import { MAX_SCAN_FILES } from "./limits.js";

/** File names a scan reads: JS and TS sources, not declaration files. */
export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;
export const isSourceFile = (name: string): boolean =>
  (SOURCE_FILE.test(name) && !DECLARATION_FILE.test(name)) || COMPONENT_FILE.test(name);

// Git's own folder is never the project's calls; nor is `node_modules` beside a package.json (its
// dependencies). Another `node_modules` (`src/node_modules/`, an old trick for absolute imports) may
// hold the project's own code: passed over, but listed, and its files the scanned ones import are read.
const NEVER = new Set([".git"]);
const dependencies = async (dir: string, name: string): Promise<boolean> =>
  name === "node_modules" &&
  (await stat(join(dir, "package.json")).then(
    (s) => s.isFile(),
    () => false,
  ));
// Build output and tool folders usually are not either, but a name proves nothing: a PR may put source
// in `src/build/`. They are passed over only when git ignores them; else they are scanned.
const BUILD_DIRS = new Set(["dist", "build", "coverage", ".next", "out"]);
const maybeBuild = (name: string): boolean => BUILD_DIRS.has(name) || name.startsWith(".");

const refuse = (path: string, code: string, message: string): InputError =>
  new InputError(code, [{ code, path: "$", message }], path);

/** What a scan of some paths reads, and what it passed over. */
export interface SourceFiles {
  /** Absolute paths, sorted, each file once (by its real path). */
  readonly files: string[];
  /**
   * Named files that are not JS/TS, and links inside folders to something that is not a regular file or
   * folder (a device, a FIFO, a dangling link): not read.
   */
  readonly skipped: string[];
  /**
   * Folders not scanned: build output and dot folders ignored by git (or, outside a git repository, by
   * name), and `node_modules` folders without a package.json beside them. Their files that scanned files
   * import are scanned all the same.
   */
  readonly passedOver: string[];
}

/**
 * Lists the JS/TS files of `paths` (folders recursively, skipping dependencies, build output and dot
 * folders). A named path that does not exist, or is neither a regular file nor a folder (a FIFO,
 * `/dev/zero`), is an `InputError`. Symbolic links inside folders are followed to regular files and
 * folders, each real folder entered once (so a link loop ends), and anything else they point to is
 * counted as skipped.
 */
export const listSourceFiles = async (paths: readonly string[]): Promise<SourceFiles> => {
  // Real path → the path shown: a file reached both directly and through a link is listed once, directly.
  const files = new Map<string, { path: string; link: boolean }>();
  const skipped = new Set<string>();
  const entered = new Set<string>();
  const candidates: string[] = [];
  const passedOver: string[] = [];
  const add = async (file: string, link = false): Promise<void> => {
    const real = await realpath(file).catch(() => file);
    if (!files.has(real) || (files.get(real)?.link === true && !link)) files.set(real, { path: file, link });
    if (files.size > MAX_SCAN_FILES)
      throw refuse(file, "too-many-files", `more than ${MAX_SCAN_FILES} source files; scan a smaller folder`);
  };
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (entered.has(real)) return;
    entered.add(real);
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (NEVER.has(entry.name) || (await dependencies(dir, entry.name))) continue;
        if (entry.name === "node_modules") passedOver.push(path);
        else if (maybeBuild(entry.name)) candidates.push(path);
        else await walk(path);
      } else if (entry.isFile()) {
        if (isSourceFile(entry.name)) await add(path);
      } else if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (target?.isDirectory()) {
          if (NEVER.has(entry.name) || (await dependencies(dir, entry.name))) continue;
          if (entry.name === "node_modules") passedOver.push(path);
          else if (maybeBuild(entry.name)) candidates.push(path);
          else await walk(path);
        } else if (target?.isFile()) {
          if (isSourceFile(entry.name)) await add(path, true);
        } else if (isSourceFile(entry.name)) skipped.add(path);
      } else if (isSourceFile(entry.name)) skipped.add(path);
    }
  };
  for (const p of paths) {
    const path = resolve(p);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw refuse(p, "unreadable", error.code === "ENOENT" ? "no such file or directory" : error.message);
    });
    if (info.isDirectory()) await walk(path);
    else if (!info.isFile()) throw refuse(p, "not-regular", "not a regular file or folder (a device, FIFO or socket)");
    // A named file that is not JS/TS (a diff's README, say) is skipped, not parsed into errors.
    else if (isSourceFile(path)) await add(path);
    else skipped.add(path);
  }
  // Build-looking folders: scanned unless git ignores them; found inside them, more of the same.
  while (candidates.length > 0) {
    const batch = candidates.splice(0);
    const ignored = gitIgnored(batch);
    for (const dir of batch) {
      if (ignored === undefined || ignored.has(dir)) passedOver.push(dir);
      else await walk(dir);
    }
  }
  return {
    files: [...files.values()].map((f) => f.path).sort(),
    skipped: [...skipped].sort(),
    passedOver: passedOver.sort(),
  };
};
