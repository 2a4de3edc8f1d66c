import { riskLabel } from "../catalog/risk.js";
import { unidentifiedReason } from "../matcher/match-calls.js";
import { plural } from "../util/text.js";
import type { ReportResult } from "./model.js";
import { riskTag, type Style } from "./style.js";
import type { Endpoint } from "../catalog/types.js";

/** `GET /path  Summary` with the deprecation note (and the endpoint's own rating, when asked and it has one). */
export const endpointLine = (e: Endpoint, style: Style, withRisk = false): string =>
  `${e.method} ${e.path}  ${style.dim(e.summary)}${e.deprecated ? style.yellow(" (deprecated)") : ""}` +
  (withRisk && e.risk ? `  ${riskTag(style, e.risk)}` : "");

type CatalogResult = Extract<ReportResult, { kind: "need" | "scopes" | "grants" }>;

/** `need`, `scopes` and `grants` as text: answers about the catalog itself. */
export const catalogText = (result: CatalogResult, style: Style): string => {
  if (result.kind === "need") {
    const r = result.result;
    if (r.status !== "matched") return `${style.red(r.status)}: ${unidentifiedReason(r)}`;
    const named = (s: string) => `${style.green(s)}${result.risks ? ` ${riskTag(style, result.risks[s])}` : ""}`;
    const scopes = r.anyOf.length === 1 ? named(r.anyOf[0] as string) : `any one of: ${r.anyOf.map(named).join(", ")}`;
    const lines = [scopes, `  endpoint: ${endpointLine(r.endpoint, style, true)}`];
    const params = Object.entries(r.params);
    if (params.length > 0) lines.push(`  params:   ${params.map(([k, v]) => `${k}=${v}`).join(" ")}`);
    const { replacedBy } = r.endpoint;
    if (replacedBy) lines.push(style.yellow(`  deprecated: use ${replacedBy.method} ${replacedBy.path}`));
    return lines.join("\n");
  }
  if (result.kind === "scopes") {
    const width = Math.max(...result.scopes.map((s) => s.name.length));
    const { name, version } = result.catalog;
    const columns = "columns: scope, endpoints, risk, description";
    const head = `catalog ${name} ${version}: ${plural(result.scopes.length, "scope")}; ${columns}`;
    const rows = result.scopes.map((s) => {
      const risk = riskTag(style, s.risk) + " ".repeat(10 - riskLabel(s.risk).length);
      return `${s.name.padEnd(width)}  ${String(s.unlocks).padStart(3)}  ${risk}  ${style.dim(s.description ?? "")}`;
    });
    return [style.dim(head), ...rows].join("\n");
  }
  const lines = [
    style.bold(`${result.scope} unlocks ${plural(result.endpoints.length, "endpoint")}:`),
    `  risk: ${riskTag(style, result.risk)} ${result.risk?.rationale ?? "the catalog does not rate this scope"}`,
  ];
  return [...lines, ...result.endpoints.map((e) => `  ${endpointLine(e, style, true)}`)].join("\n");
};
