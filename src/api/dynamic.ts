import type { Calculator } from "./calculator.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import type { Scope } from "../catalog/dynamic-scopes.js";
import { grantsIn } from "../catalog/grants.js";
import { auditTokensIn } from "../checker/audit-tokens.js";
import { checkTokenIn, type CheckToken } from "../checker/check-token.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { minimalScopesIn } from "../planner/minimal-scopes.js";

// Four functions rather than one calculator object, so a bundle that imports only
// `requiredScopes` leaves the planner, the checker and their helpers out.

/** Which Dynamic scopes one call needs: `requiredScopes("GET /environments/e1/users")`. Never throws. */
export const requiredScopes: Calculator<Scope>["requiredScopes"] = (call) => requiredScopesIn(dynamicCatalog, call);

/** Is a Dynamic token (scopes array or token JSON) enough for `calls`? */
export const checkToken = ((token: unknown, calls: Iterable<unknown>) =>
  checkTokenIn(dynamicCatalog, token, calls)) as CheckToken<Scope>;

/** The exact minimal set of Dynamic scopes for `calls`, with the reason for each. */
export const minimalScopes: Calculator<Scope>["minimalScopes"] = (calls) => minimalScopesIn(dynamicCatalog, calls);

/** The Dynamic endpoints a scope unlocks; a name Dynamic lacks is an `InputError` (`unknown-scope`). */
export const grants: Calculator<Scope>["grants"] = (scope) => grantsIn(dynamicCatalog, scope);

/**
 * Audits Dynamic's token list (`GET /environments/:environmentId/tokens`, parsed JSON): scope lists (none
 * means unrestricted-or-unknown), unknown scope names, age, and with `calls` each token against their
 * minimal scopes. Plain data; `ok` is false for anything it cannot vouch for.
 */
export const auditTokens: Calculator<Scope>["auditTokens"] = (list, options) =>
  auditTokensIn(dynamicCatalog, list, options);
