// Node-only adapters: reading files and stdin, and the source scanner. The browser-safe core is "scopewise".
export { readSource, readText, type ReadSourceOptions, type SourceInput } from "./read-source.js";
export { detectFormat, SOURCE_FORMATS, type SourceFormat } from "./detect-format.js";
export { findConfig } from "./config/find-config.js";
export { loadConfig, type LoadedConfig } from "./config/load-config.js";
export { expandInputs, type InputFile } from "./config/expand-inputs.js";
export { scanFiles } from "./scan/scan-files.js";
export { scanSource, scanSources, type ScanSourceResult, type SourceText } from "./scan/scan-source.js";
export { listSourceFiles, type SourceFiles } from "./scan/list-files.js";
export { changedFiles } from "./scan/changed-files.js";
export type {
  ScanFinding,
  ScanMode,
  ScanOptions,
  ScanProgress,
  ScanProject,
  ScanResult,
  ScanSuppression,
  UnclassifiedCode,
  UnresolvedImport,
} from "./scan/types.js";
// Live tokens through Dynamic's SDK (@dynamic-labs/sdk-api): list, create, introspect; deadlines, bounded retries.
export { ApiError, type ApiFailure } from "./tokens/api-error.js";
export {
  createTokensClient,
  DEFAULT_API_URL,
  type IntrospectionApi,
  type TokensClient,
  type TokensClientOptions,
} from "./tokens/client.js";
export type { TransportOptions } from "./tokens/transport.js";
export { listTokens, type ListedTokens } from "./tokens/list-tokens.js";
export { createToken, type CreatedToken } from "./tokens/create-token.js";
export { introspectToken, type Introspection } from "./tokens/introspect-token.js";
export { identifyToken, type IdentifiedToken } from "./tokens/identify-token.js";
export { redact } from "./tokens/redact.js";
export { importCatalog, type ImportOptions } from "./catalog/import-catalog.js";
export { readSdk, type SdkTree, type ExtractedOperation } from "./catalog/sdk-extract.js";
export { sdkDrift } from "./catalog/sdk-drift.js";
export type { SdkMapping, SdkOperationRecord } from "./catalog/sdk-mapping.js";
