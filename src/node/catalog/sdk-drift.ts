import type { Catalog } from "../../catalog/types.js";
import { requiredScopesIn } from "../../matcher/required-scopes.js";
import type { SdkDrift } from "../../upkeep/types.js";
import type { SdkTree } from "./sdk-extract.js";
import type { SdkMapping } from "./sdk-mapping.js";

const template = (path: string): string => path.replace(/\{(\w+)\}/g, ":$1");
const shapeKey = (method: string, path: string): string => `${method} ${template(path).replace(/\/:[^/]+/g, "/:")}`;

/**
 * Compares a catalog with an installed SDK: operations with no documented scope the catalog
 * does not know of, operations gone or changed since the baseline mapping, catalog endpoints
 * the SDK no longer serves, undocumented endpoints it no longer has, and TokenScopes drift.
 */
export const sdkDrift = (catalog: Catalog, sdk: SdkTree, baseline: SdkMapping): SdkDrift => {
  const served = new Set<string>();
  const seen = new Set<string>();
  const newUndocumented = sdk.operations.flatMap(({ operation, method, path }) => {
    seen.add(shapeKey(method, path));
    const r = requiredScopesIn(catalog, { method, path });
    if (r.status === "matched") served.add(`${r.endpoint.method} ${r.endpoint.path}`);
    return r.status === "matched" || (r.status === "unknown" && r.undocumented) ? [] : [{ operation, method, path }];
  });
  const now = new Map(sdk.operations.map((o) => [o.operation, o]));
  const vanished = baseline.operations
    .filter((o) => !now.has(o.operation))
    .map(({ operation, method, path }) => ({ operation, method, path }));
  const changed = baseline.operations.flatMap((o) => {
    const n = now.get(o.operation);
    if (n === undefined || (n.method === o.method && n.path === o.path)) return [];
    return [{ ...n, was: { method: o.method, path: o.path } }];
  });
  const catalogOnly = catalog.endpoints
    .filter((e) => !served.has(`${e.method} ${e.path}`))
    .map(({ method, path, anyOf }) => ({ method, path, anyOf }));
  const shapeOf = (path: string): string => template(path).replace(/\/:[^/]+/g, "/:");
  const templates = sdk.operations.map((o) => `${shapeOf(o.path)}/`);
  // A prefix entry (method `*`) is stale when no operation is left under it.
  const gone = (u: { method: string; path: string }): boolean =>
    u.method === "*"
      ? !templates.some((t) => t.startsWith(`${shapeOf(u.path.slice(0, -2))}/`))
      : !seen.has(shapeKey(u.method, u.path));
  const staleUndocumented = catalog.undocumented.filter((u) => u.source.startsWith(`${sdk.name} `) && gone(u));
  const known = new Set<string>(catalog.scopes);
  const scopesNotInCatalog = sdk.tokenScopes.filter((s) => !known.has(s));
  const scopesNotInSdk = sdk.tokenScopes.length === 0 ? [] : catalog.scopes.filter((s) => !sdk.tokenScopes.includes(s));
  const lists = [
    newUndocumented,
    vanished,
    changed,
    catalogOnly,
    staleUndocumented,
    scopesNotInCatalog,
    scopesNotInSdk,
  ];
  return {
    sdk: { name: sdk.name, version: sdk.version },
    baseline: baseline.sdk,
    catalog: { name: catalog.name, version: catalog.version },
    operations: sdk.operations.length,
    newUndocumented,
    vanished,
    changed,
    catalogOnly,
    staleUndocumented: staleUndocumented.map(({ method, path, source }) => ({ method, path, source })),
    scopesNotInCatalog,
    scopesNotInSdk,
    problems: sdk.problems,
    drifted: lists.some((l) => l.length > 0) || sdk.problems.length > 0,
  };
};
