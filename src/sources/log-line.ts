import { lineReader, NOT_A_LOG_LINE, type LineFormat, type LogFormat } from "./logs/formats.js";
import { routeFor, type RecordingOptions } from "./recording.js";
import { hasHiddenBreak } from "../util/line-breaks.js";
import { trimAscii } from "../util/trim-ascii.js";
import { LINE_TOO_LONG, MAX_LINE_LENGTH } from "./limits.js";

/** One access-log line, read: a call, another origin's request, no request at all, or not a request line. */
export type LogLine =
  | {
      readonly kind: "call";
      readonly method: string;
      /** What the matcher reads: the logged URL or path (on its logged host), after rewrites. */
      readonly url: string;
      /** The response status, when the line has one. */
      readonly status: number | undefined;
      /** Sent with the other scheme of its base URL (http: to an https: base, or the reverse). */
      readonly otherScheme: boolean;
      /** A rewrite changed its path. */
      readonly rewritten: boolean;
      readonly format: LineFormat;
    }
  /** A request to another origin: skipped, counted by `host`. */
  | { readonly kind: "other-host"; readonly host: string; readonly format: LineFormat }
  /** A connection that sent no request (`"-"` in nginx, Apache, ALB, Envoy): counted, not a problem. */
  | { readonly kind: "no-request"; readonly format: LineFormat }
  | { readonly kind: "blank" }
  | { readonly kind: "bad"; readonly message: string; readonly format?: LineFormat };

/** Options for {@link parseLogLine} and the log reader: where Dynamic is, and how lines are written. */
export interface LogLineOptions extends RecordingOptions {
  /** How lines are read: detected line by line (`auto`, the default), a format name, or a pattern. */
  readonly logFormat?: LogFormat;
}

const BLANK: LogLine = { kind: "blank" };
const HIDDEN_BREAK_MESSAGE = "the line holds a control or line-separator character, so it may hold two requests";

/** Compiles options into a reader of single lines; throws an `InputError` for bad options. */
export const createLineParser = (options: LogLineOptions = {}): ((line: string) => LogLine) => {
  const route = routeFor(options);
  const read = lineReader(options.logFormat);
  return (line) => {
    // Longer than the cap: a bad line, unread (the file reader never holds more of it than this).
    if (line.length > MAX_LINE_LENGTH) return { kind: "bad", message: LINE_TOO_LONG };
    const text = trimAscii(line);
    if (text === "") return BLANK;
    // JSON may hold any character in its strings (JSON.parse judges the rest); a text line may not.
    if (text.charCodeAt(0) !== 123 && hasHiddenBreak(text)) return { kind: "bad", message: HIDDEN_BREAK_MESSAGE };
    const r = read(text);
    if (r.format === undefined) return { kind: "bad", message: NOT_A_LOG_LINE };
    const { format, parsed: p } = r;
    if (p.kind === "no-request") return { kind: "no-request", format };
    if (p.kind === "bad") return { kind: "bad", message: p.message, format };
    if (p.method.length === 7 && p.method.toUpperCase() === "CONNECT" && !p.target.includes("/")) {
      // A tunnel: the calls inside it never reach the log. To Dynamic, that is a problem, not a skip.
      const tunnel = route("/", p.target);
      if (tunnel.kind === "other-host") return { kind: "other-host", host: tunnel.host, format };
      const message =
        `CONNECT tunnel to ${JSON.stringify(p.target)}, a Dynamic host: ` +
        "the calls sent through it are not in this log";
      return { kind: "bad", message, format };
    }
    const d = route(p.target, p.host, p.scheme);
    if (d.kind === "other-host") return { kind: "other-host", host: d.host, format };
    const { otherScheme, rewritten } = d;
    return { kind: "call", method: p.method, url: d.url, status: p.status, otherScheme, rewritten, format };
  };
};

let dynamicParser: ((line: string) => LogLine) | undefined;
const parsers = new WeakMap<LogLineOptions, (line: string) => LogLine>();

/**
 * Reads one access-log line (see docs/call-sources.md): common/combined log format, JSON lines
 * (also nginx `escape=json` lines whose `request` is the request line), Envoy's and Istio's default
 * format, AWS ALB entries, or `options.logFormat`. A request sent to a base URL's origin, or a
 * bare path, is a `call` for the matcher to judge; only requests to other origins are `other-host`.
 * Options are compiled once per options object.
 */
export const parseLogLine = (line: string, options?: LogLineOptions): LogLine => {
  if (options === undefined) return (dynamicParser ??= createLineParser())(line);
  let parse = parsers.get(options);
  if (parse === undefined) parsers.set(options, (parse = createLineParser(options)));
  return parse(line);
};
