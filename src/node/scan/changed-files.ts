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

/** What changed since a ref: the files under the scanned folders, and every changed file of the repository. */
export interface Changes {
  /** Changed files under the scanned folders (absolute, sorted). */
  readonly files: string[];
  /** Every changed file of the repository (absolute): a config outside the folders changes them too. */
  readonly all: string[];
}

/**
 * The files changed since `ref`, as a review bot sees a pull request: what differs between the merge
 * base of `ref` and HEAD and the working tree (committed or not), plus untracked files, deleted files
 * left out. A bad ref or a folder outside a git repository is an `InputError` with git's message.
 */
export const gitChanges = async (ref: string, within: readonly string[]): Promise<Changes> => {
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
    // Deleted files count too: a deleted module changes what its importers resolve.
    const diff = await git(["diff", "--name-only", "-z", "--no-renames", base, "--"], top);
    const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z"], top);
    const inside = (file: string): boolean =>
      scopes.some((s) => {
        const r = relative(s, file);
        return !isAbsolute(r) && r.split(sep)[0] !== "..";
      });
    const names = new Set([...diff.split("\0"), ...untracked.split("\0")].filter((n) => n !== ""));
    const all = [...names].map((n) => join(top, n)).sort();
    const present = await Promise.all(
      all.map((f) =>
        stat(f).then(
          (s) => s.isFile(),
          () => false,
        ),
      ),
    );
    return { files: all.filter((f, i) => present[i] === true && inside(f)), all };
  } catch (error) {
    throw refuse(`git: ${(error as Error).message}`);
  }
};

/** The files changed since `ref` under `within` (absolute paths, deleted files left out): see {@link gitChanges}. */
export const changedFiles = async (ref: string, within: readonly string[]): Promise<string[]> =>
  (await gitChanges(ref, within)).files;
