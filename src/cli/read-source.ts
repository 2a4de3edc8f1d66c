import { InputError } from "../errors.js";
import { detectFormat } from "../node/detect-format.js";
import { openInput, SNIFF_BYTES } from "../node/open-input.js";
import { readLogFile, type LogFileResult } from "../node/read-log-file.js";
import { createLogReader } from "../sources/log.js";
import { readHar } from "../sources/har.js";
import { resolveOperationNames } from "../sources/operation-calls.js";
import type { SourceProblem, SourcedCall } from "../sources/types.js";
import type { Context } from "./context.js";
import { plural } from "./format.js";
import type { CallSource } from "./io.js";
import { parseCalls, readInput } from "./read-calls.js";

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
  hosts.length === 0 ? "" : ` (other hosts: ${hosts.slice(0, 5).map((h) => `${h.host} ×${h.count}`).join(", ")}${hosts.length > 5 ? ", …" : ""})`;

/** Splits sourced calls into the parallel arrays the commands take. */
const sourced = (format: SourceInput["format"], calls: readonly SourcedCall[], problems: SourceProblem[], summary: string): SourceInput => ({
  format,
  calls: calls.map((c) => c.call),
  sources: calls.map((c) => c.source),
  problems,
  summary,
});

const fromHar = (text: string, file: string, baseUrls: readonly string[]): SourceInput => {
  const r = readHar(text, { file, baseUrls });
  if (!r.ok) throw new InputError("not-har", [{ code: r.problem.code, path: r.problem.source.path ?? "$", message: r.problem.message, ...(r.problem.source.line ? { line: r.problem.source.line } : {}) }], file);
  const s = r.summary;
  return sourced("har", r.calls, r.problems, `HAR: ${s.entries} ${s.entries === 1 ? "entry" : "entries"}: ${s.used} used, ${s.skipped} skipped${hostsText(s.otherHosts)}${s.preflight > 0 ? `, ${s.preflight} CORS preflights skipped` : ""}, ${s.bad} bad`);
};

const fromCalls = (text: string, file: string): SourceInput => {
  const parsed = parseCalls(text, file);
  return { format: "calls", ...resolveOperationNames(parsed.calls, parsed.sources), problems: [], summary: "" };
};

const fromLog = (r: LogFileResult): SourceInput => {
  const s = r.summary;
  return sourced("log", r.calls, r.problems, `log: ${plural(s.lines, "line")}: ${s.used} calls (${s.distinct} distinct), ${s.skipped} skipped${hostsText(s.otherHosts)}, ${s.bad} bad`);
};

/** Reads FILE as `--from` says (auto-detected by default); `-` is stdin. Logs are streamed. */
export const readSource = async (file: string, { args, calc }: Pick<Context, "args" | "calc">): Promise<SourceInput> => {
  const name = file === "-" ? "<stdin>" : file;
  const baseUrls = [...calc.catalog.baseUrls, ...args.baseUrls];
  const logOptions = { baseUrls, requiredScopes: calc.requiredScopes };
  let format = args.from;
  if (format === "auto" && file !== "-") {
    const { handle, head } = await openInput(file);
    await handle.close();
    format = detectFormat(file, head);
  }
  if (format === "log") return fromLog(await readLogFile(file, logOptions));
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
