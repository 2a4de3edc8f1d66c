/** What a command hands back: the whole output, written once, and the exit code. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr?: string;
  readonly exitCode: 0 | 1 | 2;
}

/** Exit codes: 0 yes, 1 the answer is no, 2 usage or input error. */
export const EXIT = { ok: 0, no: 1, error: 2 } as const;

/** Where a call came from in the user's input. */
export interface CallSource {
  readonly file: string;
  /** 1-based line for text files. */
  readonly line?: number;
  /** JSON path for JSON arrays. */
  readonly path?: string;
}

/** Renders a source as `file:line` or `file $[i]`. */
export const where = (s: CallSource | undefined): string =>
  s === undefined ? "" : s.line !== undefined ? `${s.file}:${s.line}` : `${s.file} ${s.path ?? ""}`.trim();
