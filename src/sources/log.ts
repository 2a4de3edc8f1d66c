import { isDenial, type CallLike } from "../matcher/sourced-call.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { countHost, sortedHostCounts } from "./base-url.js";
import { createLineParser, type LogLineOptions } from "./log-line.js";
import type { LineFormat } from "./logs/formats.js";
import { createTally } from "./tally.js";
import { stripBom } from "../util/bom.js";
import type { MatchResult } from "../matcher/result.js";
import type { SourceProblem, SourceRead, SourcedCall } from "./types.js";

/** Bad lines reported one by one; past this they are counted. */
export const MAX_REPORTED_BAD_LINES = 100;

/** What an access log held. */
export interface LogSummary {
  readonly format: "log";
  readonly file: string;
  readonly lines: number;
  /** The formats its lines were read in, in the order first seen (`combined`, `json`, `envoy`, `alb`, `pattern`). */
  readonly logFormats: readonly LineFormat[];
  /** Lines that were calls: sent to a base URL's origin, or a bare path. */
  readonly used: number;
  /** Distinct calls kept (one per endpoint). */
  readonly distinct: number;
  /** Requests to other origins, skipped and counted per host. */
  readonly skipped: number;
  readonly otherHosts: readonly { readonly host: string; readonly count: number }[];
  /** Calls sent with the other scheme of their base URL (http: to an https: base, or the reverse): still calls. */
  readonly otherScheme: number;
  /** Calls whose path a rewrite changed. */
  readonly rewritten: number;
  /** Lines recording a connection that sent no request (`"-"`): counted, nothing to check. */
  readonly noRequest: number;
  readonly bad: number;
  /** Distinct unidentified requests past the cap, counted only. */
  readonly dropped: number;
}

/** Options for {@link createLogReader}. */
export interface LogReaderOptions extends LogLineOptions {
  /** Shown in locations; `log` by default. */
  readonly file?: string;
  /** Identifies calls so the log folds into one call per endpoint; Dynamic's catalog by default. */
  readonly requiredScopes?: (call: CallLike) => MatchResult;
  /** Calls to leave out before folding: a config's ignores, which count and list what they take. */
  readonly skip?: (call: SourcedCall) => boolean;
}

/** A log reader fed line by line: memory stays bounded by the number of distinct endpoints. */
export interface LogReader {
  line(text: string): void;
  finish(): SourceRead<LogSummary>;
}

// A calls list (METHOD URL lines, SDK operation names, a JSON array's brackets) saved under a log's name.
const CALLS_LINE = /^(?:[A-Za-z]+[ \t]+\S+|[A-Z]\w*Api\.\w+|\[|\]|\[\s*\{.*)$/;

/**
 * Reads access-log lines one at a time (see `parseLogLine` for the formats); throws an
 * `InputError` for bad options (a base URL, a rewrite, a log format pattern).
 */
export const createLogReader = (options: LogReaderOptions = {}): LogReader => {
  const file = options.file ?? "log";
  const parse = createLineParser(options);
  const tally = createTally(options.requiredScopes ?? ((call) => requiredScopesIn(dynamicCatalog, call)), options.skip);
  const problems: SourceProblem[] = [];
  const hosts = new Map<string, number>();
  const formats = new Set<LineFormat>();
  let lastFormat: LineFormat | undefined;
  const seen = (format: LineFormat): void => {
    if (format !== lastFormat) formats.add((lastFormat = format));
  };
  const n = { lines: 0, used: 0, bad: 0, callsLike: 0, otherScheme: 0, rewritten: 0, noRequest: 0 };
  return {
    line(text) {
      const line = ++n.lines;
      // A byte-order mark is not part of the first line's text.
      const r = parse(line === 1 ? stripBom(text) : text);
      if (r.kind === "call") {
        n.used++;
        if (r.otherScheme) n.otherScheme++;
        if (r.rewritten) n.rewritten++;
        seen(r.format);
        const source = { file, line };
        tally.add({
          call: { method: r.method, url: r.url },
          source: isDenial(r.status) ? { ...source, status: r.status } : source,
        });
      } else if (r.kind === "other-host") {
        seen(r.format);
        countHost(hosts, r.host);
      } else if (r.kind === "no-request") {
        seen(r.format);
        n.noRequest++;
      } else if (r.kind === "bad") {
        if (CALLS_LINE.test(text.trim())) n.callsLike++;
        if (++n.bad <= MAX_REPORTED_BAD_LINES)
          problems.push({ source: { file, line }, code: "bad-log-line", message: r.message });
      }
    },
    finish() {
      if (n.bad > MAX_REPORTED_BAD_LINES)
        problems.push({
          source: { file },
          code: "bad-log-line",
          message: `${n.bad - MAX_REPORTED_BAD_LINES} more bad lines not listed`,
        });
      if (n.callsLike > 0 && n.callsLike * 2 >= n.bad)
        problems.push({
          source: { file },
          code: "looks-like-calls",
          message:
            `${n.callsLike} of ${n.bad} bad lines look like a calls list (METHOD URL lines, SDK operation names ` +
            "or a JSON array), not a log: read the file as calls (--from calls)",
        });
      const otherHosts = sortedHostCounts(hosts);
      const calls = tally.calls();
      if (tally.dropped > 0)
        problems.push({
          source: { file },
          code: "too-many-unidentified",
          message: `${tally.dropped} more distinct unidentified requests not listed`,
        });
      return {
        calls,
        problems,
        summary: {
          format: "log",
          file,
          lines: n.lines,
          logFormats: [...formats],
          used: n.used,
          distinct: calls.length,
          skipped: otherHosts.reduce((sum, h) => sum + h.count, 0),
          otherHosts,
          otherScheme: n.otherScheme,
          rewritten: n.rewritten,
          noRequest: n.noRequest,
          bad: n.bad,
          dropped: tally.dropped,
        },
      };
    },
  };
};
