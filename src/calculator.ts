import type { Catalog, Endpoint } from "./catalog/compile-catalog.js";
import { grantsIn } from "./catalog/grants.js";
import { checkTokenIn, type TokenCheck, type TokenListCheck } from "./checker/check-token.js";
import type { SingleTokenInput, TokenListInput } from "./checker/read-token.js";
import type { CallInput } from "./matcher/read-call.js";
import { requiredScopesIn } from "./matcher/required-scopes.js";
import type { MatchResult } from "./matcher/result.js";
import { minimalScopesIn, type Plan } from "./planner/minimal-scopes.js";

/** The scopewise functions bound to one catalog. */
export interface Calculator<S extends string> {
  readonly catalog: Catalog<S>;
  /** Which scopes one call needs. Never throws. */
  requiredScopes(call: CallInput | unknown): MatchResult<S>;
  /** Is a token (scopes or Dynamic token JSON) enough for `calls`? */
  checkToken(token: TokenListInput, calls: Iterable<CallInput>): TokenListCheck<S>;
  checkToken(token: SingleTokenInput, calls: Iterable<CallInput>): TokenCheck<S>;
  checkToken(token: unknown, calls: Iterable<unknown>): TokenCheck<S> | TokenListCheck<S>;
  /** The exact minimal scope set for `calls`, with reasons. */
  minimalScopes(calls: Iterable<unknown>): Plan<S>;
  /** The endpoints a scope unlocks. */
  grants(scope: S): readonly Endpoint[];
}

/** Binds `requiredScopes`, `checkToken`, `minimalScopes` and `grants` to another catalog. */
export const createCalculator = <S extends string>(catalog: Catalog<S>): Calculator<S> => ({
  catalog,
  requiredScopes: (call) => requiredScopesIn(catalog, call),
  checkToken: ((token: unknown, calls: Iterable<unknown>) =>
    checkTokenIn(catalog, token, calls)) as Calculator<S>["checkToken"],
  minimalScopes: (calls) => minimalScopesIn(catalog, calls),
  grants: (scope) => grantsIn(catalog, scope),
});
