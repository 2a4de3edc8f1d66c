import type { Catalog } from "../../catalog/types.js";
import type { MatchResult } from "../../matcher/result.js";
import type { SdkOperation } from "../../sources/sdk-operations.js";
import type { SdkTree } from "./sdk-extract.js";

/** One operation of the committed mapping (data/dynamic-sdk-operations.json), with why it is undocumented. */
export type SdkOperationRecord = SdkOperation & { readonly status?: string };

/** The committed mapping: the SDK and catalog it was made from, and every operation. */
export interface SdkMapping {
  readonly sdk: { readonly name: string; readonly version: string };
  readonly catalog: { readonly name: string; readonly version: string };
  readonly operations: readonly SdkOperationRecord[];
}

/**
 * Maps each SDK operation to the catalog: the endpoint and scopes it matches, or
 * `documented: false` (and why) when the catalog has no scope for it. Never guesses.
 */
export const buildMapping = (
  sdk: SdkTree,
  catalog: Catalog,
  requiredScopes: (call: { method: string; path: string }) => MatchResult,
): SdkMapping => {
  if (sdk.problems.length > 0) throw new Error(`cannot read ${sdk.name}:\n${sdk.problems.join("\n")}`);
  return {
    sdk: { name: sdk.name, version: sdk.version },
    catalog: { name: catalog.name, version: catalog.version },
    operations: sdk.operations.map(({ operation, method, path }) => {
      const r = requiredScopes({ method, path });
      return r.status === "matched"
        ? { operation, method, path, documented: true, endpoint: r.endpoint.path, anyOf: r.anyOf }
        : { operation, method, path, documented: false, status: r.status };
    }),
  };
};
