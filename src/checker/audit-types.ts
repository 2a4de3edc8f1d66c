import type { Endpoint, Risk } from "../catalog/types.js";
import type { CallReport, UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../matcher/sourced-call.js";
import type { LiveTokenList, ScopeList } from "./read-live-tokens.js";

/** Options of {@link auditTokensIn}. */
export interface AuditOptions {
  /** The calls the tokens are for: each token is compared with their minimal scope set. */
  readonly calls?: Iterable<unknown>;
  /** The moment ages are counted to (default: now). */
  readonly now?: Date | number;
  /** Older tokens fail the audit with a rotation hint; default {@link DEFAULT_MAX_AGE_DAYS}. */
  readonly maxAgeDays?: number;
  /** More signs that the list is one page of several (e.g. a `Link: rel="next"` header). */
  readonly pagingHints?: readonly string[];
}

/**
 * Why a token fails the audit:
 * - `unrestricted`: no usable scope list (absent, empty or malformed): unrestricted or unknown;
 * - `unknown-scope`: a scope name the catalog does not know (or a scope entry that is not a string);
 * - `over-privileged`: with calls, scopes to `remove` (unused, or broader than the calls need);
 * - `too-old`: older than `maxAgeDays`: rotate it;
 * - `age-unknown`: no readable `createdAt` (missing, not ISO 8601 with a zone, or in the future), so its age
 *   cannot be vouched for.
 */
export type AuditProblem = "unrestricted" | "unknown-scope" | "over-privileged" | "too-old" | "age-unknown";

/** A scope a token holds, with how many endpoints it unlocks and its rating (absent when unrated). */
export interface HeldScope<S extends string> {
  readonly scope: S;
  readonly unlocks: number;
  readonly risk?: Risk;
}

/** A call a token cannot make. */
export interface AuditMissing<S extends string> {
  readonly index: number;
  readonly call: string;
  readonly source?: SourceLocation;
  readonly endpoint: Endpoint;
  /** Any one of these would cover the call. */
  readonly anyOf: readonly S[];
}

/** One token of the list, audited. */
export interface AuditedToken<S extends string = string> {
  readonly id?: string;
  readonly note?: string;
  readonly checksum?: string;
  /** As the API sent it. */
  readonly createdAt?: string;
  /** Whole days from `createdAt` to the audit's `asOf`; absent when `createdAt` is missing or unreadable. */
  readonly ageDays?: number;
  readonly scopeList: ScopeList;
  /** Known scopes it holds, in catalog order. */
  readonly scopes: readonly HeldScope<S>[];
  /** Names the catalog does not know, and scope entries that are not strings (shown as JSON). */
  readonly unknownScopes: readonly { readonly scope: string; readonly didYouMean?: S }[];
  /** With calls: the calls it cannot make. */
  readonly missing?: readonly AuditMissing<S>[];
  /** With calls: held scopes no call needs. */
  readonly unused?: readonly HeldScope<S>[];
  /**
   * With calls: the scopes it holds for the calls it can make unlock more than the fewest that would
   * do (`instead`), e.g. `settings.write` where `settings.read` is enough.
   */
  readonly broader?: {
    readonly holds: readonly S[];
    readonly unlocks: number;
    readonly instead: readonly S[];
    readonly insteadUnlocks: number;
  };
  /** With calls: scopes to take away (the unused, and the broader ones). */
  readonly remove?: readonly S[];
  /** With calls: the fewest scopes to add, after `remove`, so every identified call is covered. */
  readonly add?: readonly S[];
  /** Empty when the token is fine. */
  readonly problems: readonly AuditProblem[];
}

/** The calls an audit compares tokens with: their minimal scope set (as `minimalScopes` finds it), and each call. */
export interface AuditCalls<S extends string = string> {
  /** The minimal scope set, sorted by name. */
  readonly scopes: readonly S[];
  /** Endpoints the set unlocks. */
  readonly unlocks: number;
  /** True when every call was identified. */
  readonly complete: boolean;
  readonly calls: readonly CallReport<S>[];
  readonly unidentified: readonly UnidentifiedCall[];
}

/** The answer of {@link auditTokensIn}: plain data. */
export interface TokenAudit<S extends string = string> {
  readonly kind: "audit";
  readonly catalog: { readonly name: string; readonly version: string };
  /** The moment ages are counted to, ISO 8601. */
  readonly asOf: string;
  readonly maxAgeDays: number;
  /** With calls: their minimal scope set, and each call. */
  readonly minimal?: AuditCalls<S>;
  readonly tokens: readonly AuditedToken<S>[];
  /** Entries of the answer that are not tokens: each is a token nobody can vouch for. */
  readonly unreadable: LiveTokenList["unreadable"];
  /** Signs that the list is one page of several. */
  readonly pagingHints: readonly string[];
  /**
   * True only when the list is whole and readable, every input call was identified, and no token has
   * a problem. Fail closed: anything scopewise cannot vouch for makes it false.
   */
  readonly ok: boolean;
}
