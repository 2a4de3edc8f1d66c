import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { InputError } from "../../util/errors.js";
import type { SourceProblem } from "../../sources/types.js";
import { scanSource, type ScanFinding, type ScanOptions } from "./scan-source.js";

/** File names the scanner reads. */
export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
// Dependencies, build output and VCS folders are not the project's own calls.
const SKIP_DIRS = new Set(["node_modules", "dist", "build", "coverage", ".git", ".next", "out"]);

/**
 * Every file a scan of `paths` reads, sorted, and the named files it skips as not JS/TS;
 * a path that does not exist is an `InputError`.
 */
export const listSourceFiles = async (paths: readonly string[]): Promise<{ files: string[]; skipped: string[] }> => {
  const files = new Set<string>();
  const skipped = new Set<string>();
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError("unreadable", [{ code: "ENOENT", path: "$", message: "no such file or directory" }], path);
    }
    if (info.isDirectory()) {
      for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory() && (SKIP_DIRS.has(entry.name) || entry.name.startsWith("."))) continue;
        if (entry.isDirectory() || (entry.isFile() && SOURCE_FILE.test(entry.name)))
          await visit(join(path, entry.name), false);
      }
    } else if (SOURCE_FILE.test(path)) files.add(path);
    // A named file that is not JS/TS (a diff's README, say) is skipped, not parsed into errors.
    else if (explicit) skipped.add(path);
  };
  for (const p of paths) await visit(p, true);
  return { files: [...files].sort(), skipped: [...skipped].sort() };
};

/** What a scan found across files. */
export interface ScanFilesResult {
  readonly files: number;
  /** Files named in `paths` that are not JS/TS, so not scanned. */
  readonly skipped: readonly string[];
  readonly findings: ScanFinding[];
  readonly problems: SourceProblem[];
}

const shown = (file: string): string => {
  const r = relative(process.cwd(), file);
  return (r.startsWith("..") ? file : r).split(sep).join("/");
};

/** Scans files and folders (recursively; dependencies and build output skipped) for Dynamic API calls. */
export const scanFiles = async (paths: readonly string[], options: ScanOptions = {}): Promise<ScanFilesResult> => {
  const { files, skipped } = await listSourceFiles(paths);
  const findings: ScanFinding[] = [];
  const problems: SourceProblem[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    if (bytes.includes(0)) {
      problems.push({
        source: { file: shown(file) },
        code: "binary",
        message: "looks binary (has NUL bytes); not scanned",
      });
      continue;
    }
    const r = scanSource(bytes.toString("utf8"), shown(file), options);
    findings.push(...r.findings);
    problems.push(...r.problems);
  }
  return { files: files.length, skipped: skipped.map(shown), findings, problems };
};
