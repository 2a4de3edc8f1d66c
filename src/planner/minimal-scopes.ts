import { blastRadius, coverCost } from "../catalog/blast-radius.js";
import { compiledOf } from "../catalog/compiled.js";
import type { Catalog, Endpoint, EndpointRef, Risk } from "../catalog/types.js";
import { matchAll, toReports, unidentified, type CallReport, type UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../matcher/sourced-call.js";
import { settle } from "../util/settle.js";
import { solveCover } from "../util/solve-cover.js";

/** A call, as a plan's explanations cite it. */
export interface CitedCall {
  readonly index: number;
  readonly call: string;
  readonly source?: SourceLocation;
  readonly endpoint: Endpoint;
}

/** Why one scope is in the plan: the calls it covers. */
export interface ScopeReason<S extends string> {
  readonly scope: S;
  /** Endpoints this scope unlocks in total, implications included. */
  readonly unlocks: number;
  /** The scope's rating; absent when the catalog does not rate it. */
  readonly risk?: Risk;
  readonly calls: readonly CitedCall[];
}

/** A matched call whose endpoint the catalog marks deprecated. */
export interface DeprecatedCall extends CitedCall {
  readonly replacedBy?: EndpointRef;
}

/**
 * The answer of `minimalScopes`. `calls`, `reasons`, `unidentified` and `deprecated` are
 * built on first read (then kept); they are own properties, so they spread, serialize
 * and survive `structuredClone` like plain fields.
 */
export interface Plan<S extends string = string> {
  readonly catalog: { readonly name: string; readonly version: string };
  /** The minimal scope set, sorted by name. */
  readonly scopes: readonly S[];
  /**
   * True when `scopes` is proven minimal. False only when a catalog with many alternative
   * scopes per endpoint made the exact search run out of its budget: `scopes` is then the best
   * cover found, still covering every identified call, but a smaller set may exist.
   */
  readonly optimal: boolean;
  /** Endpoints the whole set unlocks. */
  readonly unlocks: number;
  /** True when every call was identified, so `scopes` covers all of them. */
  readonly complete: boolean;
  readonly reasons: readonly ScopeReason<S>[];
  readonly calls: readonly CallReport<S>[];
  /** Calls that could not be identified: `scopes` does not cover them. */
  readonly unidentified: readonly UnidentifiedCall[];
  readonly deprecated: readonly DeprecatedCall[];
}

const cite = (report: CallReport, endpoint: Endpoint): CitedCall => {
  const { index, call, source } = report;
  return source === undefined ? { index, call, endpoint } : { index, call, source, endpoint };
};

/** The exact minimal set of scopes for `calls` per `catalog`, with the reason for each scope. */
export const minimalScopesIn = <S extends string>(catalog: Catalog<S>, calls: Iterable<unknown>): Plan<S> => {
  const compiled = compiledOf(catalog);
  const matched = matchAll(compiled, calls);
  // Dedupe before solving: many calls share one endpoint, and so one any-of list.
  const requirements = new Set<readonly S[]>();
  let unmatched = 0;
  for (const result of matched.results) {
    if (result.status === "matched") requirements.add(result.anyOf);
    else unmatched++;
  }
  // Ties (covers of equal size) go to the lower risk, then the smaller blast radius.
  const cover = solveCover({ requirements: [...requirements], cost: (set) => coverCost(compiled, set) });
  const scopes = cover.scopes;
  // Per-call reports and explanations are built on first read: a plan over a large log is
  // often wanted only for its scopes, and building them costs more than the solve.
  let reports: CallReport<S>[] | undefined;
  const reportsOf = (): CallReport<S>[] => (reports ??= toReports(matched));
  let explained: { reasons: ScopeReason<S>[]; deprecated: DeprecatedCall[] } | undefined;
  const explain = (): { reasons: ScopeReason<S>[]; deprecated: DeprecatedCall[] } => {
    if (explained) return explained;
    const byScope = new Map<S, CitedCall[]>(scopes.map((s) => [s, []]));
    const deprecated: DeprecatedCall[] = [];
    for (const report of reportsOf()) {
      const { result } = report;
      if (result.status !== "matched") continue;
      const cited = cite(report, result.endpoint);
      for (const s of result.anyOf) byScope.get(s)?.push(cited);
      const { replacedBy } = result.endpoint;
      if (result.endpoint.deprecated) deprecated.push(replacedBy ? { ...cited, replacedBy } : cited);
    }
    const unlocks = (scope: S): number => compiled.grants.get(scope)?.length ?? 0;
    const reasons = scopes.map((scope) => {
      const risk = compiled.risks.get(scope);
      return { scope, unlocks: unlocks(scope), ...(risk ? { risk } : {}), calls: byScope.get(scope) ?? [] };
    });
    return (explained = { reasons, deprecated });
  };
  return {
    catalog: { name: catalog.name, version: catalog.version },
    scopes,
    optimal: cover.optimal,
    unlocks: blastRadius(compiled, scopes),
    complete: unmatched === 0,
    get reasons() {
      return settle(this, "reasons", explain().reasons);
    },
    get calls() {
      return settle(this, "calls", reportsOf());
    },
    get unidentified() {
      return settle(this, "unidentified", unidentified(reportsOf()));
    },
    get deprecated() {
      return settle(this, "deprecated", explain().deprecated);
    },
  };
};
