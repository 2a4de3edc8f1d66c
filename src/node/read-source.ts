import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import type { CallLike } from "../matcher/sourced-call.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { InputError } from "../util/errors.js";
import type { MatchResult } from "../matcher/result.js";
import { createCallsReader, parseCallsFile, type CallsSummary } from "../sources/calls-file.js";
import { createHarReader, type HarSummary } from "../sources/har.js";
import { createLogReader, type LogSummary } from "../sources/log.js";
import type { LogFormat } from "../sources/logs/formats.js";
import type { Rewrite } from "../sources/rewrites.js";
import { createTally, droppedProblem, foldCalls, type Tally } from "../sources/tally.js";
import type { SourceRead, SourcedCall } from "../sources/types.js";
import { stripBom } from "../util/bom.js";
import { detectFormat, type SourceFormat } from "./detect-format.js";
import { eachLine } from "./lines.js";
import { openFile, readCapped, SNIFF_BYTES, unreadable } from "./open-file.js";
import { collect, peekStdin } from "./read-stdin.js";

/** Calls files larger than this are streamed and folded to one call per endpoint (bounded memory). */
export const STREAM_CALLS_BYTES = 1 << 20;
/** Streamed files are read in chunks of this many bytes: fewer, larger chunks cost less per line. */
const STREAM_CHUNK = 1 << 20;
/** A JSON calls array is parsed whole, so it is capped; lines, logs and HARs are streamed, with no cap. */
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
const identify = (options: ReadSourceOptions): ((call: CallLike) => MatchResult) =>
  options.requiredScopes ?? ((call: CallLike) => requiredScopesIn(dynamicCatalog, call));

const folded = (read: SourceInput, file: string, options: ReadSourceOptions): SourceInput => {
  const { calls, problems, dropped } = foldCalls(read.calls, identify(options), file, options.skip);
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
  await eachLine(input, (line) => reader.line(line));
  return reader.finish();
};

/**
 * A HAR from a stream: never held whole (each entry is read and dropped), its calls folded into one
 * per endpoint once more than STREAM_CALLS_BYTES of it were read, as a large input read whole is.
 */
const readHarStream = async (
  input: AsyncIterable<Uint8Array | string>,
  file: string,
  options: ReadSourceOptions,
): Promise<SourceInput> => {
  const { baseUrls, rewrites } = options;
  let kept: SourcedCall[] = [];
  let tally: Tally | undefined;
  const reader = createHarReader(
    { file, ...(baseUrls ? { baseUrls } : {}), ...(rewrites ? { rewrites } : {}) },
    (call) => (tally === undefined ? kept.push(call) : tally.add(call)),
  );
  let read = 0;
  const decoder = new TextDecoder();
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    reader.write(text);
    read += text.length;
    if (tally === undefined && read > STREAM_CALLS_BYTES) {
      tally = createTally(identify(options), options.skip);
      for (const call of kept) tally.add(call);
      kept = [];
    }
  }
  reader.write(decoder.decode());
  const r = reader.end();
  if (!r.ok) {
    const { source, code, message } = r.problem;
    const line = source.line === undefined ? {} : { line: source.line };
    throw new InputError("not-har", [{ code, path: source.path ?? "$", message, ...line }], file);
  }
  if (tally === undefined) return { ...r, calls: kept };
  return {
    calls: tally.calls(),
    problems: [...r.problems, ...droppedProblem(file, tally.dropped)],
    summary: r.summary,
  };
};

const fromText = (text: string, file: string, format: SourceFormat, options: ReadSourceOptions): SourceInput => {
  const read = readWhole(text, file, format, options);
  return format !== "log" && text.length > STREAM_CALLS_BYTES ? folded(read, file, options) : read;
};

const readWhole = (text: string, file: string, format: SourceFormat, options: ReadSourceOptions): SourceInput => {
  if (format === "calls") return parseCallsFile(text, { file });
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
    // A log or a HAR is streamed from stdin as from a file: `zcat access.log.gz | scopewise plan -` has no size cap.
    if (format === "log") return readLog(all, name, options);
    if (format === "har") return readHarStream(all, name, options);
    const text = await collect(all, MAX_WHOLE_BYTES);
    if (text === undefined) throw tooLarge("<stdin>", "stdin, unless it is a log or a HAR,");
    return fromText(stripBom(text), name, format, options);
  }
  const { handle, size, head } = await openFile(file);
  const name = options.name ?? file;
  try {
    const start = stripBom(head.toString("utf8"));
    const format = from === "auto" ? detectFormat(file, start) : from;
    const json = start.trimStart().startsWith("[");
    const stream = () =>
      handle.createReadStream({ encoding: "utf8", start: 0, autoClose: false, highWaterMark: STREAM_CHUNK });
    // Awaited here: the finally below closes the file.
    if (format === "log") return await readLog(stream(), name, options);
    if (format === "har") return await readHarStream(stream(), name, options);
    if (format === "calls" && !json && size > STREAM_CALLS_BYTES) {
      const reader = createCallsReader({
        file: name,
        ...(options.requiredScopes ? { requiredScopes: options.requiredScopes } : {}),
        ...(options.skip ? { skip: options.skip } : {}),
      });
      await eachLine(stream(), (line) => reader.line(line));
      return reader.finish();
    }
    const what = "a JSON calls array; write METHOD URL lines, which are streamed,";
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
