import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { run } from "../../src/cli/run.js";
import type { CliRun } from "./cli.js";
import { root } from "./cli.js";

/** The day the example's ignores are judged on, unless a test says otherwise. */
export const TODAY = "2026-11-29";

/** Runs the CLI in-process in `cwd`, on `today`'s date, with no terminal. */
export const cliIn = async (cwd: string, args: string[], today = TODAY): Promise<CliRun> => {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: (async function* () {})(),
    env: {},
    isTTY: { stdin: false, stdout: false, stderr: false },
    cwd,
    now: () => new Date(`${today}T12:00:00Z`),
  });
  return { code, stdout, stderr };
};

/** A fresh copy of examples/gate (or an empty project), with files written or replaced. */
export const project = (files: Record<string, string> = {}, from: string | null = "examples/gate"): string => {
  const dir = join(mkdtempSync(join(tmpdir(), "scopewise-gate-")), "project");
  if (from) cpSync(join(root, from), dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

/** Edits a project's config text in place. */
export const editConfig = (dir: string, edit: (text: string) => string): void => {
  const file = join(dir, "scopewise.config.json");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
};
