import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError } from "../../util/errors.js";

const git = (args: readonly string[], cwd: string): Promise<string> =>
  new Promise((done, fail) => {
    execFile(
      "git",
      args,
      {
        cwd,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
        env: { ...process.env, GIT_PAGER: "cat" },
      },
      (error, stdout, stderr) => {
        if (error) fail(new Error(stderr.trim().split("\n")[0] || error.message));
        else done(stdout);
      },
    );
  });

const refuse = (message: string): InputError =>
  new InputError("changed-since", [{ code: "changed-since", path: "$", message }]);

/**
 * The files changed since `ref`, as a review bot sees a pull request: what differs between the merge
 * base of `ref` and HEAD and the working tree (committed or not), plus untracked files, deleted files
 * left out. Absolute paths, limited to those under `within`. A bad ref or a folder outside a git
 * repository is an `InputError` with git's message.
 */
export const changedFiles = async (ref: string, within: readonly string[]): Promise<string[]> => {
  if (ref === "" || ref.startsWith("-") || /[\u0000-\u0020\u007f]/.test(ref) || ref.length > 256)
    throw refuse(`${JSON.stringify(ref.slice(0, 80))} is not a git revision`);
  const scopes = await Promise.all(
    (within.length > 0 ? within : ["."]).map((p) => realpath(resolve(p)).catch(() => resolve(p))),
  );
  const first = scopes[0] as string;
  // git runs in the (first) scanned folder's repository, wherever the process stands.
  const cwd = (await stat(first).catch(() => undefined))?.isDirectory() ? first : dirname(first);
  try {
    const top = (await git(["rev-parse", "--show-toplevel"], cwd)).trim();
    const base = (await git(["merge-base", "--end-of-options", ref, "HEAD"], cwd)).trim();
    const diff = await git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--"], top);
    const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z"], top);
    const inside = (file: string): boolean =>
      scopes.some((s) => {
        const r = relative(s, file);
        return !isAbsolute(r) && r.split(sep)[0] !== "..";
      });
    const names = new Set([...diff.split("\0"), ...untracked.split("\0")].filter((n) => n !== ""));
    return [...names]
      .map((n) => join(top, n))
      .filter(inside)
      .sort();
  } catch (error) {
    throw refuse(`git: ${(error as Error).message}`);
  }
};
