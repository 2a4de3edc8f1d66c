import { grantsIn } from "../catalog/grants.js";
import type { Catalog, Endpoint } from "../catalog/types.js";
import { auditTokensIn } from "../checker/audit-tokens.js";
import type { AuditOptions, TokenAudit } from "../checker/audit-types.js";
import { checkTokenIn, type CheckToken } from "../checker/check-token.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import type { MatchResult } from "../matcher/result.js";
import type { CallLike } from "../matcher/sourced-call.js";
import { minimalScopesIn, type Plan } from "../planner/minimal-scopes.js";

/** The scopewise functions bound to one catalog. */
export interface Calculator<S extends string> {
  readonly catalog: Catalog<S>;
  /** Which scopes one call needs. Never throws. */
  readonly requiredScopes: (call: CallLike) => MatchResult<S>;
  /** Is a token (scopes or Dynamic token JSON) enough for `calls`? */
  readonly checkToken: CheckToken<S>;
  /** The exact minimal scope set for `calls`, with reasons. */
  readonly minimalScopes: (calls: Iterable<CallLike>) => Plan<S>;
  /** The endpoints a scope unlocks; a name the catalog lacks is an `InputError`. */
  readonly grants: (scope: S) => readonly Endpoint[];
  /** Audits Dynamic's token list answer: scope lists, unknown names, age, and each token against `calls`. */
  readonly auditTokens: (list: unknown, options?: AuditOptions) => TokenAudit<S>;
}

/** Binds `requiredScopes`, `checkToken`, `minimalScopes` and `grants` to a catalog. */
export const createCalculator = <S extends string>(catalog: Catalog<S>): Calculator<S> => ({
  catalog,
  requiredScopes: (call) => requiredScopesIn(catalog, call),
  checkToken: ((token: unknown, calls: Iterable<unknown>) => checkTokenIn(catalog, token, calls)) as CheckToken<S>,
  minimalScopes: (calls) => minimalScopesIn(catalog, calls),
  grants: (scope) => grantsIn(catalog, scope),
  auditTokens: (list, options) => auditTokensIn(catalog, list, options),
});
