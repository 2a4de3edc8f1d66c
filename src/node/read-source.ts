import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import type { CallLike } from "../matcher/sourced-call.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { InputError } from "../util/errors.js";
import type { MatchResult } from "../matcher/result.js";
import { createCallsReader, parseCallsFile, type CallsSummary } from "../sources/calls-file.js";
import { readHar, type HarSummary } from "../sources/har.js";
import { createLogReader, type LogSummary } from "../sources/log.js";
import type { LogFormat } from "../sources/logs/formats.js";
import type { Rewrite } from "../sources/rewrites.js";
import { foldCalls } from "../sources/tally.js";
import type { SourceRead, SourcedCall } from "../sources/types.js";
import { stripBom } from "../util/bom.js";
import { detectFormat, type SourceFormat } from "./detect-format.js";
import { lines } from "./lines.js";
import { openFile, readCapped, SNIFF_BYTES, unreadable } from "./open-file.js";
import { collect, peekStdin } from "./read-stdin.js";

/** Calls files larger than this are streamed and folded to one call per endpoint (bounded memory). */
export const STREAM_CALLS_BYTES = 1 << 20;
/** A JSON calls array or a HAR is parsed whole, so it is capped; lines and logs are streamed, with no cap. */
export const MAX_WHOLE_BYTES = 64 << 20;

