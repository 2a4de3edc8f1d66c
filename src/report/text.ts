import { tokenChecks, type TokenCheck } from "../checker/check-token.js";
import type { UnidentifiedCall } from "../matcher/match-calls.js";
import type { Plan } from "../planner/minimal-scopes.js";
import { RISK_LEVELS, riskRank } from "../catalog/risk.js";
import type { Risk, RiskLevel } from "../catalog/types.js";
import type { SourceLocation, SourceProblem } from "../sources/types.js";
import { plural } from "../util/text.js";
import { describeInput } from "./inputs.js";
import { formatLocation, noteOf } from "./location.js";
import type { Report } from "./model.js";
import { noCommandLines } from "./safe.js";
import { shownReport } from "./shown-report.js";
import { makeStyle, riskTag, type Style } from "./style.js";
import { catalogText, endpointLine } from "./text-catalog.js";
import { ignoresText } from "./ignores-text.js";
import { verifyText } from "./verify-text.js";
import { auditText, createText, deniedBlock, liveText } from "./text-tokens.js";
import { upkeepText } from "./text-upkeep.js";

/** Options for {@link textReport}. */
export interface TextOptions {
  /** ANSI colours (for a terminal); off by default. */
  readonly color?: boolean;
}

/** `file:line  ` before a call, with the SDK operation it was written as; nothing for a call without a source. */
const at = (s: SourceLocation | undefined): string =>
  s === undefined ? "" : `${formatLocation(s)}${s.operation ? ` ${s.operation}` : ""}  `;

/** Calls that could not be identified, under `heading`. */
export const unidentifiedBlock = (calls: readonly UnidentifiedCall[], style: Style, heading: string): string[] =>
  calls.length === 0
    ? []
    : [
        "",
        style.red(`${heading} (${calls.length}):`),
        ...calls.map((c) => `  ${at(c.source)}${c.call}: ${c.status}: ${c.reason}${noteOf(c.source)}`),
      ];

/** Input items that were not read as calls. */
export const problemsBlock = (problems: readonly SourceProblem[], style: Style): string[] =>
  problems.length === 0
    ? []
    : [
        "",
        style.red(`Input not read as calls (${problems.length}):`),
        ...problems.map((p) => `  ${formatLocation(p.source)}  ${p.message} [${p.code}]`),
      ];

const suppressionsBlock = (suppressions: Report["suppressions"], style: Style): string[] =>
  suppressions === undefined || suppressions.length === 0
    ? []
    : [
        "",
        style.yellow(`Suppressed in source (${suppressions.length}):`),
        ...suppressions.map((s) => {
          const silences = s.silenced.length === 0 ? "nothing" : s.silenced.join("; ");
          return `  ${formatLocation(s.source)}  ${s.reason} (silences ${silences})`;
        }),
      ];

/** Said of a cover the exact search could not prove minimal (a catalog with many alternative scopes). */
const NOT_MINIMAL = "not proven minimal: the search stopped at its budget; this set covers every call";

const planText = (p: Plan, style: Style): string[] => {
  const head =
    `Minimal scopes for ${plural(p.calls.length, "call")}: ${plural(p.scopes.length, "scope")}, ` +
    `unlocking ${plural(p.unlocks, "endpoint")}`;
  const lines = [style.bold(head) + style.dim(`  (catalog ${p.catalog.name} ${p.catalog.version})`)];
  if (!p.optimal) lines.push(style.yellow(`  ${NOT_MINIMAL}`));
  for (const r of p.reasons) {
    const why = `needed by ${plural(r.calls.length, "call")}; unlocks ${plural(r.unlocks, "endpoint")}`;
    lines.push("", `${style.green(r.scope)}  ${riskTag(style, r.risk)}  ${style.dim(why)}`);
    for (const c of r.calls) lines.push(`  ${at(c.source)}${endpointLine(c.endpoint, style)}`);
  }
  if (p.deprecated.length > 0) {
    lines.push("", style.yellow(`Deprecated (${p.deprecated.length}):`));
    for (const d of p.deprecated) {
      const instead = d.replacedBy ? ` → use ${d.replacedBy.method} ${d.replacedBy.path}` : "";
      lines.push(`  ${at(d.source)}${d.endpoint.method} ${d.endpoint.path}${instead}`);
    }
  }
  return [...lines, ...unidentifiedBlock(p.unidentified, style, "Not identified, so not covered by this plan")];
};

