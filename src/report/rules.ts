import { UPKEEP_RULES } from "./rules-upkeep.js";

/** The kinds of problem reports name; one SARIF rule each. */
export type RuleId =
  | "unidentified-call"
  | "missing-scope"
  | "unreadable-input"
  | "unused-scope"
  | "unknown-scope"
  | "deprecated-endpoint"
  | "required-scope"
  | "no-calls"
  | "not-minimal"
  | "expired-ignore"
  | "unused-ignore"
  | "ignored-endpoint"
  | "ignored-call"
  | "unrestricted-token"
  | "incomplete-token-list"
  | "broader-scope"
  | "stale-token"
  | "denied"
  | "unread-page-line"
  | "breaking-impact"
  | "version-understated"
  | "breaking-change"
  | "catalog-change"
  | "sdk-drift"
  | "suppressed-finding"
  | "cover-not-minimal";

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
  {
    id: "no-calls",
    level: "error",
    short: "No calls to vouch for",
    help: "A token's inputs hold no calls (or every call was ignored): an empty recording proves nothing.",
  },
  {
    id: "not-minimal",
    level: "warning",
    short: "Policy is not the minimal set",
    help: "The policy covers every call but a smaller set would too; scopewise verify --update writes it.",
  },
  {
    id: "expired-ignore",
    level: "error",
    short: "Ignore entry expired",
    help: "An ignore entry is past its expires date, so it ignores nothing: renew it (with a reason) or remove it.",
  },
  {
    id: "unused-ignore",
    level: "warning",
    short: "Ignore entry matches nothing",
    help: "No call of this run matches the ignore entry: remove it before it hides a call nobody meant to hide.",
  },
  {
    id: "ignored-endpoint",
    level: "warning",
    short: "Ignored call is a Dynamic endpoint",
    help: "An ignore entry hides a call the catalog identifies, so no scope is vouched for it. Narrow the entry.",
  },
  {
    id: "ignored-call",
    level: "note",
    short: "Call ignored by the config",
    help: "An ignore entry of scopewise.config.json takes this call out of the run, with the reason it gives.",
  },
  {
    id: "unrestricted-token",
    level: "error",
    short: "Token without a scope list",
    help:
      "Dynamic's answer carries no scope list for this token (absent, empty or not a list): it may be " +
      "unrestricted, and nobody can say what it may do. Replace it with a token that has explicit scopes.",
  },
  {
    id: "incomplete-token-list",
    level: "error",
    short: "Token list not read whole",
    help:
      "The token list answer looks like one page of several, or has entries that are not tokens: " +
      "tokens scopewise did not see cannot be vouched for.",
  },
  {
    id: "broader-scope",
    level: "warning",
    short: "Scope broader than needed",
    help:
      "The token covers its calls with scopes that unlock more endpoints than the fewest that would do. " +
      "Swap them for the narrower ones.",
  },
  {
    id: "stale-token",
    level: "warning",
    short: "Token past its rotation age",
    help:
      "The token is older than the allowed age (90 days by default), or its age is unknown. " +
      "Create a new one and delete this one.",
  },
  {
    id: "denied",
    level: "warning",
    short: "Call denied (401/403)",
    help:
      "The recorded response denied the call. The finding says which scopes the call needs, and whether " +
      "the token lacks them; the call still counts for the plan.",
  },
  ...UPKEEP_RULES,
  {
    id: "suppressed-finding",
    level: "note",
    short: "Finding suppressed in source",
    help:
      "A `scopewise-ignore-next-line: reason` comment silences what scopewise could not classify on the next " +
      "line (never a call: a suppression cannot remove a scope). Review the reason.",
  },
  {
    id: "cover-not-minimal",
    level: "warning",
    short: "Scope set not proven minimal",
    help:
      "The catalog gives many endpoints several alternative scopes, and the exact search stopped at its budget: " +
      "the scopes listed cover every identified call, but a smaller set may exist.",
  },
];