/** Options for {@link readSource}. */
export interface ReadSourceOptions {
  /** How to read the input: detected from its name and first bytes by default. */
  readonly from?: SourceFormat | "auto";
  /** Requests sent to these base URLs' origins are Dynamic calls (HAR, logs); Dynamic's base URLs by default. */
  readonly baseUrls?: readonly string[];
  /** Path-prefix rewrites applied to HAR and log calls before matching (a proxy that mounts the API elsewhere). */
  readonly rewrites?: readonly Rewrite[];
  /** How log lines are read; any value but `auto` also makes an `auto` input a log. */
  readonly logFormat?: LogFormat;
  /** Identifies calls, so streams fold into one call per endpoint; Dynamic's catalog by default. */
  readonly requiredScopes?: (call: CallLike) => MatchResult;
  /** Name shown in locations; the path as given (`<stdin>` for `-`) by default. */
  readonly name?: string;
  /** Calls that streamed inputs leave out before folding them (a config's ignores, which keep count). */
  readonly skip?: (call: SourcedCall) => boolean;
  /** What `-` reads; the process's stdin by default. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** What {@link readSource} read: sourced calls, items that were not calls, and a summary of the input. */
export type SourceInput = SourceRead<CallsSummary | HarSummary | LogSummary>;

const tooLarge = (file: string, what: string): InputError =>
  new InputError(
    "too-large",
    [{ code: "too-large", path: "$", message: `${what} is limited to ${MAX_WHOLE_BYTES >> 20} MiB` }],
    file,
  );

/**
 * A large input read whole (a JSON calls array, a HAR, calls on stdin) folded like a stream: one
 * call per endpoint and at most MAX_DISTINCT_UNIDENTIFIED distinct unidentified requests kept, so
 * matching, planning and every report format stay bounded whatever the input holds.
 */
const folded = (read: SourceInput, file: string, options: ReadSourceOptions): SourceInput => {
  const requiredScopes = options.requiredScopes ?? ((call: CallLike) => requiredScopesIn(dynamicCatalog, call));
  const { calls, problems, dropped } = foldCalls(read.calls, requiredScopes, file, options.skip);
  const summary =
    read.summary.format === "calls"
      ? { ...read.summary, distinct: calls.length, dropped, streamed: true }
      : read.summary;
  return { calls, problems: [...read.problems, ...problems], summary };
};

/** A log, line by line from a stream: never held whole, folded into one call per endpoint. */
const readLog = async (
  input: AsyncIterable<Uint8Array | string>,
  file: string,
  options: ReadSourceOptions,
): Promise<SourceInput> => {
  const reader = createLogReader({ ...options, file });
  for await (const line of lines(input)) reader.line(line);
  return reader.finish();
};

const fromText = (text: string, file: string, format: SourceFormat, options: ReadSourceOptions): SourceInput => {
  const read = readWhole(text, file, format, options);
  return format !== "log" && text.length > STREAM_CALLS_BYTES ? folded(read, file, options) : read;
};

const readWhole = (text: string, file: string, format: SourceFormat, options: ReadSourceOptions): SourceInput => {
  if (format === "calls") return parseCallsFile(text, { file });
  if (format === "har") {
    const { baseUrls, rewrites } = options;
    const r = readHar(text, { file, ...(baseUrls ? { baseUrls } : {}), ...(rewrites ? { rewrites } : {}) });
    if (r.ok) return r;
    const { source, code, message } = r.problem;
    const line = source.line === undefined ? {} : { line: source.line };
    throw new InputError("not-har", [{ code, path: source.path ?? "$", message, ...line }], file);
  }
  const reader = createLogReader({ ...options, file });
  // As readline does: a final newline ends the last line, it does not start another.
  for (const line of text.replace(/\r?\n$/, "").split(/\r?\n/)) reader.line(line);
  return reader.finish();
};

/**
 * Reads one input (`-` for stdin) as calls, a HAR or an access log (`from`, detected by
 * default). Logs (from a file or stdin) and large calls files are streamed and folded to one call per
 * endpoint; what is read whole is capped at 64 MiB.
 * Throws `InputError` naming the file when it cannot be read at all; bad items are `problems`.
 */
export const readSource = async (file: string, options: ReadSourceOptions = {}): Promise<SourceInput> => {
  const named = options.logFormat !== undefined && options.logFormat !== "auto";
  const from = options.from === undefined || options.from === "auto" ? (named ? "log" : "auto") : options.from;
  if (file === "-") {
    const name = options.name ?? "<stdin>";
    const { head, all } = await peekStdin(options.stdin ?? process.stdin, SNIFF_BYTES);
    const format = from === "auto" ? detectFormat("-", stripBom(head)) : from;
    // A log is streamed from stdin as from a file: `zcat access.log.gz | scopewise plan -` has no size cap.
    if (format === "log") return readLog(all, name, options);
    const text = await collect(all, MAX_WHOLE_BYTES);
    if (text === undefined) throw tooLarge("<stdin>", "stdin, unless it is a log,");
    return fromText(stripBom(text), name, format, options);
  }
  const { handle, size, head } = await openFile(file);
  const name = options.name ?? file;
  try {
    const start = stripBom(head.toString("utf8"));
    const format = from === "auto" ? detectFormat(file, start) : from;
    const json = start.trimStart().startsWith("[");
    const stream = () => handle.createReadStream({ encoding: "utf8", start: 0, autoClose: false });
    // Awaited here: the finally below closes the file.
    if (format === "log") return await readLog(stream(), name, options);
    if (format === "calls" && !json && size > STREAM_CALLS_BYTES) {
      const reader = createCallsReader({
        file: name,
        ...(options.requiredScopes ? { requiredScopes: options.requiredScopes } : {}),
        ...(options.skip ? { skip: options.skip } : {}),
      });
      for await (const line of lines(stream())) reader.line(line);
      return reader.finish();
    }
    const what = format === "har" ? "a HAR file" : "a JSON calls array; write METHOD URL lines, which are streamed,";
    if (size > MAX_WHOLE_BYTES) throw tooLarge(file, what);
    let text: string | undefined;
    try {
      text = await readCapped(handle, MAX_WHOLE_BYTES);
    } catch (error) {
      throw unreadable(file, error);
    }
    if (text === undefined) throw tooLarge(file, what);
    return fromText(text, name, format, options);
  } finally {
    await handle.close();
  }
};

/**
 * Reads a small text input whole (`-` for stdin): a token or catalog file. Refuses
 * non-regular files, binary files and files over `maxBytes` (default 16 MiB) before reading them.
 */
export const readText = async (
  file: string,
  options: { readonly stdin?: AsyncIterable<Uint8Array | string>; readonly maxBytes?: number } = {},
): Promise<string> => {
  const maxBytes = options.maxBytes ?? 16 << 20;
  if (file === "-") {
    const text = await collect(options.stdin ?? process.stdin, maxBytes);
    if (text === undefined) {
      const message = `more than ${maxBytes} bytes (the limit)`;
      throw new InputError("too-large", [{ code: "too-large", path: "$", message }], "<stdin>");
    }
    return stripBom(text);
  }
  const { handle, size } = await openFile(file);
  try {
    if (size > maxBytes) {
      const message = `${size} bytes; the limit is ${maxBytes}`;
      throw new InputError("too-large", [{ code: "too-large", path: "$", message }], file);
    }
    const text = await readCapped(handle, maxBytes);
    if (text === undefined) {
      const message = `more than ${maxBytes} bytes (the limit), though it said ${size}`;
      throw new InputError("too-large", [{ code: "too-large", path: "$", message }], file);
    }
    return stripBom(text);
  } catch (error) {
    throw error instanceof InputError ? error : unreadable(file, error);
  } finally {
    await handle.close();
  }
};
