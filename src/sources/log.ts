import type { CallLike } from "../matcher/sourced-call.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { hostOf, onBaseUrls, sortedHostCounts } from "./base-url.js";
import { parseLogLine } from "./log-line.js";
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
  /** Lines that were calls on a Dynamic URL or path. */
  readonly used: number;
  /** Distinct calls kept (one per endpoint). */
  readonly distinct: number;
  readonly skipped: number;
  readonly otherHosts: readonly { readonly host: string; readonly count: number }[];
  readonly bad: number;
  /** Lines with `"-"` for a request line: the client sent no request, so there is no call. */
  readonly noRequest: number;
  /** Distinct unidentified requests past the cap, counted only. */
  readonly dropped: number;
}

/** Options for {@link createLogReader}. */
export interface LogReaderOptions {
  /** Shown in locations; `log` by default. */
  readonly file?: string;
  /** Absolute URLs under these are Dynamic calls; Dynamic's base URLs by default. */
  readonly baseUrls?: readonly string[];
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

/** Reads access-log lines (common/combined format or JSON lines) one at a time; see `parseLogLine`. */
export const createLogReader = (options: LogReaderOptions = {}): LogReader => {
  const file = options.file ?? "log";
  const onBase = onBaseUrls(options.baseUrls ?? dynamicCatalog.baseUrls);
  const tally = createTally(options.requiredScopes ?? ((call) => requiredScopesIn(dynamicCatalog, call)), options.skip);
  const problems: SourceProblem[] = [];
  const hosts = new Map<string, number>();
  let lines = 0;
  let used = 0;
  let bad = 0;
  let noRequest = 0;
  return {
    line(text) {
      lines++;
      // A byte-order mark is not part of the first line's text.
      const r = parseLogLine(lines === 1 ? stripBom(text) : text, onBase);
      if (r.kind === "call") {
        used++;
        tally.add({ call: { method: r.method, url: r.url }, source: { file: file, line: lines } });
      } else if (r.kind === "other-host") {
        const host = hostOf(r.url);
        hosts.set(host, (hosts.get(host) ?? 0) + 1);
      } else if (r.kind === "no-request") {
        noRequest++;
      } else if (r.kind === "bad" && ++bad <= MAX_REPORTED_BAD_LINES) {
        problems.push({ source: { file: file, line: lines }, code: "bad-log-line", message: r.message });
      }
    },
    finish() {
      if (bad > MAX_REPORTED_BAD_LINES)
        problems.push({
          source: { file: file },
          code: "bad-log-line",
          message: `${bad - MAX_REPORTED_BAD_LINES} more bad lines not listed`,
        });
      const otherHosts = sortedHostCounts(hosts);
      const calls = tally.calls();
      const skipped = otherHosts.reduce((n, h) => n + h.count, 0);
      if (tally.dropped > 0)
        problems.push({
          source: { file: file },
          code: "too-many-unidentified",
          message: `${tally.dropped} more distinct unidentified requests not listed`,
        });
      return {
        calls,
        problems,
        summary: {
          format: "log",
          file,
          lines,
          used,
          distinct: calls.length,
          skipped,
          otherHosts,
          bad,
          noRequest,
          dropped: tally.dropped,
        },
      };
    },
  };
};
