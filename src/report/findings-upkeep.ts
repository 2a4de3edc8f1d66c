import type { SourceLocation } from "../sources/types.js";
import type { CatalogDiff, CatalogImport, SdkDrift } from "../upkeep/types.js";
import { RULES, type Finding, type ReportResult, type RuleId } from "./model.js";

const finding = (ruleId: RuleId, message: string, source?: SourceLocation): Finding => ({
  ruleId,
  level: RULES.find((r) => r.id === ruleId)!.level,
  message,
  ...(source ? { source } : {}),
});

const diffFindings = (d: CatalogDiff): Finding[] => [
  ...(d.versionOk
    ? []
    : [
        finding(
          "version-understated",
          `${d.new.version} understates a ${d.bump} change; it should be ${d.expectedVersion}`,
        ),
      ]),
  ...(d.impact?.items ?? []).map((i) =>
    finding(i.breaking ? "breaking-impact" : "catalog-change", `${i.message} (${i.count} calls)`, i.calls[0]?.source),
  ),
  ...d.changes.map((c) =>
    finding(c.bump === "major" ? "breaking-change" : "catalog-change", `${c.kind}: ${c.message}`),
  ),
];

const importFindings = (r: CatalogImport): Finding[] => [
  ...r.problems.map((p) =>
    finding(
      "unread-page-line",
      `${p.message}${p.text ? `: ${p.text}` : ""}`,
      p.line === undefined ? undefined : { file: r.page.file, line: p.line },
    ),
  ),
  ...(r.diff ? diffFindings(r.diff) : []),
];

const driftFindings = (d: SdkDrift): Finding[] =>
  [
    ...d.newUndocumented.map((o) => `${o.operation} (${o.method} ${o.path}) is new and has no documented scope`),
    ...d.vanished.map((o) => `${o.operation} (${o.method} ${o.path}) is gone from ${d.sdk.name} ${d.sdk.version}`),
    ...d.changed.map((o) => `${o.operation} is ${o.method} ${o.path} now (was ${o.was.method} ${o.was.path})`),
    ...d.catalogOnly.map(
      (e) => `catalog endpoint ${e.method} ${e.path} has no operation in ${d.sdk.name} ${d.sdk.version}`,
    ),
    ...d.staleUndocumented.map((e) => `undocumented ${e.method} ${e.path} is gone from ${d.sdk.name} ${d.sdk.version}`),
    ...d.scopesNotInCatalog.map((s) => `TokenScopes has ${s}, the catalog does not`),
    ...d.scopesNotInSdk.map((s) => `the catalog has ${s}, TokenScopes does not`),
    ...d.problems,
  ].map((m) => finding("sdk-drift", m));

/** The findings of `catalog import`, `catalog diff` and `catalog sdk-drift` (SARIF and GitHub are made of them). */
export const upkeepFindings = (result: ReportResult): Finding[] =>
  result.kind === "catalog-import"
    ? importFindings(result.import)
    : result.kind === "catalog-diff"
      ? diffFindings(result.diff)
      : result.kind === "sdk-drift"
        ? driftFindings(result.drift)
        : [];
