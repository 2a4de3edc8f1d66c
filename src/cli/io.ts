import type { Report } from "../report/model.js";

/** Everything the CLI touches of its process: streams, environment, working directory. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
  readonly cwd: string;
  /** The clock (ignore entries expire by it); the real one by default. */
  readonly now?: () => Date;
  /** Receives each report before it is rendered (the GitHub Action renders it in every format from one run). */
  readonly report?: (report: Report) => void;
}

/** The real process's streams. */
export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  isTTY: {
    stdin: process.stdin.isTTY === true,
    stdout: process.stdout.isTTY === true,
    stderr: process.stderr.isTTY === true,
  },
  cwd: process.cwd(),
});
