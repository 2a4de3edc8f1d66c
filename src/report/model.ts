import type { AuditedToken, TokenAudit } from "../checker/audit-tokens.js";
import type { CheckResult } from "../checker/check-token.js";
import type { LiveToken } from "../checker/read-live-tokens.js";
import type { Endpoint, EndpointRef, ScopeInfo } from "../catalog/types.js";
import type { MatchResult } from "../matcher/result.js";
import type { Plan } from "../planner/minimal-scopes.js";
import type { CallsSummary } from "../sources/calls-file.js";
import type { HarSummary } from "../sources/har.js";
import type { LogSummary } from "../sources/log.js";
import type { ScanSummary, SourceLocation, SourceProblem } from "../sources/types.js";
import type { IgnoreReport } from "../gate/types.js";
import type { VerifyResult } from "../gate/verify.js";

/** What one input held: a calls file, a HAR, an access log, or scanned source. */
export type InputSummary = CallsSummary | HarSummary | LogSummary | ScanSummary;

/** The token a live command runs with, as Dynamic's API describes it, audited; and how it was found. */
export interface LiveTokenInfo<S extends string = string> {
  readonly token: AuditedToken<S>;
  /** `introspection`: `GET /tokens/me` said; `id` / `checksum`: found in the environment's list after a 404. */
  readonly by: "introspection" | "id" | "checksum";
  readonly environment?: string;
  readonly maxAgeDays: number;
}

/** `token create`: the plan behind the new token, the request, and what became of it. Never the secret. */
export interface TokenCreation<S extends string = string> {
  readonly environment: string;
  readonly note: string;
  readonly plan: Plan<S>;
  /** What is sent (or would be, on a dry run); `curl` has `$DYNAMIC_API_TOKEN` where the token goes. */
  readonly request: {
    readonly method: "POST";
    readonly url: string;
    readonly body: { readonly note: string; readonly scopes: readonly S[] };
    readonly curl: string;
  };
  /** `proposed`: shown before asking; `refused`: not sent (see `refused`); `dry-run`; `created`. */
  readonly phase: "proposed" | "refused" | "dry-run" | "created";
  readonly refused?: string;
  readonly created?: {
    readonly token: LiveToken;
    /** Dynamic created exactly the scopes asked for. */
    readonly sameScopes: boolean;
    /** Where the secret went. */
    readonly secret: { readonly file: string } | { readonly stdout: true };
  };
}

/** The answer a report presents; one kind per command. */
export type ReportResult<S extends string = string> =
  | { readonly kind: "need"; readonly call: string; readonly result: MatchResult<S> }
  | { readonly kind: "plan"; readonly plan: Plan<S> }
  | {
      readonly kind: "check";
      readonly check: CheckResult<S>;
      /** Unused and unknown scopes fail the check too. */
      readonly strict: boolean;
      /** `check --live`: the token checked, as Dynamic describes it (its scope list, broader scopes, age). */
      readonly live?: LiveTokenInfo<S>;
    }
  | { readonly kind: "audit"; readonly environment: string; readonly audit: TokenAudit<S> }
  | { readonly kind: "whoami"; readonly live: LiveTokenInfo<S> }
  | { readonly kind: "token-create"; readonly create: TokenCreation<S> }
  | {
      readonly kind: "scopes";
      readonly catalog: { readonly name: string; readonly version: string };
      readonly scopes: readonly ScopeInfo<S>[];
    }
  | { readonly kind: "grants"; readonly scope: S; readonly endpoints: readonly Endpoint[] }
  | {
      readonly kind: "verify";
      readonly verify: VerifyResult<S>;
      /** Errors only: warnings and notes are counted, not shown. */
      readonly quiet?: boolean;
      /** More warnings than this fail the run (`--max-warnings`). */
      readonly maxWarnings?: number;
    };

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
  /** What the config's `ignore` entries took out of the run: listed, never silently dropped. */
  readonly ignores?: IgnoreReport;
  /** Inline suppressions in scanned source: where, why, and what each silenced. */
  readonly suppressions?: readonly Suppression[];
}

/** A `// scopewise-ignore-next-line: reason` comment and the findings it silenced. */
export interface Suppression {
  readonly source: SourceLocation;
  readonly reason: string;
  /** The silenced findings, as messages (`file:line:col text: why`). */
  readonly silenced: readonly string[];
}

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

/** One finding: a rule broken (or a note), with its message and where. */
export interface Finding {
  readonly ruleId: RuleId;
  readonly level: Rule["level"];
  readonly message: string;
  readonly source?: SourceLocation;
  /** Set for calls the config ignores: SARIF marks the result suppressed, with this justification. */
  readonly suppressed?: string;
}
