// The browser-safe core: re-exports only. Node-only readers and the scanner are in "scopewise/node".

// Dynamic's catalog and the four questions, bound to it
export { dynamicCatalog } from "./catalog/dynamic-catalog.js";
export { DYNAMIC_SCOPES, type Scope } from "./catalog/dynamic-scopes.js";
export { requiredScopes, checkToken, minimalScopes, grants, auditTokens } from "./api/dynamic.js";

// Any catalog
export { createCalculator, type Calculator } from "./api/calculator.js";
export { parseCatalog, type ParseCatalogOptions } from "./catalog/parse-catalog.js";
export type {
  Catalog,
  CatalogData,
  CatalogEndpoint,
  CatalogSource,
  Endpoint,
  EndpointData,
  EndpointRef,
  ScopeData,
  ScopeInfo,
  Risk,
  RiskData,
  RiskLevel,
  UndocumentedData,
  UndocumentedEndpoint,
} from "./catalog/types.js";
export { CatalogError, ConfigError, InputError, type Issue } from "./util/errors.js";
export { MAX_URL_LENGTH } from "./matcher/limits.js";

// Answers
export type { CallInput } from "./matcher/read-call.js";
export type { MatchResult, InvalidCode, NormalizedRequest } from "./matcher/result.js";
export type { CallReport, UnidentifiedCall } from "./matcher/match-calls.js";
export type { CallLike, SourceLocation, SourcedCall } from "./matcher/sourced-call.js";
export type { Plan, ScopeReason, CitedCall, DeprecatedCall } from "./planner/minimal-scopes.js";
export type { CheckToken, CheckResult, TokenCheck, TokenListCheck, MissingScope } from "./checker/check-token.js";
export type { TokenInput, SingleTokenInput, TokenListInput } from "./checker/read-token.js";
export { DEFAULT_MAX_AGE_DAYS } from "./checker/audit-tokens.js";
export type {
  AuditCalls,
  AuditOptions,
  AuditProblem,
  AuditedToken,
  AuditMissing,
  HeldScope,
  TokenAudit,
} from "./checker/audit-types.js";
export {
  readLiveTokenList,
  readLiveToken,
  type LiveToken,
  type LiveTokenList,
  type ScopeList,
} from "./checker/read-live-tokens.js";

// Call sources
export { readHar, type HarOptions, type HarResult, type HarSummary } from "./sources/har.js";
export { parseLogLine, type LogLine, type LogLineOptions } from "./sources/log-line.js";
export {
  parseLogFormat,
  LOG_FORMAT_NAMES,
  type LogFormat,
  type LogFormatName,
  type LineFormat,
} from "./sources/logs/formats.js";
export type { RecordingOptions } from "./sources/recording.js";
export { rewriteIssues, type Rewrite } from "./sources/rewrites.js";
export { createLogReader, type LogReader, type LogReaderOptions, type LogSummary } from "./sources/log.js";
export {
  parseCallsFile,
  createCallsReader,
  type CallsFileOptions,
  type CallsReader,
  type CallsSummary,
} from "./sources/calls-file.js";
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
export { resolveOperationName, resolveOperationNames } from "./sources/operation-calls.js";
export { onBaseUrls } from "./sources/base-url.js";
export type { SourceProblem, SourceRead, ScanSummary } from "./sources/types.js";

// The CI gate: scopewise.config.json, its ignores, and the policy check behind `scopewise verify`
export { CONFIG_FILE } from "./gate/config-schema.js";
export type { ScopewiseConfig, ConfigInput, IgnoreEntry, RewriteEntry } from "./gate/types.js";
export { parseConfig, type ParsedConfig } from "./gate/parse-config.js";
export { createIgnorer, type Ignorer, type IgnorerOptions } from "./gate/ignorer.js";
export type { IgnoreReport, IgnoreRuleReport, IgnoredCall } from "./gate/types.js";
export { verifyPolicy, type VerifyResult, type TokenVerdict, type TokenPolicy, type PolicyGap } from "./gate/verify.js";
export { updatePolicy, type PolicyChange } from "./gate/update.js";

// Keeping the catalog true: diffs with their semver weight, and their impact on calls and tokens
export { diffCatalogs } from "./upkeep/diff-catalogs.js";
export { impactOf } from "./upkeep/impact.js";
export { bumpVersion, type Bump } from "./upkeep/semver.js";
export type { CatalogChange, CatalogDiff, CatalogImpact, ChangeKind, ImpactItem, ImpactToken } from "./upkeep/types.js";
export { RISK_LEVELS, RISK_MEANING } from "./catalog/risk.js";

// Reports: one model, five formats
export {
  RULES,
  type Report,
  type ReportResult,
  type InputSummary,
  type LiveTokenInfo,
  type TokenCreation,
  type Finding,
  type Rule,
  type RuleId,
} from "./report/model.js";
export { reportFindings } from "./report/findings.js";
export { formatReport, REPORT_FORMATS, type ReportFormat } from "./report/format.js";
export { textReport, type TextOptions } from "./report/text.js";
export { jsonReport } from "./report/json.js";
export { markdownReport } from "./report/markdown.js";
export { sarifReport, type SarifLog } from "./report/sarif.js";
export { githubReport } from "./report/github.js";
export { formatLocation } from "./report/location.js";
export { deniedCalls, deniedMessage, type DeniedCall } from "./report/denied.js";
