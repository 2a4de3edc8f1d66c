import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/run.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const binPath = `${root}dist/cli.js`;

/** What a CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process through `run(argv, io)`, with `input` on stdin and no terminal. */
export const cli = async (
  args: string[],
  options: { input?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<CliRun> => {
  let stdout = "";
  let stderr = "";
  const tty = options.tty === true;
  const code = await run(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: (async function* () {
      if (options.input !== undefined) yield Buffer.from(options.input);
    })(),
    env: { ...options.env },
    isTTY: { stdin: tty, stdout: tty, stderr: tty },
    cwd: root,
  });
  return { code, stdout, stderr };
};

/** Runs the built `scopewise` bin (the package's real entry point) in its own process. */
export const bin = (
  args: string[],
  options: { input?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
) => {
  if (!existsSync(binPath))
    throw new Error("dist/cli.js is missing: run `npm run build` (npm test does) before the CLI tests");
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), binPath, ...args], {
    cwd: root,
    input: options.input ?? "",
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
