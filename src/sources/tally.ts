import type { CallLike } from "../matcher/sourced-call.js";
import type { Endpoint } from "../catalog/types.js";
import type { MatchResult } from "../matcher/result.js";
import { detach } from "../util/detach.js";
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

// Unidentified requests by what makes them distinct: each invalid spelling apart (two invalid requests with
// one reason, `/API/V0/…` and `//api/v0/…`, are two findings), unknown ones by their normalized request.
const unidentifiedKey = (r: Exclude<MatchResult, { status: "matched" }>, call: SourcedCall["call"]): string => {
  if (r.status !== "invalid") return `${r.status} ${r.request.method} ${r.request.path}`;
  const { method, url } = call as { method?: unknown; url?: unknown };
  return `invalid ${r.reason} ${String(method)} ${String(url)}`;
};

/** A call kept past its line: its strings detached from the chunk of input they were sliced from. */
const own = (call: SourcedCall["call"]): SourcedCall["call"] => {
  if (typeof call === "string") return detach(call);
  if (typeof call !== "object" || call === null) return call;
  const { method, url } = call as { method?: unknown; url?: unknown };
  // The readers' own shape only; any other call is the caller's object, kept as given.
  if (typeof method !== "string" || typeof url !== "string" || Object.keys(call as object).length !== 2) return call;
  return { method: detach(method), url: detach(url) };
};

interface Entry {
  readonly call: SourcedCall["call"];
  readonly source: SourceLocation;
  count: number;
}

/**
 * Folds a stream of calls into one call per endpoint, so a log of millions of lines
 * keeps only as many calls as the API has endpoints (plus capped unidentified ones).
 */
export const createTally = (
  requiredScopes: (call: CallLike) => MatchResult,
  /** Calls to leave out before folding (a config's ignores, which keep their own count). */
  skip?: (call: SourcedCall) => boolean,
): Tally => {
  // In first-seen order; found by endpoint (a matched call without a denial, the common case) or by key.
  const entries: Entry[] = [];
  const byEndpoint = new Map<Endpoint, Entry>();
  const byKey = new Map<string, Entry>();
  let unidentified = 0;
  let dropped = 0;
  const keep = (call: SourcedCall["call"], source: SourceLocation): Entry => {
    const entry = { call: own(call), source, count: 1 };
    entries.push(entry);
    return entry;
  };
  return {
    add(sourced) {
      if (skip?.(sourced)) return;
      const { call, source } = sourced;
      const r = requiredScopes(call as CallLike);
      if (r.status === "matched" && source.status === undefined) {
        const entry = byEndpoint.get(r.endpoint);
        if (entry !== undefined) entry.count++;
        else byEndpoint.set(r.endpoint, keep(call, source));
        return;
      }
      // A denied call stays apart from the same endpoint's other calls, so its status is reported.
      const key = r.status === "matched" ? `${r.endpoint.method} ${r.endpoint.path}` : unidentifiedKey(r, call);
      const entry = byKey.get(source.status === undefined ? key : `${key} ${source.status}`);
      if (entry !== undefined) entry.count++;
      else if (r.status !== "matched" && unidentified >= MAX_DISTINCT_UNIDENTIFIED) dropped++;
      else {
        if (r.status !== "matched") unidentified++;
        byKey.set(source.status === undefined ? key : `${key} ${source.status}`, keep(call, source));
      }
    },
    calls: () =>
      entries.map(({ call, source, count }) => ({
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
