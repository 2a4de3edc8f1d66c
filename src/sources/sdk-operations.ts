import data from "../../data/dynamic-sdk-operations.json" with { type: "json" };
import { didYouMean } from "../util/edit-distance.js";

/** One `@dynamic-labs/sdk-api` operation as the committed mapping records it. */
export interface SdkOperation {
  /** `Class.method`, e.g. `UsersApi.getEnvironmentUsers`. */
  readonly operation: string;
  readonly method: string;
  /** The SDK's path template, `{name}` params. */
  readonly path: string;
  /** False when the catalog has no scope for it: such a call is never identified. */
  readonly documented: boolean;
  /** The catalog template it matched, when documented. */
  readonly endpoint?: string;
  readonly anyOf?: readonly string[];
}

/** The SDK version and catalog the mapping was generated from. */
export const sdkOperationsInfo: {
  readonly sdk: { readonly name: string; readonly version: string };
  readonly catalog: { readonly name: string; readonly version: string };
} = {
  sdk: data.sdk,
  catalog: data.catalog,
};

let index: Map<string, SdkOperation> | undefined;
// Built on first use so that importing the library costs nothing until an operation is looked up.
const byName = (): Map<string, SdkOperation> =>
  (index ??= new Map((data.operations as SdkOperation[]).map((o) => [o.operation, o])));

/** Every operation, sorted by name. */
export const sdkOperations = (): readonly SdkOperation[] => [...byName().values()];

/** Result of {@link lookupSdkOperation}. */
export type SdkLookup =
  | { readonly status: "found"; readonly operation: SdkOperation }
  | { readonly status: "not-found"; readonly name: string; readonly didYouMean?: string };

/** Finds `UsersApi.getUser` (or its `…Raw` twin) in the mapping. */
export const lookupSdkOperation = (name: string): SdkLookup => {
  const found = byName().get(name) ?? byName().get(name.replace(/Raw$/, ""));
  if (found) return { status: "found", operation: found };
  const guess = didYouMean(name, byName().keys());
  return guess === undefined ? { status: "not-found", name } : { status: "not-found", name, didYouMean: guess };
};

/** True for text shaped like an SDK operation name: `SomethingApi.method`. */
export const isOperationName = (text: string): boolean => /^[A-Z][A-Za-z0-9]*Api\.[a-z][A-Za-z0-9]*$/.test(text);

// `usersApi.getUser`: an SDK instance's name, written where the class name belongs.
const INSTANCE_CALL = /^([a-z][A-Za-z0-9]*Api)\.([a-z][A-Za-z0-9]*)$/;

/** For `usersApi.getUser` (an instance name where the class belongs): why it is not read, with the class name. */
export const instanceCallNote = (text: string): string | undefined => {
  const instance = INSTANCE_CALL.exec(text);
  if (!instance) return undefined;
  const asClass = `${instance[1]![0]!.toUpperCase()}${instance[1]!.slice(1)}.${instance[2]}`;
  const found = lookupSdkOperation(asClass);
  const guess = found.status === "found" ? asClass : found.didYouMean;
  return `${text} looks like an SDK instance call; give the class and method${guess ? `: did you mean ${guess}?` : ""}`;
};

/**
 * The call an operation name stands for: its method and SDK path. An undocumented
 * operation keeps its real path, so the catalog reports it unknown (fail closed).
 */
export const operationCall = (
  name: string,
):
  { readonly call: { method: string; path: string }; readonly operation: SdkOperation } | { readonly note: string } => {
  const r = lookupSdkOperation(name);
  if (r.status === "found")
    return { call: { method: r.operation.method, path: r.operation.path }, operation: r.operation };
  const { name: sdk, version } = sdkOperationsInfo.sdk;
  return { note: `${sdk} ${version} has no operation ${name}${r.didYouMean ? `; did you mean ${r.didYouMean}?` : ""}` };
};
