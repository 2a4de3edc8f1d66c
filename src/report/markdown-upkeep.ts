import type { CatalogDiff, CatalogImport, PageLineNote, SdkDrift } from "../upkeep/types.js";
import { formatLocation } from "./location.js";
import { section, table, type Md } from "./markdown-parts.js";
import { gfm } from "./markdown-safe.js";
import type { ReportResult } from "./model.js";

// Every value from a catalog, a page or an SDK is input: it goes in through `gfm`, as a code span.
// The page's shape is one of three words of ours, written as text.
const SHAPES = { text: gfm`text`, html: gfm`html`, markdown: gfm`markdown` } as const;

const notes = (title: Md, list: readonly PageLineNote[]): Md[] =>
  section(
    gfm`**${title} (${list.length})**`,
    list.length === 0
      ? []
      : table(
          ["Line", "What"],
          list.map((n) => [
            n.line === undefined ? gfm`` : gfm`${String(n.line)}`,
            gfm`${`${n.message}${n.text ? `: ${n.text}` : ""}`}`,
          ]),
        ),
  );

const diffMarkdown = (d: CatalogDiff): Md[] => {
  const lines: Md[] = [
    gfm`### scopewise: catalog ${d.old.name} ${d.old.version} → ${d.new.version}: ${d.bump} (${gfm.count(
      d.changes.length,
      "change",
    )})`,
    gfm``,
    gfm`The new catalog should carry ${d.expectedVersion}${
      d.versionOk ? gfm`.` : gfm`; it says ${d.new.version}, which understates the change.`
    }`,
  ];
  if (d.changes.length > 0) {
    const rows = d.changes.map((c) => [gfm`${c.bump}`, gfm`${c.kind}`, gfm`${c.message}`]);
    lines.push(gfm``, ...table(["Semver", "Change", "What"], rows));
  }
  const impact = d.impact;
  if (impact) {
    const verdict = impact.breaking ? gfm`BREAKING` : gfm`not breaking`;
    lines.push(gfm``, gfm`**Impact on ${gfm.count(impact.calls, "call")}: ${verdict}**`);
    if (impact.items.length > 0) {
      const rows = impact.items.map((i) => [
        i.breaking ? gfm`✗` : gfm`•`,
        gfm`${i.message}`,
        gfm`${gfm.join(
          i.calls.map((c) => (c.source ? gfm`${formatLocation(c.source)}` : gfm`${c.call}`)),
          " ",
        )}${i.count > i.calls.length ? gfm` … ${i.count - i.calls.length} more` : gfm``}`,
      ]);
      lines.push(gfm``, ...table(["", "What changes for you", "Calls"], rows));
    }
    for (const f of impact.fixes) lines.push(gfm``, gfm`Token ${f.token}: add ${f.add.join(",")}`);
  }
  return lines;
};

const importMarkdown = (r: CatalogImport): Md[] => [
  gfm`### scopewise: ${SHAPES[r.page.shape]} page ${r.page.file}: ${gfm.count(r.scopes, "scope")}, ${gfm.count(
    r.endpoints,
    "endpoint",
  )}${r.ok ? gfm`` : gfm`, **not read in full**`}`,
  ...notes(gfm`Not read`, r.problems),
  ...notes(gfm`Inferred`, r.inferences),
  ...notes(gfm`Notes`, r.notes),
  ...(r.diff ? [gfm``, ...diffMarkdown(r.diff)] : []),
];

const driftMarkdown = (d: SdkDrift): Md[] => {
  const endpoint = (e: { method: string; path: string }): Md => gfm`${`${e.method} ${e.path}`}`;
  const rows: Md[][] = [
    ...d.newUndocumented.map((o) => [gfm`new, no documented scope`, gfm`${o.operation}`, endpoint(o)]),
    ...d.vanished.map((o) => [gfm`gone since the baseline`, gfm`${o.operation}`, endpoint(o)]),
    ...d.changed.map((o) => [gfm`changed`, gfm`${o.operation}`, gfm`${endpoint(o)} (was ${endpoint(o.was)})`]),
    ...d.catalogOnly.map((e) => [gfm`catalog endpoint the SDK lacks`, gfm``, endpoint(e)]),
    ...d.staleUndocumented.map((e) => [gfm`undocumented endpoint the SDK lacks`, gfm``, endpoint(e)]),
    ...d.scopesNotInCatalog.map((s) => [gfm`TokenScopes value the catalog lacks`, gfm``, gfm`${s}`]),
    ...d.scopesNotInSdk.map((s) => [gfm`catalog scope TokenScopes lacks`, gfm``, gfm`${s}`]),
    ...d.problems.map((p) => [gfm`not read`, gfm``, gfm`${p}`]),
  ];
  return [
    gfm`### scopewise: ${d.sdk.name} ${d.sdk.version} against catalog ${d.catalog.name} ${d.catalog.version}: ${
      d.drifted ? gfm`${rows.length} differences` : gfm`no drift`
    }`,
    gfm``,
    gfm`Baseline: ${d.sdk.name} ${d.baseline.version}; ${gfm.count(d.operations, "operation")} read.`,
    ...(rows.length === 0 ? [] : [gfm``, ...table(["Kind", "Operation", "Endpoint"], rows)]),
  ];
};

type UpkeepResult = Extract<ReportResult, { kind: "catalog-import" | "catalog-diff" | "sdk-drift" }>;

/** `catalog import`, `catalog diff` and `catalog sdk-drift` for a PR comment or an issue body. */
export const upkeepMarkdown = (result: UpkeepResult): Md[] =>
  result.kind === "catalog-import"
    ? importMarkdown(result.import)
    : result.kind === "catalog-diff"
      ? diffMarkdown(result.diff)
      : driftMarkdown(result.drift);
