import type { AuditedToken, TokenAudit } from "../checker/audit-types.js";
import type { CheckResult } from "../checker/check-token.js";
import type { LiveToken } from "../checker/read-live-tokens.js";
import type { Endpoint, EndpointRef, Risk, RiskLevel, ScopeInfo } from "../catalog/types.js";
import type { MatchResult } from "../matcher/result.js";
import type { Plan } from "../planner/minimal-scopes.js";
import type { CallsSummary } from "../sources/calls-file.js";
import type { HarSummary } from "../sources/har.js";
import type { LogSummary } from "../sources/log.js";
import type { ScanSummary, SourceLocation, SourceProblem } from "../sources/types.js";
import type { IgnoreReport } from "../gate/types.js";
import type { VerifyResult } from "../gate/verify.js";
import type { CatalogDiff, CatalogImport, SdkDrift } from "../upkeep/types.js";
import type { Rule, RuleId } from "./rules.js";

export { RULES, type Rule, type RuleId } from "./rules.js";

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
  | {
      readonly kind: "need";
      readonly call: string;
      readonly result: MatchResult<S>;
      /** The rating of each scope the answer names (absent for unrated ones). */
      readonly risks?: Readonly<Record<string, Risk>>;
    }
  | { readonly kind: "plan"; readonly plan: Plan<S> }
  | {
      readonly kind: "check";
      readonly check: CheckResult<S>;
      /** Unused and unknown scopes fail the check too. */
      readonly strict: boolean;
      /** `check --live`: the token checked, as Dynamic describes it (its scope list, broader scopes, age). */
      readonly live?: LiveTokenInfo<S>;
      /** Unused scopes rated above this fail the check (unrated counts as above every level). */
      readonly maxUnusedRisk?: RiskLevel;
    }
  | { readonly kind: "audit"; readonly environment: string; readonly audit: TokenAudit<S> }
  | { readonly kind: "whoami"; readonly live: LiveTokenInfo<S> }
  | { readonly kind: "token-create"; readonly create: TokenCreation<S> }
  | {
      readonly kind: "scopes";
      readonly catalog: { readonly name: string; readonly version: string };
      readonly scopes: readonly ScopeInfo<S>[];
    }
  | {
      readonly kind: "grants";
      readonly scope: S;
      readonly endpoints: readonly Endpoint[];
      /** The scope's rating; absent when the catalog does not rate it. */
      readonly risk?: Risk;
    }
  | {
      readonly kind: "verify";
      readonly verify: VerifyResult<S>;
      /** Errors only: warnings and notes are counted, not shown. */
      readonly quiet?: boolean;
      /** More warnings than this fail the run (`--max-warnings`). */
      readonly maxWarnings?: number;
    }
  | { readonly kind: "catalog-import"; readonly import: CatalogImport }
  | { readonly kind: "catalog-diff"; readonly diff: CatalogDiff }
  | { readonly kind: "sdk-drift"; readonly drift: SdkDrift };

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
  /** Ratings of the scopes a check names where its answer does not carry them (granted, missing). */
  readonly risks?: Readonly<Record<string, Risk>>;
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

/** One finding: a rule broken (or a note), with its message and where. */
export interface Finding {
  readonly ruleId: RuleId;
  readonly level: Rule["level"];
  readonly message: string;
  readonly source?: SourceLocation;
  /** Set for calls the config ignores: SARIF marks the result suppressed, with this justification. */
  readonly suppressed?: string;
}
