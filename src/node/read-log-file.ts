import type { CallInput } from "../matcher/read-call.js";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { MatchResult } from "../matcher/result.js";
import { createLogReader, type LogSummary } from "../sources/log.js";
import type { SourceProblem, SourcedCall } from "../sources/types.js";
import { openInput } from "./open-input.js";

/** Options for {@link readLogFile}. */
export interface LogFileOptions {
  readonly baseUrls: readonly string[];
  /** Identifies calls so the log folds into one call per endpoint (pass a calculator's `requiredScopes`). */
  readonly requiredScopes: (call: CallInput) => MatchResult;
  /** Name shown in locations; defaults to the file (`<stdin>` for `-`). */
  readonly name?: string;
}

/** A log read to the end: distinct calls, bad lines and a summary. */
export interface LogFileResult {
  readonly calls: SourcedCall[];
  readonly problems: SourceProblem[];
  readonly summary: LogSummary;
}

const readLines = async (input: Readable, options: LogFileOptions, name: string): Promise<LogFileResult> => {
  const reader = createLogReader({ file: name, baseUrls: options.baseUrls, requiredScopes: options.requiredScopes });
  // readline over a stream: one line in memory at a time, whatever the file's size.
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) reader.line(line);
  return reader.finish();
};

/** Streams an access log (`-` for stdin) line by line; throws `InputError` only if it cannot be read. */
export const readLogFile = async (file: string, options: LogFileOptions): Promise<LogFileResult> => {
  if (file === "-") return readLines(process.stdin, options, options.name ?? "<stdin>");
  const { handle } = await openInput(file);
  try {
    return await readLines(
      handle.createReadStream({ encoding: "utf8", start: 0, autoClose: false }),
      options,
      options.name ?? file,
    );
  } finally {
    await handle.close();
  }
};
