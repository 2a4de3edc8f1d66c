import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = `${root}dist/cli.js`;

/** Runs the built `scopewise` bin (the package's real entry point). */
export const cli = (
  args: string[],
  options: { input?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
) => {
  if (!existsSync(bin))
    throw new Error("dist/cli.js is missing: run `npm run build` (npm test does) before the CLI tests");
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: root,
    input: options.input ?? "",
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
