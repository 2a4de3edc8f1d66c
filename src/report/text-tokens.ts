import { riskLabel } from "../catalog/risk.js";
import type { AuditedToken, TokenAudit } from "../checker/audit-types.js";
import type { EndpointRef } from "../catalog/types.js";
import type { CallReport } from "../matcher/match-calls.js";
import { printable } from "../util/printable.js";
import { plural } from "../util/text.js";
import { auditFindings, tokenLabel } from "./audit-findings.js";
import { deniedCalls, deniedMessage } from "./denied.js";
import { formatLocation } from "./location.js";
import type { LiveTokenInfo, Report, TokenCreation } from "./model.js";
import { riskTag, type Style } from "./style.js";

type Unlocked = Report["unlocked"];

const SHOWN_ENDPOINTS = 3;

const PROBLEM = {
  unrestricted: "NO SCOPE LIST (unrestricted or unknown)",
  "unknown-scope": "UNKNOWN SCOPES",
  "over-privileged": "OVER-PRIVILEGED",
  "too-old": "TOO OLD",
  "age-unknown": "AGE UNKNOWN",
} as const;

const NO_LIST = {
  absent: "Dynamic's answer has no scope list for this token",
  empty: "Dynamic's answer lists no scopes for this token",
  malformed: "Dynamic's answer has a scope field that is not a list",
} as const;

const endpointsOf = (unlocked: Unlocked, scope: string): readonly EndpointRef[] =>
  unlocked?.find((u) => u.scope === scope)?.endpoints ?? [];

/** One audited token: label, age and verdict, scopes with the endpoints they unlock, what to change. */
export const auditedTokenLines = (
  t: AuditedToken,
  i: number,
  maxAgeDays: number,
  style: Style,
  unlocked?: Unlocked,
  /** Leave out what the token lacks (`cannot make`, `add`, `remove`): a check says it in its own words. */
  checked = false,
): string[] => {
  const age =
    t.ageDays === undefined
      ? "age unknown"
      : `created ${printable(t.createdAt ?? "", 40).slice(0, 10)}, ${plural(t.ageDays, "day")} old`;
  const verdict =
    t.problems.length === 0 ? style.green("fine") : style.red(t.problems.map((p) => PROBLEM[p]).join(", "));
  const lines = [`${style.bold(tokenLabel(t, i))}: ${age}: ${verdict}`];
  if (t.scopeList !== "listed")
    lines.push(
      `  ${style.red(NO_LIST[t.scopeList])}: it may be unrestricted, and nobody can say what it may do; ` +
        "replace it with a token that has explicit scopes",
    );
  const unused = new Set((t.unused ?? []).map((u) => u.scope));
  const broader = new Set(t.broader?.holds ?? []);
  const width = Math.max(0, ...t.scopes.map((s) => s.scope.length));
  for (const s of t.scopes) {
    const endpoints = endpointsOf(unlocked, s.scope);
    const shown = endpoints.slice(0, SHOWN_ENDPOINTS).map((e) => `${e.method} ${e.path}`);
    const more = endpoints.length > SHOWN_ENDPOINTS ? `, … ${endpoints.length - SHOWN_ENDPOINTS} more` : "";
    const list = shown.length > 0 ? style.dim(`: ${shown.join(", ")}${more}`) : "";
    const mark = unused.has(s.scope)
      ? style.yellow("  unused: no call needs it")
      : broader.has(s.scope)
        ? style.yellow("  broader than the calls need")
        : "";
    const risk = riskTag(style, s.risk) + " ".repeat(10 - riskLabel(s.risk).length);
    lines.push(`  ${s.scope.padEnd(width)}  ${risk}${plural(s.unlocks, "endpoint")}${list}${mark}`);
  }
  for (const u of t.unknownScopes) {
    const guess = u.didYouMean ? ` (did you mean ${u.didYouMean}?)` : "";
    lines.push(`  ${style.yellow(printable(u.scope, 80))}  not a scope in the catalog${guess}`);
  }
  if (t.broader) {
    const instead = t.broader.instead.join(", ") || "its other scopes";
    lines.push(
      `  ${t.broader.holds.join(", ")} unlock ${plural(t.broader.unlocks, "endpoint")}; ` +
        `${instead} (${plural(t.broader.insteadUnlocks, "endpoint")}) would cover the same calls`,
    );
  }
  const missing = checked ? [] : (t.missing ?? []);
  if (missing.length > 0) {
    const calls = missing.slice(0, 3).map((m) => m.call);
    lines.push(
      `  cannot make ${plural(missing.length, "call")}: ${calls.join(", ")}${missing.length > 3 ? ", …" : ""}`,
    );
  }
  if (!checked && (t.remove ?? []).length > 0) lines.push(`  remove: ${t.remove!.join(",")}`);
  if (!checked && (t.add ?? []).length > 0) lines.push(`  add: ${t.add!.join(",")}`);
  if (t.problems.includes("too-old"))
    lines.push(`  rotate: over the ${maxAgeDays}-day limit; create a new token and delete this one`);
  return lines;
};

