import type { CatalogDiff, CatalogImport, PageLineNote, SdkDrift } from "../upkeep/types.js";
import { plural } from "../util/text.js";
import { formatLocation } from "./location.js";
import type { ReportResult } from "./model.js";

const MAX_ROWS = 50;
const cell = (s: string): string =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"))
    .replace(/\r?\n/g, " ");
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  "",
  `| ${head.join(" | ")} |`,
  `| ${head.map(() => "---").join(" | ")} |`,
  ...rows.slice(0, MAX_ROWS).map((r) => `| ${r.map(cell).join(" | ")} |`),
  ...(rows.length > MAX_ROWS ? [`| … ${rows.length - MAX_ROWS} more |${" |".repeat(head.length - 1)}`] : []),
];
const notes = (title: string, list: readonly PageLineNote[]): string[] =>
  list.length === 0
    ? []
    : [
        "",
        `**${title} (${list.length})**`,
        ...table(
          ["Line", "What"],
          list.map((n) => [n.line === undefined ? "" : String(n.line), `${n.message}${n.text ? `: ${n.text}` : ""}`]),
        ),
      ];

const diffMarkdown = (d: CatalogDiff): string[] => {
  const lines = [
    `### scopewise: catalog ${d.old.name} ${d.old.version} → ${d.new.version}: ` +
      `${d.bump} (${plural(d.changes.length, "change")})`,
    "",
    `The new catalog should carry ${code(d.expectedVersion)}` +
      (d.versionOk ? "." : `; it says ${code(d.new.version)}, which understates the change.`),
  ];
  if (d.changes.length > 0)
    lines.push(
      ...table(
        ["Semver", "Change", "What"],
        d.changes.map((c) => [c.bump, c.kind, c.message]),
      ),
    );
  const impact = d.impact;
  if (impact) {
    lines.push("", `**Impact on ${plural(impact.calls, "call")}: ${impact.breaking ? "BREAKING" : "not breaking"}**`);
    if (impact.items.length > 0)
      lines.push(
        ...table(
          ["", "What changes for you", "Calls"],
          impact.items.map((i) => [
            i.breaking ? "✗" : "•",
            i.message,
            i.calls.map((c) => (c.source ? code(formatLocation(c.source)) : code(c.call))).join(" ") +
              (i.count > i.calls.length ? ` … ${i.count - i.calls.length} more` : ""),
          ]),
        ),
      );
    for (const f of impact.fixes) lines.push("", `Token ${code(f.token)}: add ${code(f.add.join(","))}`);
  }
  return lines;
};

const importMarkdown = (r: CatalogImport): string[] => [
  `### scopewise: ${r.page.shape} page ${code(r.page.file)}: ${plural(r.scopes, "scope")}, ` +
    `${plural(r.endpoints, "endpoint")}${r.ok ? "" : ", **not read in full**"}`,
  ...notes("Not read", r.problems),
  ...notes("Inferred", r.inferences),
  ...notes("Notes", r.notes),
  ...(r.diff ? ["", ...diffMarkdown(r.diff)] : []),
];

const driftMarkdown = (d: SdkDrift): string[] => {
  const rows: string[][] = [
    ...d.newUndocumented.map((o) => ["new, no documented scope", code(o.operation), code(`${o.method} ${o.path}`)]),
    ...d.vanished.map((o) => ["gone since the baseline", code(o.operation), code(`${o.method} ${o.path}`)]),
    ...d.changed.map((o) => [
      "changed",
      code(o.operation),
      `${code(`${o.method} ${o.path}`)} (was ${code(`${o.was.method} ${o.was.path}`)})`,
    ]),
    ...d.catalogOnly.map((e) => ["catalog endpoint the SDK lacks", "", code(`${e.method} ${e.path}`)]),
    ...d.staleUndocumented.map((e) => ["undocumented endpoint the SDK lacks", "", code(`${e.method} ${e.path}`)]),
    ...d.scopesNotInCatalog.map((s) => ["TokenScopes value the catalog lacks", "", code(s)]),
    ...d.scopesNotInSdk.map((s) => ["catalog scope TokenScopes lacks", "", code(s)]),
    ...d.problems.map((p) => ["not read", "", p]),
  ];
  return [
    `### scopewise: ${d.sdk.name} ${d.sdk.version} against catalog ${d.catalog.name} ${d.catalog.version}: ` +
      (d.drifted ? `${rows.length} differences` : "no drift"),
    "",
    `Baseline: ${d.sdk.name} ${d.baseline.version}; ${plural(d.operations, "operation")} read.`,
    ...(rows.length === 0 ? [] : table(["Kind", "Operation", "Endpoint"], rows)),
  ];
};

type UpkeepResult = Extract<ReportResult, { kind: "catalog-import" | "catalog-diff" | "sdk-drift" }>;

/** `catalog import`, `catalog diff` and `catalog sdk-drift` for a PR comment or an issue body. */
export const upkeepMarkdown = (result: UpkeepResult): string[] =>
  result.kind === "catalog-import"
    ? importMarkdown(result.import)
    : result.kind === "catalog-diff"
      ? diffMarkdown(result.diff)
      : driftMarkdown(result.drift);
