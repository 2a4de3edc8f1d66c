// Dropped files, read in the page: a HAR, an access log, a calls file (lines or a JSON array), a token
// document (handed to the comparison), or source code (the scanner runs only in Node: the page says so).
// Pure functions of text or a text stream, so Node tests run them as the page does.
import { createLogReader, readHar, type SourceProblem } from "../src/index.js";
import {
  catalogInfo,
  foldCalls,
  isScope,
  lookup,
  looksLikeLogLine,
  type SourcedCall,
  type WizardCall,
} from "./core.js";
import { readCallsDocument } from "./typed-calls.js";

/** What one input (the typed calls or a file) gave, and what it did not use and why. */
export interface InputResult {
  readonly id: string;
  readonly name: string;
  readonly kind: "typed" | "har" | "log" | "calls" | "token" | "source" | "unreadable" | "link";
  /** Calls read, folded to one per endpoint for files. */
  readonly calls: readonly WizardCall[];
  /** One line on what was read, e.g. "9 entries: 7 calls to Dynamic". */
  readonly read: string;
  /** Entries not used, each with why. */
  readonly skipped: readonly string[];
  /** Items that could not be read, located (capped). */
  readonly problems: readonly string[];
  /** A whole-input message, e.g. "use the CLI for source files". */
  readonly message?: { readonly tone: "info" | "error"; readonly text: string };
  /** Distinct unidentified requests past the 1,000 kept per file: counted, not listed (still blockers). */
  readonly dropped?: number;
  /** For a dropped token document: the parsed document, for the comparison. */
  readonly token?: unknown;
}

/** Files larger than this are not read whole in a page (logs are streamed and have no limit). */
export const MAX_WHOLE_FILE = 100 * 1024 * 1024;
const SHOWN_PROBLEMS = 20;

const SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro|py|go|rb|java|kt|cs|php|rs|swift)$/i;
const LOG = /\.(?:log|jsonl|ndjson)$/i;

export type FileKind = "har" | "log" | "calls" | "json" | "source" | "binary";

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** What a file is, from its name and first characters; the CLI's rules plus source, binary and token files. */
export const classifyFile = (name: string, head: string): FileKind => {
  const sample = head.slice(0, 4096);
  // NUL or many replacement characters: not text a person would drop as calls.
  if (sample.includes("\u0000") || (sample.match(/\uFFFD/g)?.length ?? 0) > sample.length / 20) return "binary";
  if (/\.har$/i.test(name)) return "har";
  if (SOURCE.test(name)) return "source";
  if (LOG.test(name)) return "log";
  const first =
    sample
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))
      ?.trim() ?? "";
  if (first.startsWith("{")) {
    try {
      const value = JSON.parse(first) as unknown;
      // One complete object on the first line: JSON lines, unless it is a one-line document.
      return typeof value === "object" && value !== null && !("log" in value || "token" in value || "tokens" in value)
        ? "log"
        : "json";
    } catch {
      return "json";
    }
  }
  // A log line may start with "[" (Envoy's date): logs first, as the CLI tells them apart.
  if (looksLikeLogLine(first)) return "log";
  return first.startsWith("[") ? "json" : "calls";
};

const located = (p: SourceProblem): string =>
  `${p.source.line === undefined ? (p.source.path ?? "") : `line ${p.source.line}`}: ${p.message}`.replace(/^: /, "");

const listed = (problems: readonly string[]): string[] =>
  problems.length > SHOWN_PROBLEMS
    ? [...problems.slice(0, SHOWN_PROBLEMS), `${plural(problems.length - SHOWN_PROBLEMS, "more problem")} not listed`]
    : [...problems];

const hosts = (other: readonly { host: string; count: number }[]): string =>
  other
    .slice(0, 5)
    .map((h) => `${h.host} ×${h.count}`)
    .join(", ") + (other.length > 5 ? `, ${other.length - 5} more hosts` : "");

const folded = (calls: readonly WizardCall[]): { calls: WizardCall[]; dropped?: number } => {
  const f = foldCalls(calls);
  return f.dropped > 0 ? { calls: f.calls, dropped: f.dropped } : { calls: f.calls };
};

/** Library-read calls with the input they came from. Their calls are what a reader read: any value at all. */
const tag = (id: string, name: string, calls: readonly SourcedCall[]): WizardCall[] =>
  calls.map((c) => ({ call: c.call, source: { ...c.source, file: name, input: id } }));

/** Reads a HAR's text: calls on Dynamic's base URLs; other hosts and CORS preflights skipped and counted. */
export const readHarText = (id: string, name: string, text: string): InputResult => {
  const har = readHar(text, { file: name, baseUrls: catalogInfo.baseUrls });
  if (!har.ok) return unreadable(id, name, "har", located(har.problem));
  const { summary: s } = har;
  const f = folded(tag(id, name, har.calls));
  const skipped = [
    ...(s.skipped > 0 ? [`${plural(s.skipped, "request")} to other hosts (${hosts(s.otherHosts)})`] : []),
    ...(s.preflight > 0 ? [`${plural(s.preflight, "CORS preflight")} (the browser sends these without a token)`] : []),
  ];
  return {
    id,
    name,
    kind: "har",
    calls: f.calls,
    read: `${plural(s.entries, "entry", "entries")}: ${plural(s.used, "call")} to Dynamic, ${plural(f.calls.length, "distinct call")}`,
    skipped,
    problems: listed(har.problems.map(located)),
    ...(f.dropped ? { dropped: f.dropped } : {}),
  };
};

