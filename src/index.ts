import { dynamicCatalog } from "./catalog/dynamic-catalog.js";
import type { Scope } from "./catalog/dynamic-scopes.js";
import type { Endpoint } from "./catalog/compile-catalog.js";
import { grantsIn } from "./catalog/grants.js";
import { checkTokenIn, type TokenCheck, type TokenListCheck } from "./checker/check-token.js";
import type { SingleTokenInput, TokenListInput } from "./checker/read-token.js";
import type { CallInput } from "./matcher/read-call.js";
import { requiredScopesIn } from "./matcher/required-scopes.js";
import type { MatchResult } from "./matcher/result.js";
import { minimalScopesIn, type Plan } from "./planner/minimal-scopes.js";

export { createCalculator, type Calculator } from "./calculator.js";
export { parseCatalog, type ParseCatalogOptions } from "./catalog/parse-catalog.js";
export { dynamicCatalog } from "./catalog/dynamic-catalog.js";
export { compileCatalog, type Catalog, type Endpoint } from "./catalog/compile-catalog.js";
export {
  catalogSchema,
  type CatalogData,
  type ScopeData,
  type EndpointData,
  type EndpointRef,
} from "./catalog/schema.js";
export type { Scope } from "./catalog/dynamic-scopes.js";
export type { CallInput } from "./matcher/read-call.js";
export type { MatchResult, InvalidCode, NormalizedRequest } from "./matcher/result.js";
export type { CallReport, UnidentifiedCall } from "./matcher/match-calls.js";
export type { TokenCheck, TokenListCheck, MissingScope } from "./checker/check-token.js";
export type { TokenInput, SingleTokenInput, TokenListInput } from "./checker/read-token.js";
export type { Plan, ScopeReason, DeprecatedCall } from "./planner/minimal-scopes.js";
export { CatalogError, InputError, type Issue } from "./errors.js";
export { MAX_URL_LENGTH } from "./matcher/limits.js";

/** Which Dynamic scopes one call needs: `requiredScopes("GET /environments/e1/users")`. Never throws. */
export const requiredScopes = (call: CallInput): MatchResult<Scope> => requiredScopesIn(dynamicCatalog, call);

/** Is a Dynamic token (scopes array or token JSON) enough for `calls`? */
export function checkToken(token: TokenListInput, calls: Iterable<CallInput>): TokenListCheck<Scope>;
export function checkToken(token: SingleTokenInput, calls: Iterable<CallInput>): TokenCheck<Scope>;
export function checkToken(token: unknown, calls: Iterable<unknown>): TokenCheck<Scope> | TokenListCheck<Scope>;
export function checkToken(token: unknown, calls: Iterable<unknown>): TokenCheck<Scope> | TokenListCheck<Scope> {
  return checkTokenIn(dynamicCatalog, token, calls);
}

/** The exact minimal set of Dynamic scopes for `calls`, with the reason for each. */
export const minimalScopes = (calls: Iterable<CallInput>): Plan<Scope> => minimalScopesIn(dynamicCatalog, calls);

/** The Dynamic endpoints a scope unlocks. */
export const grants = (scope: Scope): readonly Endpoint[] => grantsIn(dynamicCatalog, scope);

// Call sources and reports
export { readHar, type HarOptions, type HarResult, type HarSummary } from "./sources/har.js";
export { parseLogLine, type LogLine } from "./sources/log-line.js";
export { createLogReader, type LogReader, type LogSummary } from "./sources/log.js";
export { recordCalls, type RecordedCall, type Recorder } from "./sources/record-calls.js";
export {
  lookupSdkOperation,
  operationCall,
  sdkOperations,
  sdkOperationsInfo,
  isOperationName,
  type SdkOperation,
  type SdkLookup,
} from "./sources/sdk-operations.js";
export { resolveOperationNames } from "./sources/operation-calls.js";
export { onBaseUrls } from "./sources/base-url.js";
export { formatLocation, type SourceLocation, type SourcedCall, type SourceProblem } from "./sources/types.js";
export { markdownReport } from "./report/markdown.js";
export { sarifReport, type SarifLog } from "./report/sarif.js";
export { githubReport } from "./report/github.js";
export { reportFindings } from "./report/findings.js";
export { RULES, type ReportInput, type Finding, type Rule, type RuleId } from "./report/model.js";
