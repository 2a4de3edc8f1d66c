import { InputError } from "../errors.js";
import { detectFormat } from "../node/detect-format.js";
import { openInput, SNIFF_BYTES } from "../node/open-input.js";
import { readCallsFile } from "../node/read-calls-file.js";
import { readLogFile, type LogFileResult } from "../node/read-log-file.js";
import { createLogReader } from "../sources/log.js";
import { readHar } from "../sources/har.js";
import { resolveOperationNames } from "../sources/operation-calls.js";
import type { SourceProblem, SourcedCall } from "../sources/types.js";
import type { Context } from "./context.js";
import { plural } from "./format.js";
import type { CallSource } from "./io.js";
import { parseCalls, readInput } from "./read-calls.js";

/** Calls files larger than this are streamed and folded to one call per endpoint (bounded memory). */
export const STREAM_CALLS_BYTES = 1 << 20;
/** A JSON calls array is parsed whole, so it is capped; `METHOD URL` lines have no cap. */
export const MAX_JSON_CALLS_BYTES = 64 << 20;

/** Calls read by `--from`, where each came from, input items that were not calls, and a summary. */
export interface SourceInput {
  readonly format: "calls" | "har" | "log";
  readonly calls: unknown[];
  readonly sources: CallSource[];
  readonly problems: SourceProblem[];
  /** One line on what the input held (HAR entries, log lines); empty for calls files. */
  readonly summary: string;
}

const hostsText = (hosts: readonly { host: string; count: number }[]): string =>
  hosts.length === 0
    ? ""
    : ` (other hosts: ${hosts
        .slice(0, 5)
        .map((h) => `${h.host} ×${h.count}`)
        .join(", ")}${hosts.length > 5 ? ", …" : ""})`;

/** Splits sourced calls into the parallel arrays the commands take. */
const sourced = (
  format: SourceInput["format"],
  calls: readonly SourcedCall[],
  problems: SourceProblem[],
  summary: string,
): SourceInput => ({
  format,
  calls: calls.map((c) => c.call),
  sources: calls.map((c) => c.source),
  problems,
  summary,
});

const fromHar = (text: string, file: string, baseUrls: readonly string[]): SourceInput => {
  const r = readHar(text, { file, baseUrls });
  if (!r.ok)
    throw new InputError(
      "not-har",
      [
        {
          code: r.problem.code,
          path: r.problem.source.path ?? "$",
          message: r.problem.message,
          ...(r.problem.source.line ? { line: r.problem.source.line } : {}),
        },
      ],
      file,
    );
  const s = r.summary;
  return sourced(
    "har",
    r.calls,
    r.problems,
    `HAR: ${s.entries} ${s.entries === 1 ? "entry" : "entries"}: ${s.used} used, ${s.skipped} skipped${hostsText(s.otherHosts)}${s.preflight > 0 ? `, ${s.preflight} CORS preflights skipped` : ""}, ${s.bad} bad`,
  );
};

const fromCalls = (text: string, file: string): SourceInput => {
  const parsed = parseCalls(text, file);
  return { format: "calls", ...resolveOperationNames(parsed.calls, parsed.sources), problems: [], summary: "" };
};

const fromLog = (r: LogFileResult): SourceInput => {
  const s = r.summary;
  return sourced(
    "log",
    r.calls,
    r.problems,
    `log: ${plural(s.lines, "line")}: ${s.used} calls (${s.distinct} distinct), ${s.skipped} skipped${hostsText(s.otherHosts)}, ${s.bad} bad`,
  );
};

/** Reads FILE as `--from` says (auto-detected by default); `-` is stdin. Logs are streamed. */
export const readSource = async (
  file: string,
  { args, calc }: Pick<Context, "args" | "calc">,
): Promise<SourceInput> => {
  const name = file === "-" ? "<stdin>" : file;
  const baseUrls = [...calc.catalog.baseUrls, ...args.baseUrls];
  const logOptions = { baseUrls, requiredScopes: calc.requiredScopes };
  let format = args.from;
  let size = 0;
  let json = false;
  if (file !== "-") {
    const { handle, head } = await openInput(file);
    size = (await handle.stat()).size;
    await handle.close();
    json = head.trimStart().startsWith("[");
    if (format === "auto") format = detectFormat(file, head);
  }
  if (format === "log") return fromLog(await readLogFile(file, logOptions));
  if (format === "calls" && json && size > MAX_JSON_CALLS_BYTES) {
    throw new InputError(
      "too-large",
      [
        {
          code: "too-large",
          path: "$",
          message: `a JSON calls array is limited to ${MAX_JSON_CALLS_BYTES >> 20} MiB; write METHOD URL lines, which are streamed`,
        },
      ],
      name,
    );
  }
  if (format === "calls" && !json && size > STREAM_CALLS_BYTES) {
    const r = await readCallsFile(file, { requiredScopes: calc.requiredScopes, name });
    const s = r.summary;
    return sourced(
      "calls",
      r.calls,
      r.problems,
      `calls: ${plural(s.lines, "line")}: ${plural(s.calls, "call")} (${s.distinct} distinct, streamed)`,
    );
  }
  const text = await readInput(file);
  if (format === "auto") format = detectFormat(file, text.slice(0, SNIFF_BYTES));
  if (format === "har") return fromHar(text, name, baseUrls);
  if (format === "calls") return fromCalls(text, name);
  // Auto-detected on stdin: already read whole (it had to be sniffed), so fed line by line.
  const reader = createLogReader({ file: name, ...logOptions });
  // As readline does: a final newline ends the last line, it does not start another.
  for (const line of text.replace(/\r?\n$/, "").split(/\r?\n/)) reader.line(line);
  return fromLog(reader.finish());
};
