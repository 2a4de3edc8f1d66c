import { formatLocation, type SourceLocation } from "../sources/types.js";

/** What a command hands back: the whole output, written once, and the exit code. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr?: string;
  readonly exitCode: 0 | 1 | 2;
}

/** Exit codes: 0 yes, 1 the answer is no, 2 usage or input error. */
export const EXIT = { ok: 0, no: 1, error: 2 } as const;

/** Where a call came from in the user's input: file and line, JSON path, or (scan) column. */
export type CallSource = SourceLocation;

/** Renders a source as `file:line`, `file $[i]` or `file:line:column`, with the SDK operation the call was written as. */
export const where = (s: CallSource | undefined): string =>
  s === undefined ? "" : `${formatLocation(s)}${s.operation ? ` ${s.operation}` : ""}`;
