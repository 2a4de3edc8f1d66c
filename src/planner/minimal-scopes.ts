import { blastRadius } from "../catalog/blast-radius.js";
import type { Catalog, Endpoint } from "../catalog/compile-catalog.js";
import type { EndpointRef } from "../catalog/schema.js";
import { matchAll, toReports, unidentified, type CallReport, type UnidentifiedCall } from "../matcher/match-calls.js";
import { solveCover } from "./solve-cover.js";
import { settle } from "../util/settle.js";

/** Why one scope is in the plan: the calls it covers. */
export interface ScopeReason<S extends string> {
  readonly scope: S;
  /** Endpoints this scope unlocks in total, implications included. */
  readonly unlocks: number;
  readonly calls: readonly { readonly index: number; readonly call: string; readonly endpoint: Endpoint }[];
}

/** A matched call whose endpoint the catalog marks deprecated. */
export interface DeprecatedCall {
  readonly index: number;
  readonly call: string;
  readonly endpoint: Endpoint;
  readonly replacedBy?: EndpointRef;
}

/**
 * The answer of `minimalScopes`. `calls`, `reasons`, `unknown` and `deprecated` are
 * built on first read (then kept); they serialize and spread like plain fields.
 */
export interface Plan<S extends string = string> {
  readonly catalog: { readonly name: string; readonly version: string };
  /** The minimal scope set, sorted by name. */
  readonly scopes: readonly S[];
  /** Endpoints the whole set unlocks. */
  readonly unlocks: number;
  /** True when every call was identified, so `scopes` covers all of them. */
  readonly complete: boolean;
  readonly reasons: readonly ScopeReason<S>[];
  readonly calls: readonly CallReport<S>[];
  readonly unknown: readonly UnidentifiedCall[];
  readonly deprecated: readonly DeprecatedCall[];
}

/** The exact minimal scope set for `calls` per `catalog`, with the reason for each scope. */
export const minimalScopesIn = <S extends string>(catalog: Catalog<S>, calls: Iterable<unknown>): Plan<S> => {
  const matched = matchAll(catalog, calls);
  // Dedupe before solving: many calls share one endpoint, and so one any-of list.
  const requirements = new Set<readonly S[]>();
  let unmatched = 0;
  for (const result of matched.results) {
    if (result.status === "matched") requirements.add(result.anyOf);
    else unmatched++;
  }
  const scopes = solveCover({ requirements: [...requirements], blastRadius: (set) => blastRadius(catalog, set) });
  // Per-call reports and explanations are built on first read: a plan over a large log is
  // often wanted only for its scopes, and building them costs more than the solve.
  let reports: CallReport<S>[] | undefined;
  const reportsOf = (): CallReport<S>[] => (reports ??= toReports(matched));
  let explained: { reasons: ScopeReason<S>[]; deprecated: DeprecatedCall[] } | undefined;
  const explain = (): { reasons: ScopeReason<S>[]; deprecated: DeprecatedCall[] } => {
    if (explained) return explained;
    const byScope = new Map<S, ScopeReason<S>["calls"][number][]>(scopes.map((s) => [s, []]));
    const deprecated: DeprecatedCall[] = [];
    for (const { index, call, result } of reportsOf()) {
      if (result.status !== "matched") continue;
      const { endpoint } = result;
      for (const s of result.anyOf) byScope.get(s)?.push({ index, call, endpoint });
      if (endpoint.deprecated)
        deprecated.push({ index, call, endpoint, ...(endpoint.replacedBy ? { replacedBy: endpoint.replacedBy } : {}) });
    }
    explained = {
      reasons: scopes.map((scope) => ({
        scope,
        unlocks: catalog._grants.get(scope)?.length ?? 0,
        calls: byScope.get(scope) ?? [],
      })),
      deprecated,
    };
    return explained;
  };
  return {
    catalog: { name: catalog.name, version: catalog.version },
    scopes,
    unlocks: blastRadius(catalog, scopes),
    complete: unmatched === 0,
    get reasons() {
      return settle(this, "reasons", explain().reasons);
    },
    get calls() {
      return settle(this, "calls", reportsOf());
    },
    get unknown() {
      return settle(this, "unknown", unidentified(reportsOf()));
    },
    get deprecated() {
      return settle(this, "deprecated", explain().deprecated);
    },
  };
};
