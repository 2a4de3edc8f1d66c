import { sdkOperations, sdkOperationsInfo, type SdkOperation } from "../../sources/sdk-operations.js";

/** The module name every `@dynamic-labs/sdk-api` import (and subpath) resolves to in a scan. */
export const SDK_MODULE = "@dynamic-labs/sdk-api";

/** True for `@dynamic-labs/sdk-api` and its subpaths (`…/apis/UsersApi`). */
export const isSdkModule = (specifier: string): boolean =>
  specifier === SDK_MODULE || specifier.startsWith(`${SDK_MODULE}/`);

/**
 * Where the stand-in declaration of the SDK lives in a scan's program. It is virtual: the host
 * answers it from memory, whatever is (or is not) installed in `node_modules`.
 */
export const SDK_STUB_FILE = "/__scopewise__/dynamic-labs-sdk-api.d.ts";

interface SdkIndex {
  /** `getUser` → `UsersApi.getUser`, and `getUserRaw` → the same operation. */
  readonly byMethod: ReadonlyMap<string, SdkOperation>;
  /** `UsersApi.getUser` → its operation. */
  readonly byName: ReadonlyMap<string, SdkOperation>;
  readonly classes: ReadonlySet<string>;
  readonly stub: string;
}

let index: SdkIndex | undefined;

/**
 * The SDK as scopewise knows it (the committed operation mapping), and a declaration file built from
 * it: each API class with its operations and their `…Raw` twins, on a `BaseAPI` with the middleware
 * helpers that return `this`. Typing the SDK from the mapping rather than from `node_modules` makes a
 * scan give the same answer with or without the package installed and under any `moduleResolution`
 * (the package's own `.d.ts` re-exports without file extensions, so under NodeNext its classes are
 * `any`). A method the mapping lacks is not declared, so a call of it is reported, never guessed.
 */
export const sdkIndex = (): SdkIndex => {
  if (index !== undefined) return index;
  const byMethod = new Map<string, SdkOperation>();
  const byName = new Map<string, SdkOperation>();
  const methods = new Map<string, string[]>();
  for (const op of sdkOperations()) {
    const dot = op.operation.indexOf(".");
    const cls = op.operation.slice(0, dot);
    const method = op.operation.slice(dot + 1);
    byName.set(op.operation, op);
    byMethod.set(method, op);
    byMethod.set(`${method}Raw`, op);
    methods.set(cls, [...(methods.get(cls) ?? []), method]);
  }
  const { version } = sdkOperationsInfo.sdk;
  const lines = [
    `// ${SDK_MODULE} ${version} as scopewise's operation mapping knows it (generated).`,
    "export declare class Configuration { constructor(parameters?: any); readonly [key: string]: any; }",
    "export declare class BaseAPI {",
    "  constructor(configuration?: any);",
    "  withMiddleware<T extends BaseAPI>(this: T, ...middlewares: any[]): T;",
    "  withPreMiddleware<T extends BaseAPI>(this: T, ...middlewares: any[]): T;",
    "  withPostMiddleware<T extends BaseAPI>(this: T, ...middlewares: any[]): T;",
    "  protected configuration: any;",
    "  protected request(context: any, initOverrides?: any): Promise<any>;",
    "}",
    "export declare class ResponseError extends Error { response: any; }",
    "export declare class FetchError extends Error { cause: any; }",
    "export declare class RequiredError extends Error { field: string; }",
    "export declare const BASE_PATH: string;",
  ];
  for (const [cls, names] of [...methods].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`export declare class ${cls} extends BaseAPI {`);
    for (const m of names) lines.push(`  ${m}(requestParameters?: any, initOverrides?: any): Promise<any>;`);
    for (const m of names) lines.push(`  ${m}Raw(requestParameters?: any, initOverrides?: any): Promise<any>;`);
    lines.push("}");
  }
  index = { byMethod, byName, classes: new Set(methods.keys()), stub: `${lines.join("\n")}\n` };
  return index;
};
