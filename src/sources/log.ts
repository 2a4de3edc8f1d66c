import type { CallInput } from "../matcher/read-call.js";
import { hostOf, onBaseUrls, sortedHostCounts } from "./base-url.js";
import { parseLogLine } from "./log-line.js";
import { createTally } from "./tally.js";
import type { MatchResult } from "../matcher/result.js";
import type { SourceProblem, SourcedCall } from "./types.js";

/** Bad lines reported one by one; past this they are counted. */
export const MAX_REPORTED_BAD_LINES = 100;

/** What an access log held. */
export interface LogSummary {
  readonly lines: number;
  /** Lines that were calls on a Dynamic URL or path. */
  readonly used: number;
  /** Distinct calls kept (one per endpoint). */
  readonly distinct: number;
  readonly skipped: number;
  readonly otherHosts: readonly { readonly host: string; readonly count: number }[];
  readonly bad: number;
  /** Distinct unidentified requests past the cap, counted only. */
  readonly dropped: number;
}

/** A log reader fed line by line: memory stays bounded by the number of distinct endpoints. */
export interface LogReader {
  line(text: string): void;
  finish(): { calls: SourcedCall[]; problems: SourceProblem[]; summary: LogSummary };
}

/** Reads access-log lines (common/combined format or JSON lines) one at a time; see `parseLogLine`. */
export const createLogReader = (options: {
  file: string;
  baseUrls: readonly string[];
  requiredScopes: (call: CallInput) => MatchResult;
}): LogReader => {
  const onBase = onBaseUrls(options.baseUrls);
  const tally = createTally(options.requiredScopes);
  const problems: SourceProblem[] = [];
  const hosts = new Map<string, number>();
  let lines = 0;
  let used = 0;
  let bad = 0;
  return {
    line(text) {
      lines++;
      // A byte-order mark is not part of the first line's text.
      const r = parseLogLine(lines === 1 ? text.replace(/^\uFEFF/, "") : text, onBase);
      if (r.kind === "call") {
        used++;
        tally.add({ call: { method: r.method, url: r.url }, source: { file: options.file, line: lines } });
      } else if (r.kind === "other-host") {
        const host = hostOf(r.url);
        hosts.set(host, (hosts.get(host) ?? 0) + 1);
      } else if (r.kind === "bad" && ++bad <= MAX_REPORTED_BAD_LINES) {
        problems.push({ source: { file: options.file, line: lines }, code: "bad-log-line", message: r.message });
      }
    },
    finish() {
      if (bad > MAX_REPORTED_BAD_LINES)
        problems.push({
          source: { file: options.file },
          code: "bad-log-line",
          message: `${bad - MAX_REPORTED_BAD_LINES} more bad lines not listed`,
        });
      const otherHosts = sortedHostCounts(hosts);
      const calls = tally.calls();
      const skipped = otherHosts.reduce((n, h) => n + h.count, 0);
      if (tally.dropped > 0)
        problems.push({
          source: { file: options.file },
          code: "too-many-unidentified",
          message: `${tally.dropped} more distinct unidentified requests not listed`,
        });
      return {
        calls,
        problems,
        summary: { lines, used, distinct: calls.length, skipped, otherHosts, bad, dropped: tally.dropped },
      };
    },
  };
};