/** Reads an access log (common/combined format or JSON lines) fed as a stream of text chunks. */
export const readLogStream = async (id: string, name: string, chunks: AsyncIterable<string>): Promise<InputResult> => {
  const reader = createLogReader({ file: name, baseUrls: catalogInfo.baseUrls, requiredScopes: lookup });
  let rest = "";
  for await (const chunk of chunks) {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop()!;
    for (const line of lines) reader.line(line);
  }
  if (rest !== "") reader.line(rest);
  const { calls, problems, summary: s } = reader.finish();
  return {
    id,
    name,
    kind: "log",
    calls: tag(id, name, calls),
    read: `${plural(s.lines, "line")}: ${plural(s.used, "call")} to Dynamic, ${plural(s.distinct, "distinct call")}`,
    skipped: s.skipped > 0 ? [`${plural(s.skipped, "request")} to other hosts (${hosts(s.otherHosts)})`] : [],
    problems: listed(problems.filter((p) => p.code !== "too-many-unidentified").map(located)),
    ...(s.dropped > 0 ? { dropped: s.dropped } : {}),
  };
};

/** Reads a calls file as the CLI does: lines as in the text box, or a JSON array of calls. */
export const readCallsText = (id: string, name: string, text: string): InputResult => {
  const read = readCallsDocument(text, name, id);
  const f = folded(read.calls);
  return {
    id,
    name,
    kind: "calls",
    calls: f.calls,
    read: `${plural(read.calls.length, "call")}, ${plural(f.calls.length, "distinct call")}`,
    skipped: [],
    problems: listed(read.problems),
    ...(f.dropped ? { dropped: f.dropped } : {}),
  };
};

const unreadable = (id: string, name: string, kind: InputResult["kind"], text: string): InputResult => ({
  id,
  name,
  kind,
  calls: [],
  read: "nothing read",
  skipped: [],
  problems: [],
  message: { tone: "error", text },
});

/** Reads a JSON document that is not a HAR: an array of calls, or a token (for the comparison). */
export const readJsonText = (id: string, name: string, text: string): InputResult => {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return unreadable(id, name, "unreadable", `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value === "object" && value !== null && "log" in value) return readHarText(id, name, text);
  if (Array.isArray(value)) {
    // Scope names are a token; anything else is a list of calls, read by the CLI's reader.
    if (value.length > 0 && value.every((v) => typeof v === "string" && isScope(v))) return tokenInput(id, name, value);
    return readCallsText(id, name, text);
  }
  if (typeof value === "object" && value !== null && ("scopes" in value || "token" in value || "tokens" in value))
    return tokenInput(id, name, value);
  return unreadable(
    id,
    name,
    "unreadable",
    "a JSON document that is neither a HAR (log.entries), a list of calls, nor a token ({ scopes }, { token }, { tokens })",
  );
};

const tokenInput = (id: string, name: string, token: unknown): InputResult => ({
  id,
  name,
  kind: "token",
  calls: [],
  read: "a token document: compared below under “Compare with an existing token” (only its scope names are read)",
  skipped: [],
  // Calls beside a token are not read as calls (the CLI refuses such a file): said, so they block the answer.
  problems:
    typeof token === "object" && token !== null && "calls" in token
      ? ["its calls were not read: a token document gives only scope names; drop the calls as a calls file"]
      : [],
  token,
});

/** Source files: the scanner needs Node (it parses code), so the page points to the CLI. */
export const sourceInput = (id: string, name: string): InputResult => ({
  id,
  name,
  kind: "source",
  calls: [],
  read: "not read: source code",
  skipped: [],
  problems: [],
  message: {
    tone: "info",
    text: `Source files are read by scopewise's scanner, which runs in Node, not in a page. Run "npx scopewise scan ${name}" (or a folder) in your project, or paste the SDK calls (e.g. usersApi.getUser) above.`,
  },
});

export const binaryInput = (id: string, name: string): InputResult =>
  unreadable(id, name, "unreadable", "not a text file: drop a HAR, an access log, a calls file or a token JSON");

export const tooLargeInput = (id: string, name: string, size: number): InputResult =>
  unreadable(
    id,
    name,
    "unreadable",
    `${Math.round(size / 1024 / 1024)} MB is more than this page reads at once (${MAX_WHOLE_FILE / 1024 / 1024} MB); run "npx scopewise plan ${name}" instead`,
  );

/**
 * Reads the whole text of a file of a kind that is not streamed. Never throws: a reader that does (a HAR nested
 * deeper than the JSON scanner's stack, say) makes the file unreadable, with why.
 */
export const readWholeText = (id: string, name: string, kind: FileKind, text: string): InputResult => {
  try {
    switch (kind) {
      case "har":
        return readHarText(id, name, text);
      case "json":
        return readJsonText(id, name, text);
      case "source":
        return sourceInput(id, name);
      case "binary":
        return binaryInput(id, name);
      default:
        return readCallsText(id, name, text);
    }
  } catch (error) {
    const why = error instanceof RangeError ? "nested too deeply to read" : String(error).slice(0, 200);
    return unreadable(id, name, "unreadable", `could not read the file: ${why}`);
  }
};

/** A file's calls as a link holds them: identified ones as their template (no IDs), the rest as read. */
export const linkCalls = (input: InputResult): unknown[] =>
  input.calls.map((c) => {
    const r = lookup(c);
    return r.status === "matched" ? `${r.endpoint.method} ${r.endpoint.path}` : c.call;
  });

/** A file's calls restored from a link. */
export const linkInput = (id: string, name: string, calls: readonly unknown[], dropped = 0): InputResult => {
  const read = calls.map((call): WizardCall => ({ call, source: { file: name, input: id, path: "from the link" } }));
  return {
    id,
    name,
    kind: "link",
    calls: read,
    read: `${plural(read.length, "distinct call")}, restored from the link (as endpoint templates)`,
    skipped: [],
    problems: [],
    ...(dropped > 0 ? { dropped } : {}),
  };
};
