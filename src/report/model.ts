import type { Endpoint } from "../catalog/compile-catalog.js";
import type { TokenCheck, TokenListCheck } from "../checker/check-token.js";
import type { Plan } from "../planner/minimal-scopes.js";
import type { SourceLocation, SourceProblem } from "../sources/types.js";

/** What a report is made from: a plan or a token check, where each call came from, and input problems. */
export interface ReportInput<S extends string = string> {
  readonly result:
    | { readonly kind: "plan"; readonly plan: Plan<S> }
    | { readonly kind: "check"; readonly check: TokenCheck<S> | TokenListCheck<S> };
  /** Where call `i` came from, by the index results carry. */
  readonly sources?: readonly (SourceLocation | undefined)[];
  /** Input items that could not be read as calls (bad lines, unclassified source code). */
  readonly problems?: readonly SourceProblem[];
  /** The endpoints a scope unlocks: lets reports say what an unused scope needlessly opens. */
  readonly grants?: (scope: S) => readonly Endpoint[];
  /** Where a token's scope name is written (its JSON file), so unused and unknown scopes get a location. */
  readonly scopeSource?: (scope: string) => SourceLocation | undefined;
  /** Tool version for SARIF; defaults to the package's. */
  readonly toolVersion?: string;
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
    help: "The catalog has no endpoint for this call (unknown, invalid, or method not allowed), so no token can be vouched for it. Fix the call, or check the catalog.",
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
    help: "A line, entry or expression could not be read as an API call (bad log line, HAR entry without a request, source call scopewise cannot classify). It is not covered.",
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

/** The single-token checks of a check result, each with its label (`""` for a single token). */
export const tokenChecks = <S extends string>(
  check: TokenCheck<S> | TokenListCheck<S>,
): { label: string; check: TokenCheck<S> }[] =>
  check.kind === "token"
    ? [{ label: "", check }]
    : check.tokens.map((t, i) => ({
        label: `token ${t.id ?? `#${i + 1}`}${t.note ? ` (${t.note})` : ""}`,
        check: t.check,
      }));

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
