import type { CheckResult } from "../checker/check-token.js";
import type { Endpoint, EndpointRef, ScopeInfo } from "../catalog/types.js";
import type { MatchResult } from "../matcher/result.js";
import type { Plan } from "../planner/minimal-scopes.js";
import type { CallsSummary } from "../sources/calls-file.js";
import type { HarSummary } from "../sources/har.js";
import type { LogSummary } from "../sources/log.js";
import type { ScanSummary, SourceLocation, SourceProblem } from "../sources/types.js";

/** What one input held: a calls file, a HAR, an access log, or scanned source. */
export type InputSummary = CallsSummary | HarSummary | LogSummary | ScanSummary;

/** The answer a report presents; one kind per command. */
export type ReportResult<S extends string = string> =
  | { readonly kind: "need"; readonly call: string; readonly result: MatchResult<S> }
  | { readonly kind: "plan"; readonly plan: Plan<S> }
  | {
      readonly kind: "check";
      readonly check: CheckResult<S>;
      /** Unused and unknown scopes fail the check too. */
      readonly strict: boolean;
    }
  | {
      readonly kind: "scopes";
      readonly catalog: { readonly name: string; readonly version: string };
      readonly scopes: readonly ScopeInfo<S>[];
    }
  | { readonly kind: "grants"; readonly scope: S; readonly endpoints: readonly Endpoint[] };

/**
 * Everything a report shows, as plain data: every format (text, json, markdown, sarif,
 * github) renders from it and nothing else.
 */
export interface Report<S extends string = string> {
  /** Who made it: SARIF names the tool and version. */
  readonly tool?: { readonly name: string; readonly version: string };
  readonly result: ReportResult<S>;
  /** What each input held, in the order read. */
  readonly inputs?: readonly InputSummary[];
  /** Input items that could not be read as calls (bad lines, unclassified source code). */
  readonly problems?: readonly SourceProblem[];
  /** The endpoints of each scope a check lists as unused: what it opens for nothing. */
  readonly unlocked?: readonly { readonly scope: string; readonly endpoints: readonly EndpointRef[] }[];
  /** Where a token's scope names are written (its JSON file), so unused and unknown scopes get a location. */
  readonly scopeSources?: readonly { readonly scope: string; readonly source: SourceLocation }[];
}

/** The kinds of problem reports name; one SARIF rule each. */
export type RuleId =
  | "unidentified-call"
  | "missing-scope"
  | "unreadable-input"
  | "unused-scope"
  | "unknown-scope"
  | "deprecated-endpoint"
  | "required-scope";

/** One rule: its short description and the help text SARIF viewers show. */
export interface Rule {
  readonly id: RuleId;
  readonly level: "error" | "warning" | "note";
  readonly short: string;
  readonly help: string;
}

/** Every rule, in a fixed order (SARIF `ruleIndex` follows it). */
export const RULES: readonly Rule[] = [
  {
    id: "unidentified-call",
    level: "error",
    short: "Call not identified",
    help:
      "The catalog has no endpoint for this call (unknown, invalid, or method not allowed), " +
      "so no token can be vouched for it. Fix the call, or check the catalog.",
  },
  {
    id: "missing-scope",
    level: "error",
    short: "Token lacks a scope",
    help: "The token has none of the scopes this call needs. Add one of them.",
  },
  {
    id: "unreadable-input",
    level: "error",
    short: "Input not read as a call",
    help:
      "A line, entry or expression could not be read as an API call (bad log line, HAR entry without a " +
      "request, source call scopewise cannot classify). It is not covered.",
  },
  {
    id: "unused-scope",
    level: "warning",
    short: "Scope not needed",
    help: "The token carries a scope no call needs: it unlocks endpoints for nothing. Remove it.",
  },
  {
    id: "unknown-scope",
    level: "warning",
    short: "Scope name not in the catalog",
    help: "The token names a scope the catalog does not know: a typo, or a scope from another catalog version.",
  },
  {
    id: "deprecated-endpoint",
    level: "warning",
    short: "Deprecated endpoint",
    help: "The call uses an endpoint Dynamic marks deprecated; move to its replacement.",
  },
  {
    id: "required-scope",
    level: "note",
    short: "Scopes a call needs",
    help: "Any one of the listed scopes lets the token make this call.",
  },
];

/** One finding: a rule broken (or a note), with its message and where. */
export interface Finding {
  readonly ruleId: RuleId;
  readonly level: Rule["level"];
  readonly message: string;
  readonly source?: SourceLocation;
}
