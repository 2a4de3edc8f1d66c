import { spawnSync } from "node:child_process";
import { dirname } from "node:path";

/**
 * Which of `paths` git ignores (`.gitignore`, excludes), asked once for all of them. Undefined when
 * git cannot say (no git, not a repository): the caller then decides without it.
 */
export const gitIgnored = (paths: readonly string[]): ReadonlySet<string> | undefined => {
  if (paths.length === 0) return new Set();
  const r = spawnSync("git", ["check-ignore", "--stdin", "-z"], {
    cwd: dirname(paths[0] as string),
    input: paths.join("\0"),
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  // 0: some are ignored; 1: none is; anything else (128: not a repository) or no git: unknown.
  if (r.error || (r.status !== 0 && r.status !== 1)) return undefined;
  return new Set(r.stdout.split("\0").filter((p) => p !== ""));
};
