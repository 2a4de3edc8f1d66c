import type { CallLike } from "../matcher/sourced-call.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import { InputError } from "../util/errors.js";
import type { MatchResult } from "../matcher/result.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { stripBom } from "../util/bom.js";
import { parseJsonInput } from "../util/parse-json.js";
import { hasHiddenBreak } from "../util/line-breaks.js";
import { trimAscii } from "../util/trim-ascii.js";
import { repeatedCallKeys } from "./call-keys.js";
import { resolveOperationName } from "./operation-calls.js";
import { LINE_TOO_LONG, MAX_LINE_LENGTH } from "./limits.js";
import { createTally, droppedProblem } from "./tally.js";
import type { SourceProblem, SourceRead, SourcedCall } from "./types.js";

/** What a calls file held. */
export interface CallsSummary {
  readonly format: "calls";
  readonly file: string;
  readonly lines: number;
  /** Items that were calls (lines that are not blank or comments, or array items). */
  readonly calls: number;
  /** Calls kept: every one when read whole; one per endpoint (or distinct unidentified request) when streamed. */
  readonly distinct: number;
  /** Distinct unidentified requests past the cap, counted only (streamed files). */
  readonly dropped: number;
  /** True when the calls were folded to one per endpoint: a file over 1 MiB (lines streamed, or a JSON array). */
  readonly streamed: boolean;
}

/** Options for the calls-file readers. */
export interface CallsFileOptions {
  /** Shown in locations; `calls` by default. */
  readonly file?: string;
  /** Identifies calls so a stream folds into one call per endpoint; Dynamic's catalog by default. */
  readonly requiredScopes?: (call: CallLike) => MatchResult;
  /** Calls a streamed file leaves out before folding: a config's ignores, which count what they take. */
  readonly skip?: (call: SourcedCall) => boolean;
}

// A line over the cap is not read at all: a problem at its line, never a call cut short.
const tooLong = (file: string, line: number): SourceProblem => ({
  source: { file, line },
  code: "line-too-long",
  message: LINE_TOO_LONG,
});

// One line of a calls file: blank lines and `#` comments skip, SDK operation names resolve.
const lineCall = (text: string, file: string, line: number): SourcedCall | undefined => {
  const call = trimAscii(line === 1 ? stripBom(text) : text);
  // A comment holding a hidden line break may hide a call: it is read as a call (and refused), not skipped.
  if (call === "" || (call.startsWith("#") && !hasHiddenBreak(call))) return undefined;
  return resolveOperationName(call, { file, line });
};

/**
 * Reads a whole calls document: `METHOD URL` lines (blank lines and `#` comments
 * skipped, SDK operation names such as `UsersApi.getUser` resolved) or a JSON array of
 * such strings and `{ method, url }` objects. Malformed JSON is an `InputError`; an object giving a key it
 * is read by twice is a `duplicate-key` problem, not a call.
 */
export const parseCallsFile = (text: string, options: CallsFileOptions = {}): SourceRead<CallsSummary> => {
  const file = options.file ?? "calls";
  const body = stripBom(text);
  const calls: SourcedCall[] = [];
  const problems: SourceProblem[] = [];
  let lines = 0;
  if (body.trimStart().startsWith("[")) {
    const value = parseJsonInput(body, file);
    if (!Array.isArray(value)) {
      throw new InputError(
        "invalid-json",
        [{ code: "invalid-json", path: "$", message: "expected a JSON array of calls" }],
        file,
      );
    }
    const repeated = repeatedCallKeys(body, value, file);
    problems.push(...repeated.problems);
    value.forEach((item: unknown, i) => {
      if (repeated.items.has(i)) return;
      const source = { file, path: `$[${i}]` };
      calls.push(typeof item === "string" ? resolveOperationName(trimAscii(item), source) : { call: item, source });
    });
    lines = body.split("\n").length;
  } else {
    for (const text of body.split(/\r?\n/)) {
      if (text.length > MAX_LINE_LENGTH) problems.push(tooLong(file, ++lines));
      else {
        const call = lineCall(text, file, ++lines);
        if (call !== undefined) calls.push(call);
      }
    }
  }
  const summary: CallsSummary = {
    format: "calls",
    file,
    lines,
    calls: calls.length,
    distinct: calls.length,
    dropped: 0,
    streamed: false,
  };
  return { calls, problems, summary };
};

/** A `METHOD URL` calls file fed line by line: memory stays bounded by the distinct endpoints. */
export interface CallsReader {
  line(text: string): void;
  finish(): SourceRead<CallsSummary>;
}

/** Reads a calls file one line at a time, folding calls into one per endpoint like a log. */
export const createCallsReader = (options: CallsFileOptions = {}): CallsReader => {
  const file = options.file ?? "calls";
  const tally = createTally(options.requiredScopes ?? ((call) => requiredScopesIn(dynamicCatalog, call)), options.skip);
  const problems: SourceProblem[] = [];
  let lines = 0;
  let count = 0;
  return {
    line(text) {
      // Each such line is over 1 MiB of input, so their list stays small next to the input.
      if (text.length > MAX_LINE_LENGTH) return void problems.push(tooLong(file, ++lines));
      const call = lineCall(text, file, ++lines);
      if (call === undefined) return;
      count++;
      tally.add(call);
    },
    finish() {
      const calls = tally.calls();
      const summary: CallsSummary = {
        format: "calls",
        file,
        lines,
        calls: count,
        distinct: calls.length,
        dropped: tally.dropped,
        streamed: true,
      };
      return { calls, problems: [...problems, ...droppedProblem(file, tally.dropped)], summary };
    },
  };
};
