import type { CallLike } from "../matcher/sourced-call.js";
import type { MatchResult } from "../matcher/result.js";
import type { SourceLocation, SourceProblem, SourcedCall } from "./types.js";

/** Distinct calls kept from a stream, each with its first location and how often it was seen. */
export interface Tally {
  add(call: SourcedCall): void;
  /** One call per distinct endpoint (or per distinct unidentified request) and denial status, in first-seen order. */
  calls(): SourcedCall[];
  /** Unidentified requests past the cap: counted, not kept (the answer is incomplete anyway). */
  readonly dropped: number;
}

/** Distinct unidentified requests kept; past it only a count grows, so memory stays bounded. */
export const MAX_DISTINCT_UNIDENTIFIED = 1000;

const keyOf = (r: MatchResult, call: SourcedCall["call"]): { key: string; identified: boolean } => {
  switch (r.status) {
    case "matched":
      return { key: `${r.endpoint.method} ${r.endpoint.path}`, identified: true };
    case "invalid": {
      // Each spelling apart: two invalid requests with one reason (`/API/V0/…`, `//api/v0/…`) are two findings.
      const { method, url } = call as { method?: unknown; url?: unknown };
      return { key: `invalid ${r.reason} ${String(method)} ${String(url)}`, identified: false };
    }
    default:
      return { key: `${r.status} ${r.request.method} ${r.request.path}`, identified: false };
  }
};

/**
 * Folds a stream of calls into one call per endpoint, so a log of millions of lines
 * keeps only as many calls as the API has endpoints (plus capped unidentified ones).
 */
export const createTally = (
  requiredScopes: (call: CallLike) => MatchResult,
  /** Calls to leave out before folding (a config's ignores, which keep their own count). */
  skip?: (call: SourcedCall) => boolean,
): Tally => {
  const seen = new Map<string, { call: SourcedCall["call"]; source: SourceLocation; count: number }>();
  let unidentified = 0;
  let dropped = 0;
  return {
    add(sourced) {
      if (skip?.(sourced)) return;
      const { call, source } = sourced;
      const read = keyOf(requiredScopes(call as CallLike), call);
      const { identified } = read;
      // A denied call stays apart from the same endpoint's other calls, so its status is reported.
      const key = source.status === undefined ? read.key : `${read.key} ${source.status}`;
      const entry = seen.get(key);
      if (entry) entry.count++;
      else if (!identified && unidentified >= MAX_DISTINCT_UNIDENTIFIED) dropped++;
      else {
        if (!identified) unidentified++;
        seen.set(key, { call, source, count: 1 });
      }
    },
    calls: () =>
      [...seen.values()].map(({ call, source, count }) => ({
        call,
        source: count === 1 ? source : { ...source, occurrences: count },
      })),
    get dropped() {
      return dropped;
    },
  };
};

/** The problem that says a tally dropped unidentified requests past its cap; none when it dropped none. */
export const droppedProblem = (file: string, dropped: number): SourceProblem[] =>
  dropped === 0
    ? []
    : [
        {
          source: { file },
          code: "too-many-unidentified",
          message: `${dropped} more distinct unidentified requests not listed`,
        },
      ];

/**
 * Folds calls read whole (a large JSON calls array, a large HAR) as a stream's are: one call
 * per endpoint, distinct unidentified requests capped, so every report of them stays bounded.
 */
export const foldCalls = (
  calls: readonly SourcedCall[],
  requiredScopes: (call: CallLike) => MatchResult,
  file: string,
  /** As for a stream: calls left out before folding (a config's ignores, which keep count). */
  skip?: (call: SourcedCall) => boolean,
): { calls: SourcedCall[]; problems: SourceProblem[]; dropped: number } => {
  const tally = createTally(requiredScopes, skip);
  for (const call of calls) tally.add(call);
  return { calls: tally.calls(), problems: droppedProblem(file, tally.dropped), dropped: tally.dropped };
};
