import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { scanFiles, type ScanOptions, type ScanResult } from "../../src/node/index.js";

/** A project as files: path → text. */
export type Files = Readonly<Record<string, string>>;

/** Writes `files` into a fresh temporary folder and returns it. */
export const writeProject = (files: Files): string => {
  const dir = mkdtempSync(join(tmpdir(), "scopewise-scan-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};

/** Findings in short: `DELETE /path` for calls, `? code` for unclassified (suppressed ones left out). */
export const short = (r: ScanResult): string[] =>
  r.findings.map((f) => (f.kind === "call" ? `${f.call.method} ${f.call.path}` : `? ${f.code}`));

/** Scans a project written from `files` (all of it, or `paths` in it) in project mode. */
export const scanProject = async (files: Files, paths: readonly string[] = ["."], options: ScanOptions = {}) => {
  const dir = writeProject(files);
  const r = await scanFiles(paths, { ...options, cwd: dir });
  return { dir, r, found: short(r) };
};

export const DYNAMIC = "https://app.dynamicauth.com/api/v0";
export const SDK = "@dynamic-labs/sdk-api";
