import type { CallInput } from "../matcher/read-call.js";
import type { MatchResult } from "../matcher/result.js";
import { resolveOperationNames } from "./operation-calls.js";
import { createTally } from "./tally.js";
import type { SourceProblem, SourcedCall } from "./types.js";
import { trimAscii } from "../util/trim-ascii.js";

/** What a streamed calls file held. */
export interface CallsSummary {
  readonly lines: number;
  /** Lines that were calls (not blank, not comments). */
  readonly calls: number;
  /** Distinct calls kept (one per endpoint, or per distinct unidentified request). */
  readonly distinct: number;
  /** Distinct unidentified requests past the cap, counted only. */
  readonly dropped: number;
}

/** A `METHOD URL` calls file fed line by line: memory stays bounded by the distinct endpoints. */
export interface CallsReader {
  line(text: string): void;
  finish(): { calls: SourcedCall[]; problems: SourceProblem[]; summary: CallsSummary };
}

/**
 * Reads a calls file one line at a time (blank lines and `#` comments skipped, SDK
 * operation names resolved), folding calls into one per endpoint like a log.
 */
export const createCallsReader = (options: {
  file: string;
  requiredScopes: (call: CallInput) => MatchResult;
}): CallsReader => {
  const tally = createTally(options.requiredScopes);
  let lines = 0;
  let calls = 0;
  return {
    line(text) {
      lines++;
      const call = trimAscii(lines === 1 ? text.replace(/^\uFEFF/, "") : text);
      if (call === "" || call.startsWith("#")) return;
      calls++;
      const resolved = resolveOperationNames([call], [{ file: options.file, line: lines }]);
      tally.add({ call: resolved.calls[0] as CallInput, source: resolved.sources[0]! });
    },
    finish() {
      const kept = tally.calls();
      const problems: SourceProblem[] =
        tally.dropped > 0
          ? [
              {
                source: { file: options.file },
                code: "too-many-unidentified",
                message: `${tally.dropped} more distinct unidentified requests not listed`,
              },
            ]
          : [];
      return { calls: kept, problems, summary: { lines, calls, distinct: kept.length, dropped: tally.dropped } };
    },
  };
};
