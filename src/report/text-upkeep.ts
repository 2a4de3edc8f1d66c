import type { CatalogDiff, CatalogImpact, CatalogImport, PageLineNote, SdkDrift } from "../upkeep/types.js";
import { plural } from "../util/text.js";
import { formatLocation } from "./location.js";
import type { ReportResult } from "./model.js";
import type { Style } from "./style.js";

/** Past this, a list says how many more there are. */
const MAX_LINES = 100;
const capped = (lines: string[]): string[] =>
  lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES), `  … ${lines.length - MAX_LINES} more`];
const at = (n: PageLineNote): string => (n.line === undefined ? "" : `line ${n.line}: `);
const noteLines = (notes: readonly PageLineNote[]): string[] =>
  capped(notes.map((n) => `  ${at(n)}${n.message}${n.text === undefined ? "" : `: ${n.text}`}`));

const impactText = (impact: CatalogImpact, style: Style): string[] => {
  const tokens = impact.tokens.length === 0 ? "" : ` and ${plural(impact.tokens.length, "token")}`;
  const verdict = impact.breaking ? style.red("BREAKING") : "not breaking";
  const head = `Impact on ${plural(impact.calls, "call")}${tokens}: ${verdict}`;
  const lines = ["", style.bold(head)];
  if (impact.items.length === 0) lines.push("  nothing these calls use changed");
  for (const item of impact.items) {
    const mark = item.breaking ? style.red("✗") : style.green("•");
    lines.push(`  ${mark} ${item.message}`);
    for (const c of item.calls) lines.push(`      ${c.source ? `${formatLocation(c.source)}  ` : ""}${c.call}`);
    if (item.count > item.calls.length) lines.push(`      … ${item.count - item.calls.length} more calls`);
  }
  for (const fix of impact.fixes) lines.push(`  token ${fix.token}: add ${fix.add.join(",")}`);
  return lines;
};

/** A diff: each change with its weight, the version NEW should carry, then the impact. */
export const diffText = (diff: CatalogDiff, style: Style): string[] => {
  const { old } = diff;
  const head = `Catalog ${old.name} ${old.version} → ${diff.new.version}: ${plural(diff.changes.length, "change")}`;
  const lines = [style.bold(head)];
  const order = ["major", "minor", "patch"] as const;
  for (const bump of order) {
    const changes = diff.changes.filter((c) => c.bump === bump);
    if (changes.length === 0) continue;
    lines.push(
      "",
      (bump === "major" ? style.red : bump === "minor" ? style.yellow : style.dim)(`${bump} (${changes.length}):`),
    );
    lines.push(...capped(changes.map((c) => `  ${c.kind}: ${c.message}`)));
  }
  const verdict = diff.versionOk
    ? style.green(`${diff.new.version} is right`)
    : style.red(`${diff.new.version} understates it`);
  lines.push("", `semver: ${diff.bump}; the new catalog should carry ${diff.expectedVersion} (${verdict})`);
  return diff.impact ? [...lines, ...impactText(diff.impact, style)] : lines;
};

const importText = (r: CatalogImport, style: Style): string[] => {
  const head = `${r.page.shape} page ${r.page.file}: ${plural(r.scopes, "scope")}, ${plural(r.endpoints, "endpoint")}`;
  const lines = [style.bold(head)];
  if (r.problems.length > 0)
    lines.push("", style.red(`Not read (${r.problems.length}), so no catalog was written:`), ...noteLines(r.problems));
  if (r.inferences.length > 0) lines.push("", `Inferred (${r.inferences.length}):`, ...noteLines(r.inferences));
  if (r.notes.length > 0) lines.push("", style.dim(`Notes (${r.notes.length}):`), ...noteLines(r.notes).map(style.dim));
  if (r.diff) lines.push("", ...diffText(r.diff, style));
  if (r.ok) lines.push("", r.written ? `written: ${r.written}` : "not written: give --out FILE");
  return lines;
};

const driftText = (d: SdkDrift, style: Style): string[] => {
  const head =
    `${d.sdk.name} ${d.sdk.version} (baseline ${d.baseline.version}) against catalog ` +
    `${d.catalog.name} ${d.catalog.version}: ${plural(d.operations, "operation")}`;
  const lines = [style.bold(head)];
  const section = (title: string, items: string[]): void => {
    if (items.length > 0)
      lines.push("", style.yellow(`${title} (${items.length}):`), ...capped(items.map((i) => `  ${i}`)));
  };
  section(
    "New operations with no documented scope",
    d.newUndocumented.map((o) => `${o.operation}  ${o.method} ${o.path}`),
  );
  section(
    "Operations gone since the baseline",
    d.vanished.map((o) => `${o.operation}  ${o.method} ${o.path}`),
  );
  section(
    "Operations changed",
    d.changed.map((o) => `${o.operation}  ${o.method} ${o.path} (was ${o.was.method} ${o.was.path})`),
  );
  section(
    "Catalog endpoints the SDK no longer has",
    d.catalogOnly.map((e) => `${e.method} ${e.path}  (${e.anyOf.join(" or ")})`),
  );
  section(
    "Undocumented endpoints the SDK no longer has",
    d.staleUndocumented.map((e) => `${e.method} ${e.path}`),
  );
  section("TokenScopes values the catalog lacks", [...d.scopesNotInCatalog]);
  section("Catalog scopes TokenScopes lacks", [...d.scopesNotInSdk]);
  section("Operations not read", [...d.problems]);
  lines.push("", d.drifted ? style.red("drift: the catalog needs a look") : style.green("no drift"));
  return lines;
};

type UpkeepResult = Extract<ReportResult, { kind: "catalog-import" | "catalog-diff" | "sdk-drift" }>;

/** `catalog import`, `catalog diff` and `catalog sdk-drift` as text. */
export const upkeepText = (result: UpkeepResult, style: Style): string[] =>
  result.kind === "catalog-import"
    ? importText(result.import, style)
    : result.kind === "catalog-diff"
      ? diffText(result.diff, style)
      : driftText(result.drift, style);
