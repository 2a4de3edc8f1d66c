import type { Compiled } from "../catalog/compiled.js";
import type { EndpointRef, UndocumentedEndpoint } from "../catalog/types.js";
import { describeError } from "../util/describe-error.js";
import { MAX_CALLS } from "./limits.js";
import { matchCall } from "./required-scopes.js";
import { invalid, type MatchResult } from "./result.js";
import { isPair, unwrapSourced, type SourceLocation } from "./sourced-call.js";

/** One input call and what the catalog says of it. */
export interface CallReport<S extends string = string> {
  /** Position in the input list, from 0. */
  readonly index: number;
  /** The call as written, for display (long input is cut). */
  readonly call: string;
  /** Where it was read, when it came as `{ call, source }`. */
  readonly source?: SourceLocation;
  readonly result: MatchResult<S>;
}

/** A call that could not be identified, kept in the answer rather than dropped. */
export interface UnidentifiedCall {
  readonly index: number;
  readonly call: string;
  readonly source?: SourceLocation;
  readonly status: "unknown" | "invalid" | "method-not-allowed";
  readonly reason: string;
  /** For `unknown`: up to 3 nearest catalog endpoints. */
  readonly suggestions?: readonly EndpointRef[];
  /** For `unknown`: the endpoint it is known to be, when it exists with no documented scope. */
  readonly undocumented?: UndocumentedEndpoint;
}

/** @internal Calls as read and their answers, index for index (reports are built from them on demand). */
export interface MatchedCalls<S extends string> {
  readonly inputs: readonly unknown[];
  readonly sources: readonly (SourceLocation | undefined)[];
  readonly results: readonly MatchResult<S>[];
}

const MAX_SHOWN = 300;
const cut = (s: string): string => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);

/** @internal A printable form of any call input; never throws. */
export const describeCall = (call: unknown): string => {
  try {
    if (typeof call === "string") return cut(call.trim());
    if (typeof call === "object" && call !== null) {
      const { method, url, path } = call as { method?: unknown; url?: unknown; path?: unknown };
      const target = url ?? path;
      const shown = typeof target === "object" && target !== null ? (target as { href?: unknown }).href : target;
      return cut(`${typeof method === "string" ? method : "?"} ${typeof shown === "string" ? shown : "?"}`);
    }
    return cut(String(call));
  } catch {
    return "(unreadable call)";
  }
};

const isIterable = (value: unknown): value is Iterable<unknown> => {
  try {
    const iterator = (value as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator];
    return typeof value === "object" && value !== null && typeof iterator === "function";
  } catch {
    return false;
  }
};

/**
 * @internal Matches every call: the one loop `checkToken` and `minimalScopes` share.
 * Never throws and never drops a call silently: a single string is one call, a
 * value that is not a list is one `invalid` call, an iterator that throws and
 * calls past {@link MAX_CALLS} end the list with an `invalid` entry saying so.
 */
export const matchAll = <S extends string>(compiled: Compiled<S>, calls: Iterable<unknown>): MatchedCalls<S> => {
  const inputs: unknown[] = [];
  const sources: (SourceLocation | undefined)[] = [];
  const results: MatchResult<S>[] = [];
  const add = (input: unknown, result?: MatchResult<S>): void => {
    let call = input;
    let source: SourceLocation | undefined;
    // Most calls are not pairs: read without allocating.
    if (result === undefined && isPair(input)) ({ call, source } = unwrapSourced(input));
    inputs.push(call);
    sources.push(source);
    results.push(result ?? matchCall(compiled, call));
  };
  if (typeof calls === "string") {
    add(calls);
    return { inputs, sources, results };
  }
  if (!isIterable(calls)) {
    add(calls, invalid("bad-call", "calls must be a list (an iterable) of calls"));
    return { inputs, sources, results };
  }
  try {
    for (const call of calls) {
      if (results.length === MAX_CALLS) {
        const why = `more than ${MAX_CALLS} calls in one run; the rest were not read`;
        add("(more calls)", invalid("too-many-calls", why));
        break;
      }
      add(call);
    }
  } catch (error) {
    add("(calls)", invalid("bad-call", `reading the list of calls threw: ${describeError(error)}`));
  }
  return { inputs, sources, results };
};

/** @internal One report per call: its position, how it reads, where it came from, and its answer. */
export const toReports = <S extends string>({ inputs, sources, results }: MatchedCalls<S>): CallReport<S>[] =>
  results.map((result, index) => {
    const source = sources[index];
    const call = describeCall(inputs[index]);
    return source === undefined ? { index, call, result } : { index, call, source, result };
  });

// Reasons by what they are made of: suggestions and undocumented entries are shared by every call
// that has them (the matcher remembers them), so thousands of unknown calls build a few reasons.
const reasonsOf = new WeakMap<object, string>();
const remembered = (key: object, make: () => string): string => {
  let reason = reasonsOf.get(key);
  if (reason === undefined) reasonsOf.set(key, (reason = make()));
  return reason;
};

/** Why a call that did not match could not be checked, in one line. */
export const unidentifiedReason = (result: MatchResult): string => {
  switch (result.status) {
    case "invalid":
      return result.reason;
    case "method-not-allowed":
      return `the catalog has this path only for ${result.allowedMethods.join(", ")}`;
    case "unknown": {
      const { undocumented, suggestions } = result;
      if (undocumented)
        return remembered(undocumented, () => {
          const { method, path, source } = undocumented;
          if (method === "*") return `no documented scope: under ${path.slice(0, -2)}/…, an API known from ${source}`;
          return `exists, but no documented scope (${method} ${path}, known from ${source})`;
        });
      return suggestions.length > 0
        ? remembered(
            suggestions,
            () => `not in the catalog; nearest: ${suggestions.map((s) => `${s.method} ${s.path}`).join(", ")}`,
          )
        : "not in the catalog";
    }
    case "matched":
      return "matched";
  }
};

/** @internal The calls that did not match, with why; shared by the checker and the planner. */
export const unidentified = <S extends string>(reports: readonly CallReport<S>[]): UnidentifiedCall[] => {
  const out: UnidentifiedCall[] = [];
  for (const { index, call, source, result } of reports) {
    if (result.status === "matched") continue;
    const reason = unidentifiedReason(result);
    const where = source === undefined ? {} : { source };
    if (result.status !== "unknown") out.push({ index, call, ...where, status: result.status, reason });
    else {
      const known = result.undocumented ? { undocumented: result.undocumented } : {};
      out.push({ index, call, ...where, status: "unknown", reason, suggestions: result.suggestions, ...known });
    }
  }
  return out;
};
