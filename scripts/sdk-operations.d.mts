import type { MatchResult } from "../src/index.js";

export interface SdkOperationRecord {
  operation: string;
  method: string;
  path: string;
  documented: boolean;
  endpoint?: string;
  anyOf?: string[];
  status?: string;
}
export interface SdkMapping {
  sdk: { name: string; version: string };
  catalog: { name: string; version: string };
  operations: SdkOperationRecord[];
}
export declare const sdkPackage: () => { name: string; version: string; dir: string };
export declare const extractOperations: (dir: string) => {
  operations: { operation: string; method: string; path: string }[];
  problems: string[];
};
export declare const buildMapping: (options: {
  requiredScopes: (call: { method: string; path: string }) => MatchResult;
  catalog: { name: string; version: string };
}) => SdkMapping;
