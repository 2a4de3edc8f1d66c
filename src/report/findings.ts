import { riskLabel } from "../catalog/risk.js";
import { tokenChecks } from "../checker/check-token.js";
import type { CallReport, UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../sources/types.js";
import { ignoreFindings, verifyFindings } from "./gate-findings.js";
import { auditFindings, tokenFindings, tokenLabel } from "./audit-findings.js";
import { deniedCalls, deniedMessage } from "./denied.js";
import { upkeepFindings } from "./findings-upkeep.js";
import { noteOf, shownCall } from "./location.js";
import { RULES, type Finding, type Report, type RuleId } from "./model.js";
import { shownReport } from "./shown-report.js";

const level = (id: RuleId) => RULES.find((r) => r.id === id)!.level;
const finding = (ruleId: RuleId, message: string, source: SourceLocation | undefined): Finding => ({
  ruleId,
  level: level(ruleId),
  message,
  ...(source ? { source } : {}),
});

const unidentifiedFindings = (calls: readonly UnidentifiedCall[], prefix: string): Finding[] =>
  calls.map((c) =>
    finding(
      "unidentified-call",
      `${prefix}${shownCall(c.call, c.source)}: ${c.status}: ${c.reason}${noteOf(c.source)}`,
      c.source,
    ),
  );

const deprecatedFindings = (calls: readonly CallReport[]): Finding[] =>
  calls.flatMap(({ call, source, result }) => {
    if (result.status !== "matched" || !result.endpoint.deprecated) return [];
    const { method, path, replacedBy } = result.endpoint;
    const instead = replacedBy ? `; use ${replacedBy.method} ${replacedBy.path}` : "";
    return [
      finding("deprecated-endpoint", `${shownCall(call, source)} uses deprecated ${method} ${path}${instead}`, source),
    ];
  });

/** 401s and 403s in the recording, explained; `granted` when the token is known. */
const deniedFindings = (calls: readonly CallReport[], granted?: readonly string[]): Finding[] =>
  deniedCalls(calls, granted).map((d) => finding("denied", deniedMessage(d), d.source));

/** Appends lists item by item: spreading a list of a million calls into `push` overflows the stack. */
const add = (out: Finding[], ...lists: readonly Finding[][]): void => {
  for (const list of lists) for (const f of list) out.push(f);
};

const notMinimal = (what: string): Finding =>
  finding("cover-not-minimal", `${what} not proven minimal: the search stopped at its budget`, undefined);

/**
 * Every finding of a report, in a fixed order: errors, warnings, then notes, each in input order.
 * Messages are built from the report with its input shown inert, so SARIF and GitHub quote it inert.
 */
export const reportFindings = <S extends string>(input: Report<S>): Finding[] => {
  const report = shownReport(input);
  const { result } = report;
  // A map, not a search per finding: a token may name many scopes.
  const sources = new Map((report.scopeSources ?? []).map((s) => [s.scope, s.source] as const));
  const scopeSource = (scope: string) => sources.get(scope);
  const out: Finding[] = (report.problems ?? []).map((p) =>
    finding("unreadable-input", `${p.message} [${p.code}]`, p.source),
  );
  if (result.kind === "plan") {
    const p = result.plan;
    add(out, unidentifiedFindings(p.unidentified, ""), deprecatedFindings(p.calls), deniedFindings(p.calls));
    if (!p.optimal) out.push(notMinimal("the scope set is"));
    // The plan's scopes carry their ratings: say each one's level where the call names it.
    const levels = new Map(p.reasons.map((r) => [r.scope as string, riskLabel(r.risk)]));
    const rated = (s: string) => (levels.has(s) ? `${s} (${levels.get(s)})` : s);
    for (const c of p.calls) {
      if (c.result.status !== "matched") continue;
      const needs = c.result.anyOf.map(rated).join(" or ");
      out.push(finding("required-scope", `${shownCall(c.call, c.source)} needs ${needs}`, c.source));
    }
  } else if (result.kind === "check") {
    const checks = tokenChecks(result.check);
    for (const { label, check } of checks) {
      const prefix = label === "" ? "" : `${label}: `;
      for (const m of check.missing) {
        const message = `${prefix}${shownCall(m.call, m.source)} needs ${m.anyOf.join(" or ")}, which the token lacks`;
        out.push(finding("missing-scope", message, m.source));
      }
      if (!check.addOptimal) out.push(notMinimal(`${prefix}the scopes to add are`));
      add(out, unidentifiedFindings(check.unidentified, prefix));
      for (const u of check.unused) {
        const why = `it unlocks ${u.unlocks} endpoints for nothing`;
        const risk = u.risk ? `${u.risk.level}: ${u.risk.rationale}` : "unrated";
        const message = `${prefix}${u.scope} (${risk}) is granted but no call needs it; ${why}`;
        out.push(finding("unused-scope", message, scopeSource(u.scope)));
      }
      for (const u of check.unknownScopes) {
        const guess = u.didYouMean ? `; did you mean ${u.didYouMean}?` : "";
        out.push(
          finding("unknown-scope", `${prefix}${u.scope} is not a scope in the catalog${guess}`, scopeSource(u.scope)),
        );
      }
    }
    // Every token sees the same calls: deprecation and denials are said once.
    const calls = checks[0]?.check.calls ?? [];
    const granted = result.check.kind === "token" ? result.check.granted : undefined;
    add(out, deprecatedFindings(calls), deniedFindings(calls, granted));
    const live = result.live;
    if (live) out.push(...tokenFindings(live.token, tokenLabel(live.token, 0), { ...live, scopesChecked: true }));
  } else if (result.kind === "audit") {
    const { audit } = result;
    out.push(...auditFindings(audit));
    if (audit.minimal)
      out.push(...unidentifiedFindings(audit.minimal.unidentified, ""), ...deniedFindings(audit.minimal.calls));
  } else if (result.kind === "whoami") {
    out.push(...tokenFindings(result.live.token, tokenLabel(result.live.token, 0), result.live));
  } else if (result.kind === "verify") out.push(...verifyFindings(result.verify));
  else out.push(...upkeepFindings(result));
  out.push(...ignoreFindings(report.ignores));
  for (const s of report.suppressions ?? []) {
    const what = s.silenced.length === 0 ? "silences nothing" : `silences ${s.silenced.join("; ")}`;
    out.push(finding("suppressed-finding", `scopewise-ignore-next-line: ${s.reason} (${what})`, s.source));
  }
  const order = { error: 0, warning: 1, note: 2 } as const;
  const quiet = result.kind === "verify" && result.quiet === true;
  return out
    .filter((f) => !quiet || f.level === "error")
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order[a.f.level] - order[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
};
