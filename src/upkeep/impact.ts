import { coverCost } from "../catalog/blast-radius.js";
import { compiledOf } from "../catalog/compiled.js";
import type { Catalog } from "../catalog/types.js";
import { matchAll, toReports, unidentifiedReason, type CallReport } from "../matcher/match-calls.js";
import { solveCover } from "../util/solve-cover.js";
import type { CatalogImpact, ImpactItem, ImpactToken } from "./types.js";

const MAX_CALLS_SHOWN = 5;
const list = (scopes: readonly string[]): string => scopes.join(" or ");
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s) => b.includes(s));
const covers = (token: ImpactToken, anyOf: readonly string[]): boolean => anyOf.some((s) => token.scopes.includes(s));

interface Group {
  item: Omit<ImpactItem, "calls" | "count">;
  calls: { call: string; source?: CallReport["source"] }[];
  count: number;
}

/** What one call's answers before and after say, or undefined when nothing changed for it. */
const judge = (
  before: CallReport,
  after: CallReport,
  tokens: readonly ImpactToken[],
): Omit<ImpactItem, "calls" | "count"> | undefined => {
  const a = before.result;
  const b = after.result;
  if (a.status === "matched") {
    const endpoint = { method: a.endpoint.method, path: a.endpoint.path };
    const was = `(was ${list(a.anyOf)})`;
    if (b.status !== "matched") {
      const denied = tokens.filter((t) => covers(t, a.anyOf)).map((t) => t.label);
      const message = `${endpoint.method} ${endpoint.path} is no longer identified ${was}: ${unidentifiedReason(b)}`;
      return { kind: "no-longer-identified", breaking: true, message, endpoint, before: a.anyOf, after: [], denied };
    }
    const scopes = { before: a.anyOf, after: b.anyOf };
    if (!sameSet(a.anyOf, b.anyOf)) {
      const denied = tokens.filter((t) => covers(t, a.anyOf) && !covers(t, b.anyOf)).map((t) => t.label);
      const lost = a.anyOf.some((s) => !b.anyOf.includes(s));
      const who = denied.length === 0 ? "" : `: your ${denied.map((d) => `token ${d}`).join(", ")} will be denied`;
      const message = `${endpoint.method} ${endpoint.path} now needs ${list(b.anyOf)} ${was}${who}`;
      const breaking = tokens.length > 0 ? denied.length > 0 : lost;
      return { kind: denied.length > 0 ? "denied" : "needs-changed", breaking, message, endpoint, ...scopes, denied };
    }
    if (b.endpoint.deprecated && !a.endpoint.deprecated) {
      const instead = b.endpoint.replacedBy
        ? `; use ${b.endpoint.replacedBy.method} ${b.endpoint.replacedBy.path}`
        : "";
      const message = `${endpoint.method} ${endpoint.path} is now deprecated${instead}`;
      return { kind: "now-deprecated", breaking: false, message, endpoint, ...scopes, denied: [] };
    }
    return undefined;
  }
  if (b.status !== "matched") return undefined;
  const endpoint = { method: b.endpoint.method, path: b.endpoint.path };
  const message = `${endpoint.method} ${endpoint.path} is now identified: it needs ${list(b.anyOf)}`;
  return { kind: "now-identified", breaking: false, message, endpoint, before: [], after: b.anyOf, denied: [] };
};

/**
 * What moving from `old` to `next` does to these calls and tokens: calls whose scopes
 * changed, tokens that will be denied, calls no longer identified (breaking: a gate fails
 * closed on them), calls newly identified or deprecated. Without tokens, a call breaks when
 * some scope that unlocked it no longer does.
 */
export const impactOf = (
  old: Catalog,
  next: Catalog,
  calls: Iterable<unknown>,
  tokens: readonly ImpactToken[] = [],
): CatalogImpact => {
  const input = [...calls];
  const before = toReports(matchAll(compiledOf(old), input));
  const after = toReports(matchAll(compiledOf(next), input));
  const groups = new Map<string, Group>();
  before.forEach((a, i) => {
    const item = judge(a, after[i]!, tokens);
    if (item === undefined) return;
    const key = `${item.kind} ${item.message}`;
    const group = groups.get(key) ?? groups.set(key, { item, calls: [], count: 0 }).get(key)!;
    group.count++;
    if (group.calls.length < MAX_CALLS_SHOWN)
      group.calls.push(a.source ? { call: a.call, source: a.source } : { call: a.call });
  });
  const items: ImpactItem[] = [...groups.values()].map((g) => ({ ...g.item, calls: g.calls, count: g.count }));
  const compiled = compiledOf(next);
  const fixes = tokens.flatMap((t) => {
    const needs = items.filter((i) => i.denied.includes(t.label) && i.after && i.after.length > 0).map((i) => i.after!);
    if (needs.length === 0) return [];
    return [
      { token: t.label, add: solveCover({ requirements: needs, cost: (set) => coverCost(compiled, set) }).scopes },
    ];
  });
  return {
    calls: input.length,
    tokens: tokens.map((t) => t.label),
    items: items.sort((a, b) => Number(b.breaking) - Number(a.breaking)),
    breaking: items.some((i) => i.breaking),
    fixes,
  };
};