const tokenText = (
  c: TokenCheck,
  style: Style,
  strict: boolean,
  maxRisk: RiskLevel | undefined,
  risks: Readonly<Record<string, Risk>> | undefined,
): string[] => {
  // With the catalog's ratings at hand, every scope named is tagged with its own.
  const rated = (s: string): string => (risks ? `${s} ${riskTag(style, risks[s])}` : s);
  const verdict = c.sufficient ? style.green("sufficient") : style.red("NOT sufficient");
  const catalog = style.dim(`  (catalog ${c.catalog.name} ${c.catalog.version})`);
  const lines = [`${style.bold(`Token is ${verdict} for ${plural(c.calls.length, "call")}`)}${catalog}`];
  lines.push(`  granted: ${c.granted.map(rated).join(", ") || "(no known scopes)"}`);
  if (c.calls.length === 0) lines.push(style.red("  no calls: an empty input proves nothing"));
  if (c.missing.length > 0) {
    lines.push("", style.red(`Missing scopes (${c.missing.length} calls):`));
    for (const m of c.missing) lines.push(`  ${at(m.source)}${m.call}  needs ${m.anyOf.map(rated).join(" or ")}`);
    lines.push(`  add: ${c.add.join(",")}`);
    if (!c.addOptimal) lines.push(style.yellow(`  add is ${NOT_MINIMAL}`));
  }
  for (const line of unidentifiedBlock(c.unidentified, style, "Not identified, so the token cannot be vouched for"))
    lines.push(line);
  if (c.unused.length > 0) {
    lines.push("", (strict ? style.red : style.yellow)(`Unused scopes (${c.unused.length}):`));
    for (const u of c.unused) {
      const over =
        maxRisk !== undefined && riskRank(u.risk) > RISK_LEVELS.indexOf(maxRisk)
          ? style.red("  over --max-unused-risk")
          : "";
      lines.push(
        `  ${u.scope}  ${riskTag(style, u.risk)}  unlocks ${plural(u.unlocks, "endpoint")} no call needs${over}`,
      );
    }
    lines.push(`  remove: ${c.remove.join(",")}`);
  }
  if (c.unknownScopes.length > 0) {
    lines.push(
      "",
      (strict ? style.red : style.yellow)(`Scope names the catalog does not know (${c.unknownScopes.length}):`),
    );
    for (const u of c.unknownScopes)
      lines.push(`  ${u.scope}${u.didYouMean ? `  (did you mean ${u.didYouMean}?)` : ""}`);
  }
  return lines;
};

/**
 * The report for a terminal or a log: what was read, the answer, what could not be read. Rendered
 * from the report with its input shown inert, and no line can start a CI workflow command.
 */
export const textReport = <S extends string>(report: Report<S>, options: TextOptions = {}): string =>
  noCommandLines(render(shownReport(report), makeStyle(options.color === true)));

const render = <S extends string>(report: Report<S>, style: Style): string => {
  const { result } = report;
  if (result.kind === "need" || result.kind === "scopes" || result.kind === "grants") return catalogText(result, style);
  if (result.kind === "verify") return verifyText(report, style);
  if (result.kind === "whoami") return liveText(result.live, style, report.unlocked).join("\n");
  if (result.kind === "catalog-import" || result.kind === "sdk-drift") return upkeepText(result, style).join("\n");
  const inputs = report.inputs ?? [];
  const problems = report.problems ?? [];
  const head = inputs.length === 0 ? [] : [...inputs.map((i) => style.dim(describeInput(i))), ""];
  let body: string[];
  if (result.kind === "catalog-diff") {
    body = [...upkeepText(result, style), ...problemsBlock(problems, style), ...ignoresText(report.ignores, style)];
  } else if (result.kind === "plan") {
    body = [
      ...planText(result.plan, style),
      ...deniedBlock(result.plan.calls, style),
      ...problemsBlock(problems, style),
      ...ignoresText(report.ignores, style),
      ...suppressionsBlock(report.suppressions, style),
    ];
    body.push("", `scopes: ${result.plan.scopes.join(",") || "(none)"}`);
  } else if (result.kind === "audit") {
    body = [...auditText(result.audit, result.environment, style, report.unlocked), ...problemsBlock(problems, style)];
  } else if (result.kind === "token-create") {
    body = [...createText(result.create, style), ...problemsBlock(problems, style)];
  } else {
    const checks = tokenChecks(result.check);
    body =
      result.check.kind === "token"
        ? tokenText(result.check, style, result.strict, result.maxUnusedRisk, report.risks)
        : checks.flatMap(({ label, check }, i) => [
            ...(i === 0 ? [] : [""]),
            style.bold(`${label.replace(/^token/, "Token")}:`),
            ...tokenText(check, style, result.strict, result.maxUnusedRisk, report.risks).map((l) => `  ${l}`),
          ]);
    const granted = result.check.kind === "token" ? result.check.granted : undefined;
    body.push(
      ...deniedBlock(checks[0]?.check.calls ?? [], style, granted),
      ...problemsBlock(problems, style),
      ...ignoresText(report.ignores, style),
      ...suppressionsBlock(report.suppressions, style),
    );
    if (result.live) body.unshift(...liveText(result.live, style, report.unlocked), "");
  }
  return [...head, ...body].join("\n");
};