/** The "denied in the recording" block: 401s and 403s explained (they still count). */
export const deniedBlock = (calls: readonly CallReport[], style: Style, granted?: readonly string[]): string[] => {
  const denied = deniedCalls(calls, granted);
  if (denied.length === 0) return [];
  const at = (d: (typeof denied)[number]) => (d.source ? `${formatLocation(d.source)}  ` : "");
  return [
    "",
    style.red(`Denied in the recording (${denied.length}):`),
    ...denied.map((d) => `  ${at(d)}${deniedMessage(d)}`),
  ];
};

/** `token audit` as text. */
export const auditText = (audit: TokenAudit, environment: string, style: Style, unlocked?: Unlocked): string[] => {
  const m = audit.minimal;
  const catalog = `catalog ${audit.catalog.name} ${audit.catalog.version}`;
  const ages = `ages as of ${audit.asOf.slice(0, 10)}, rotation after ${audit.maxAgeDays} days`;
  const lines = [
    style.bold(`Audit of ${plural(audit.tokens.length, "token")} in environment ${environment}`) +
      style.dim(`  (${catalog}; ${ages})`),
  ];
  if (m) {
    const set = m.scopes.join(", ") || "(none)";
    lines.push(`Minimal scopes for ${plural(m.calls.length, "call")}: ${set} (${plural(m.unlocks, "endpoint")})`);
  }
  audit.tokens.forEach((t, i) => lines.push("", ...auditedTokenLines(t, i, audit.maxAgeDays, style, unlocked)));
  const incomplete = auditFindings(audit).filter((f) => f.ruleId === "incomplete-token-list");
  if (incomplete.length > 0)
    lines.push("", style.red("Token list not read whole:"), ...incomplete.map((f) => `  ${f.message}`));
  if (m && m.unidentified.length > 0) {
    lines.push("", style.red(`Not identified, so the audit cannot vouch for them (${m.unidentified.length}):`));
    for (const c of m.unidentified)
      lines.push(`  ${c.source ? `${formatLocation(c.source)}  ` : ""}${c.call}: ${c.status}: ${c.reason}`);
  }
  if (m) lines.push(...deniedBlock(m.calls, style));
  const failing = audit.tokens.filter((t) => t.problems.length > 0).length;
  const why = [
    `${failing} need${failing === 1 ? "s" : ""} attention`,
    ...(incomplete.length > 0 ? ["the list is not complete"] : []),
    ...(m && !m.complete ? ["some calls not identified"] : []),
  ];
  const all = plural(audit.tokens.length, "token");
  lines.push("", audit.ok ? `${all}: all fine` : style.red(`${all}: ${why.join("; ")}`));
  return lines;
};

const FOUND = { id: "by id", checksum: "by checksum" } as const;

/** Which token a live command runs with, and how scopewise found out. */
export const liveText = (live: LiveTokenInfo, style: Style, unlocked?: Unlocked): string[] => [
  style.dim(
    live.by === "introspection"
      ? "DYNAMIC_API_TOKEN is this token, as GET /tokens/me describes it:"
      : `DYNAMIC_API_TOKEN is this token, found ${FOUND[live.by]} in environment ${live.environment}'s list ` +
          "(GET /tokens/me answered 404):",
  ),
  ...auditedTokenLines(live.token, 0, live.maxAgeDays, style, unlocked, true),
];

const planLines = (c: TokenCreation, style: Style): string[] => {
  const { plan } = c;
  const head = `Minimal scopes for ${plural(plan.calls.length, "call")}: ${plan.scopes.join(", ") || "(none)"}`;
  const lines = [style.bold(head) + style.dim(`  (unlocking ${plural(plan.unlocks, "endpoint")})`)];
  for (const r of plan.reasons) {
    const why = `needed by ${plural(r.calls.length, "call")}; unlocks ${plural(r.unlocks, "endpoint")}`;
    lines.push(`  ${style.green(r.scope)}  ${riskTag(style, r.risk)}  ${style.dim(why)}`);
    for (const call of r.calls.slice(0, 5))
      lines.push(
        `    ${call.source ? `${formatLocation(call.source)}  ` : ""}${call.endpoint.method} ${call.endpoint.path}`,
      );
    if (r.calls.length > 5) lines.push(`    … ${r.calls.length - 5} more`);
  }
  return lines;
};

/** `token create` as text: the plan when proposed, the request on a dry run, the new token once created. */
export const createText = (c: TokenCreation, style: Style): string[] => {
  switch (c.phase) {
    case "proposed":
    case "refused":
      return planLines(c, style);
    case "dry-run":
      return [
        ...planLines(c, style),
        "",
        style.dim("Dry run: nothing sent. The request:"),
        `${c.request.method} ${c.request.url}`,
        JSON.stringify(c.request.body),
        "",
        c.request.curl,
      ];
    case "created": {
      const t = c.created!.token;
      const label = tokenLabel({ ...t, id: t.id ?? "(no id)", note: t.note ?? c.note }, 0);
      const secret = c.created!.secret;
      const where = "file" in secret ? `written to ${secret.file} (mode 0600)` : "printed on stdout";
      return [`${style.green("Created")} ${label} in environment ${c.environment}; the secret was ${where}.`];
    }
  }
};
