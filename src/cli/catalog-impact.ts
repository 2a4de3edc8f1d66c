import { createCalculator, type Calculator } from "../api/calculator.js";
import type { Catalog } from "../catalog/types.js";
import type { MatchResult } from "../matcher/result.js";
import type { LoadedConfig } from "../node/config/load-config.js";
import type { InputSummary } from "../report/model.js";
import type { SourceProblem } from "../sources/types.js";
import { impactOf } from "../upkeep/impact.js";
import type { CatalogImpact, ImpactItem } from "../upkeep/types.js";
import type { Io } from "./io.js";
import { runSettings, type RunConfig } from "./run-config.js";
import { configInputReader } from "./run-inputs.js";

/**
 * NEW's calculator, whose answers name OLD's endpoint too: streams fold to one call per pair of
 * endpoints (old, new), so a call whose endpoint changed is never folded into another's.
 * Statuses are NEW's own, so the scanner and the readers classify as they always do.
 */
export const pairedCalculator = (old: Catalog, next: Catalog): Calculator<string> => {
  const before = createCalculator(old);
  const calc = createCalculator(next);
  const requiredScopes = (call: unknown): MatchResult => {
    const b = calc.requiredScopes(call as never);
    if (b.status !== "matched") return b;
    const a = before.requiredScopes(call as never);
    const was = a.status === "matched" ? `${a.endpoint.method} ${a.endpoint.path}` : a.status;
    return { ...b, endpoint: { ...b.endpoint, path: `${b.endpoint.path} (was ${was})` } };
  };
  return { ...calc, requiredScopes: requiredScopes as Calculator<string>["requiredScopes"] };
};

/** Several tokens' impacts as one: the same change said once, with its calls and tokens together. */
export const mergeImpacts = (impacts: readonly CatalogImpact[]): CatalogImpact => {
  const items = new Map<string, ImpactItem>();
  for (const item of impacts.flatMap((i) => i.items)) {
    const known = items.get(item.message);
    items.set(
      item.message,
      known === undefined
        ? item
        : { ...known, count: known.count + item.count, calls: [...known.calls, ...item.calls].slice(0, 5) },
    );
  }
  const all = [...items.values()];
  return {
    calls: impacts.reduce((n, i) => n + i.calls, 0),
    tokens: impacts.flatMap((i) => i.tokens),
    items: all.sort((a, b) => Number(b.breaking) - Number(a.breaking)),
    breaking: all.some((i) => i.breaking),
    fixes: impacts.flatMap((i) => i.fixes),
  };
};

/**
 * The impact on a config's policies: each token (tokens.NAME.scopes) judged on the calls of its own
 * inputs (its `inputs`, else the config's), read as `verify` reads them, ignores and rewrites included.
 */
export const configImpact = async (
  old: Catalog,
  next: Catalog,
  config: LoadedConfig,
  io: Io,
): Promise<{ impact: CatalogImpact; inputs: InputSummary[]; problems: SourceProblem[]; run: RunConfig }> => {
  const calc = pairedCalculator(old, next);
  const run = runSettings(config, calc, io);
  const reader = configInputReader(calc, run, io);
  const inputs = new Set<InputSummary>();
  const problems = new Set<SourceProblem>();
  const impacts: CatalogImpact[] = [];
  for (const [name, token] of Object.entries(config.config.tokens ?? {})) {
    const list = (token.inputs ?? config.config.inputs ?? []).map((input, i) => ({
      input,
      path: token.inputs ? `$.tokens.${name}.inputs[${i}]` : `$.inputs[${i}]`,
    }));
    const read = await reader.read(list);
    read.inputs.forEach((i) => inputs.add(i));
    read.problems.forEach((p) => problems.add(p));
    impacts.push(impactOf(old, next, read.calls, [{ label: name, scopes: token.scopes }]));
  }
  return { impact: mergeImpacts(impacts), inputs: [...inputs], problems: [...problems], run };
};
