import type { Calculator } from "../api/calculator.js";
import { parseLogFormat, type LogFormat } from "../sources/logs/formats.js";
import type { Rewrite } from "../sources/rewrites.js";
import type { InputSummary } from "../report/model.js";
import type { SourceProblem, SourcedCall } from "../sources/types.js";
import { shown } from "../util/shown.js";
import type { Io } from "./io.js";

/** Calls read from every input of a run, in order, with their problems and summaries. */
export interface Inputs {
  readonly calls: SourcedCall[];
  readonly problems: SourceProblem[];
  readonly inputs: InputSummary[];
}

/**
 * Says on stderr that a plan or check saw no calls at all: an empty or truncated recording
 * proves nothing, so it exits 1 rather than passing a gate. True when that is the case.
 */
export const noCalls = (io: Io, command: string, files: readonly string[], read: Inputs): boolean => {
  if (read.calls.length > 0 || read.problems.length > 0) return false;
  const names = files.map((f) => (f === "-" ? "<stdin>" : shown(f))).join(", ");
  io.stderr(
    `scopewise ${command}: ${names} ${files.length === 1 ? "holds" : "hold"} no calls, ` +
      "so there is nothing to vouch for (exit 1)\n",
  );
  return true;
};

/** How a run reads its inputs: `--from`, `--base-url`, `--log-format`, and a config's rewrites. */
export interface ReadInputsOptions {
  readonly from: string | undefined;
  /** Added to the catalog's base URLs. */
  readonly baseUrls: readonly string[];
  readonly rewrites?: readonly Rewrite[];
  /** A format name or pattern (`--log-format`), as text or already parsed. */
  readonly logFormat?: string | LogFormat | undefined;
  readonly calc: Calculator<string>;
  readonly io: Io;
  /** Calls streamed inputs leave out before folding (the config's ignores). */
  readonly skip?: (call: SourcedCall) => boolean;
}

const logFormatOf = (value: string | LogFormat | undefined): LogFormat | undefined => {
  if (value === undefined || value instanceof RegExp) return value;
  const r = parseLogFormat(value);
  // The option table checks --log-format before a command runs; this guards library callers.
  if (!r.ok) throw new TypeError(`log format ${JSON.stringify(value)} ${r.message}`);
  return r.format;
};

/** Reads each FILE (`-` is stdin) as `--from` says; locations keep their file. */
export const readInputs = async (files: readonly string[], options: ReadInputsOptions): Promise<Inputs> => {
  // The readers (and the SDK operation table they resolve names with) load only for commands that read calls.
  const { readSource } = await import("../node/read-source.js");
  const { checkFile } = await import("../node/open-file.js");
  const { calc, io } = options;
  // Every named file is opened and checked (regular, not binary) before any is read: a FIFO
  // or a device given last is refused at once, not after the files before it were read.
  for (const file of files) if (file !== "-") await checkFile(file);
  const baseUrls = [...calc.catalog.baseUrls, ...options.baseUrls];
  const logFormat = logFormatOf(options.logFormat);
  const rewrites = options.rewrites ?? [];
  const out: Inputs = { calls: [], problems: [], inputs: [] };
  for (const file of files) {
    const from = (options.from ?? "auto") as "auto";
    const read = await readSource(file, {
      from,
      baseUrls,
      rewrites,
      ...(logFormat === undefined ? {} : { logFormat }),
      requiredScopes: calc.requiredScopes,
      stdin: io.stdin,
      ...(options.skip ? { skip: options.skip } : {}),
    });
    // One by one: spreading a long list into push's arguments overflows the stack.
    for (const call of read.calls) out.calls.push(call);
    for (const problem of read.problems) out.problems.push(problem);
    out.inputs.push(read.summary);
  }
  return out;
};
