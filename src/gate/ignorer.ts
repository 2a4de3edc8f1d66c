import { compiledOf } from "../catalog/compiled.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import type { Catalog } from "../catalog/types.js";
import { readCall } from "../matcher/read-call.js";
import { normalizePath } from "../matcher/normalize-path.js";
import { describeCall } from "../matcher/match-calls.js";
import { requiredScopesIn } from "../matcher/required-scopes.js";
import { protectedReason } from "./protected-call.js";
import { targetHost } from "./target-host.js";
import type { SourceLocation, SourcedCall } from "../sources/types.js";
import { CONFIG_FILE, type IgnoreEntry, type RewriteEntry } from "./config-schema.js";
import { compileMatch, ruleMatches, type IgnoreRule, type IgnoreSubject } from "./ignore-rule.js";
import { rewriteCall, rewriteTarget } from "./rewrite.js";
import type { IgnoredCall, IgnoreReport, IgnoreRuleReport } from "./types.js";

/** Distinct ignored calls listed per entry; past it they are counted. */
export const MAX_LISTED_IGNORED = 100;

/** Options for {@link createIgnorer}. */
export interface IgnorerOptions {
  /** The config file as shown (`scopewise.config.json` by default), and the line of each `ignore[i]`. */
  readonly file?: string;
  readonly lineOf?: (index: number) => number | undefined;
  /** Identifies ignored calls (one that is a documented endpoint is flagged); Dynamic's catalog by default. */
  readonly catalog?: Catalog<string>;
  /** Applied before matching, as the readers will. */
  readonly rewrites?: readonly RewriteEntry[];
  /** Today, `YYYY-MM-DD` (UTC; the clock's by default): an entry whose `expires` is today or earlier has expired. */
  readonly today?: string;
}

/** Decides, call by call, whether the config ignores it, and keeps count for the report. */
export interface Ignorer {
  /** True (and recorded) when an entry ignores the call. */
  skip(call: SourcedCall): boolean;
  /** The calls no entry ignores. */
  keep(calls: readonly SourcedCall[]): SourcedCall[];
  report(): IgnoreReport;
}

interface Entry {
  readonly report: Omit<IgnoreRuleReport, "status" | "count" | "calls" | "more" | "refused">;
  readonly rule?: IgnoreRule;
  readonly expired: boolean;
  count: number;
  more: number;
  /** Calls the entry matched but may not take (see protected-call.ts). */
  refused: number;
  readonly calls: Map<string, IgnoredCall>;
}

const withoutOrigin = (target: string): string => target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "") || "/";

/**
 * An ignorer for the config's `ignore` entries, compiled once (they were validated with the config).
 * Expired entries ignore nothing and are reported as such.
 */
export const createIgnorer = (entries: readonly IgnoreEntry[], options: IgnorerOptions = {}): Ignorer => {
  const catalog = options.catalog ?? (dynamicCatalog as Catalog<string>);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const file = options.file ?? CONFIG_FILE;
  const basePaths = compiledOf(catalog).basePaths;
  const rewrites = options.rewrites ?? [];
  const state: Entry[] = entries.map((e, index) => {
    const line = options.lineOf?.(index);
    const expired = e.expires !== undefined && e.expires <= today;
    const compiled = expired ? undefined : compileMatch(e.match);
    const source: SourceLocation = { file, ...(line === undefined ? {} : { line }) };
    const report = { index, match: e.match, reason: e.reason, ...(e.expires ? { expires: e.expires } : {}), source };
    const rule = typeof compiled === "object" ? compiled : undefined;
    return { report, expired, count: 0, more: 0, refused: 0, calls: new Map(), ...(rule ? { rule } : {}) };
  });
  const active = state.filter((s) => s.rule !== undefined);
  let ignored = 0;

  const subjectOf = ({ call, source }: SourcedCall): IgnoreSubject => {
    const operation = source.operation === undefined ? {} : { operation: source.operation };
    const raw = readCall(call);
    if ("status" in raw) return operation;
    const target = rewriteTarget(raw.target, rewrites);
    let parsed = normalizePath(target, basePaths);
    if ("status" in parsed && parsed.code === "outside-base-path") parsed = normalizePath(withoutOrigin(target), []);
    const host = targetHost(target);
    return {
      method: raw.method,
      ...(host === undefined ? {} : { host }),
      ...("status" in parsed ? {} : { segments: parsed.segments }),
      ...operation,
    };
  };

  const record = (entry: Entry, sc: SourcedCall): void => {
    const n = sc.source.occurrences ?? 1;
    entry.count += n;
    ignored += n;
    const shown = describeCall(sc.call);
    const key = `${shown}\u0000${sc.source.operation ?? ""}`;
    const known = entry.calls.get(key);
    if (known) {
      const occurrences = (known.source.occurrences ?? 1) + n;
      entry.calls.set(key, { ...known, source: { ...known.source, occurrences } });
      return;
    }
    if (entry.calls.size >= MAX_LISTED_IGNORED) {
      entry.more++;
      return;
    }
    // Identified as the matcher will read it: after the rewrites.
    const r = requiredScopesIn(catalog, rewriteCall(sc, rewrites).call);
    const found =
      r.status === "matched" ? { endpoint: { method: r.endpoint.method, path: r.endpoint.path }, anyOf: r.anyOf } : {};
    entry.calls.set(key, { call: shown, source: sc.source, ...found });
  };

  const skip = (sc: SourcedCall): boolean => {
    if (active.length === 0) return false;
    const subject = subjectOf(sc);
    const entry = active.find((e) => ruleMatches(e.rule as IgnoreRule, subject));
    if (entry === undefined) return false;
    // Only what an entry may take: a call a server could route to an endpoint stays, and fails as unidentified.
    const result = requiredScopesIn(catalog, rewriteCall(sc, rewrites).call);
    const refused = protectedReason(catalog, result, subject.host);
    if (refused !== undefined) {
      entry.refused++;
      return false;
    }
    record(entry, sc);
    return true;
  };

  return {
    skip,
    keep: (calls) => calls.filter((c) => !skip(c)),
    report: () => ({
      file,
      ignored,
      rules: state.map((e) => ({
        ...e.report,
        status: e.expired ? "expired" : e.count === 0 ? "unused" : "applied",
        count: e.count,
        calls: [...e.calls.values()],
        more: e.more,
        ...(e.refused > 0 ? { refused: e.refused } : {}),
      })),
    }),
  };
};
