import type { Catalog } from "../catalog/types.js";
import type { MatchResult } from "../matcher/result.js";

// Spellings servers read differently: a call written so is never one an ignore may take.
const AMBIGUOUS = new Set([
  "empty-segment",
  "dot-segment",
  "bad-escape",
  "encoded-unreserved",
  "encoded-delimiter",
  "control-character",
  "backslash",
  "look-alike",
]);

const segmentsOf = (path: string): string[] => (path === "/" ? [] : path.slice(1).split("/"));

/** True when `path` equals one of the catalog's templates but for the case of its literal segments. */
const caseVariant = (catalog: Catalog<string>, method: string, path: string): boolean => {
  const segments = segmentsOf(path).map((s) => s.toLowerCase());
  return catalog.endpoints.some((e) => {
    if (e.method !== method) return false;
    const template = segmentsOf(e.path);
    return (
      template.length === segments.length &&
      template.every((t, i) => t.startsWith(":") || t.toLowerCase() === segments[i])
    );
  });
};

/**
 * Why no ignore entry may take a call, or undefined when one may. An ignore is for requests that are
 * not Dynamic endpoints (health checks, the browser SDK's own calls); it must never hide a call a server
 * could route to an endpoint: an ambiguous spelling, a path on Dynamic's own API host outside the API, or
 * a case variant of an endpoint. Those stay in the run, where they fail as unidentified.
 */
export const protectedReason = (
  catalog: Catalog<string>,
  result: MatchResult,
  host: string | undefined,
): string | undefined => {
  if (result.status === "invalid") {
    if (AMBIGUOUS.has(result.code)) return `it is spelled ambiguously (${result.code})`;
    if (result.code === "outside-base-path" && host !== undefined && apiHosts(catalog).has(host))
      return `it was sent to Dynamic's API host ${host}`;
    return undefined;
  }
  if (result.status === "unknown" && caseVariant(catalog, result.request.method, result.request.path))
    return "it is a case variant of a catalog endpoint";
  return undefined;
};

const hosts = new WeakMap<Catalog<string>, ReadonlySet<string>>();

/** The hosts of the catalog's own base URLs (`app.dynamicauth.com`, …): they serve nothing but the API. */
export const apiHosts = (catalog: Catalog<string>): ReadonlySet<string> => {
  let found = hosts.get(catalog);
  if (found === undefined) hosts.set(catalog, (found = new Set(catalog.baseUrls.map((u) => new URL(u).host))));
  return found;
};
