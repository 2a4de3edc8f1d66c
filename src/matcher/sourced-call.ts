import type { CallInput } from "./read-call.js";

/** Where a call was found: a file with line (and column), or with a JSON path. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** JSON path, for items of a JSON document without a line. */
  readonly path?: string;
  /** The SDK operation the call was written as, e.g. `UsersApi.getUser`. */
  readonly operation?: string;
  /** Why the call reads as it does, e.g. an SDK operation name the SDK lacks. */
  readonly note?: string;
  /** How many input items folded into this call (logs keep one call per endpoint); first location shown. */
  readonly occurrences?: number;
  /** The recorded response denied the call: 401 or 403 (HAR `response.status`, a log line's status). */
  readonly status?: number;
}

/** Statuses a recorded response denies a call with: reports explain them as `denied` findings. */
export const isDenial = (status: number | undefined): status is 401 | 403 => status === 401 || status === 403;

/** A call read from a source, with where it came from: what every reader returns and every function accepts. */
export interface SourcedCall<C = unknown> {
  readonly call: C;
  readonly source: SourceLocation;
}

// A `{ call, source }` pair: an object without a `method` that has a `call`. An object with a `method`
// is always a call, whatever else it holds. Told without allocating: every matched call passes here.
/** @internal True for a `{ call, source }` pair. */
export const isPair = (input: unknown): input is { call: unknown; source?: unknown } => {
  if (typeof input !== "object" || input === null) return false;
  try {
    return !("method" in input) && "call" in input;
  } catch {
    return false; // a throwing trap: the matcher reports the call invalid
  }
};

/**
 * @internal A `{ call, source }` pair as its call and source; anything else is a call itself. A pair
 * whose getters throw is a call too (the matcher reports it invalid).
 */
export const unwrapSourced = (input: unknown): { call: unknown; source?: SourceLocation } => {
  if (!isPair(input)) return { call: input };
  try {
    const { call, source } = input;
    return typeof source === "object" && source !== null ? { call, source: source as SourceLocation } : { call };
  } catch {
    return { call: input };
  }
};

/** @internal The call of {@link unwrapSourced}, without allocating for a call that is not a pair. */
export const callOf = (input: unknown): unknown => (isPair(input) ? unwrapSourced(input).call : input);

/** What the functions that read calls accept: a call, or a call with its source as every reader returns it. */
export type CallLike = CallInput | SourcedCall;
