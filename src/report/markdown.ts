import type { TokenAudit } from "../checker/audit-tokens.js";
import { tokenChecks, type TokenCheck } from "../checker/check-token.js";
import type { CallReport, UnidentifiedCall } from "../matcher/match-calls.js";
import type { Plan } from "../planner/minimal-scopes.js";
import type { SourceLocation } from "../sources/types.js";
import { printable } from "../util/printable.js";
import { plural } from "../util/text.js";
import { auditFindings, tokenLabel } from "./audit-findings.js";
import { deniedCalls, deniedMessage } from "./denied.js";
import { describeInput } from "./inputs.js";
import { formatLocation, noteOf } from "./location.js";
import type { LiveTokenInfo, Report } from "./model.js";
import { ignoresMarkdown, verifyMarkdown } from "./gate-markdown.js";

/** Rows past this are summarised: a PR comment should stay readable. */
const MAX_ROWS = 50;
const MAX_CALLS_PER_SCOPE = 5;

/** A table cell's text, escaped. */
export const cell = (s: string): string => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
/** Inline code. */
export const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/** A Markdown table, cut at {@link MAX_ROWS} rows. */
export const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const more = rows.length > MAX_ROWS ? [`| … ${rows.length - MAX_ROWS} more |${" |".repeat(head.length - 1)}`] : [];
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.slice(0, MAX_ROWS).map((r) => `| ${r.map(cell).join(" | ")} |`),
    ...more,
  ];
};

/** A heading and its rows, or nothing when there are none. */
export const section = (heading: string, rows: string[]): string[] =>
  rows.length === 0 ? [] : ["", heading, "", ...rows];
/** A location as inline code. */
export const where = (s: SourceLocation | undefined): string => (s ? code(formatLocation(s)) : "");
const callText = (call: string, s: SourceLocation | undefined): string =>
  s?.operation ? `${code(s.operation)} ${code(call)}` : code(call);

const listCalls = (calls: readonly { call: string; source?: SourceLocation }[]): string => {
  const shown = calls
    .slice(0, MAX_CALLS_PER_SCOPE)
    .map((c) => `${callText(c.call, c.source)}${c.source ? ` ${where(c.source)}` : ""}`);
  const more = calls.length > MAX_CALLS_PER_SCOPE ? [`… ${calls.length - MAX_CALLS_PER_SCOPE} more`] : [];
  return [...shown, ...more].join("<br>");
};

const unidentifiedSection = (calls: readonly UnidentifiedCall[], heading: string): string[] =>
  calls.length === 0
    ? []
    : section(
        `**${heading} (${calls.length})**`,
        table(
          ["Where", "Call", "Why"],
          calls.map((c) => [
            where(c.source),
            callText(c.call, c.source),
            `${c.status}: ${c.reason}${noteOf(c.source)}`,
          ]),
        ),
      );

const planSection = <S extends string>(p: Plan<S>): string[] => [
  `### scopewise: ${plural(p.scopes.length, "scope")} for ${plural(p.calls.length, "call")}` +
    (p.complete ? "" : `, ${p.unidentified.length} not identified`),
  "",
  ...(p.reasons.length === 0
    ? ["No call needs a scope."]
    : table(
        ["Scope", "Needed by", "Unlocks"],
        p.reasons.map((r) => [code(r.scope), listCalls(r.calls), plural(r.unlocks, "endpoint")]),
      )),
  ...unidentifiedSection(p.unidentified, "Not identified, so not covered"),
  ...(p.deprecated.length === 0
    ? []
    : section(
        `**Deprecated (${p.deprecated.length})**`,
        table(
          ["Where", "Call", "Use instead"],
          p.deprecated.map((d) => [
            where(d.source),
            callText(d.call, d.source),
            d.replacedBy ? code(`${d.replacedBy.method} ${d.replacedBy.path}`) : "",
          ]),
        ),
      )),
  "",
  `Minimal scopes: ${p.scopes.length === 0 ? "(none)" : code(p.scopes.join(","))}`,
];

const checkSection = <S extends string>(c: TokenCheck<S>, label: string, report: Report<S>): string[] => {
  const used = c.granted.filter((s) => !c.unused.some((u) => u.scope === s));
  const needers = (s: S) => c.calls.filter((call) => call.result.status === "matched" && call.result.anyOf.includes(s));
  const unlocks = (scope: S, n: number): string => {
    const endpoints = report.unlocked?.find((u) => u.scope === scope)?.endpoints ?? [];
    const shown = endpoints.slice(0, 4).map((e) => code(`${e.method} ${e.path}`));
    return endpoints.length === 0
      ? plural(n, "endpoint")
      : [...shown, ...(endpoints.length > 4 ? [`… ${endpoints.length - 4} more`] : [])].join("<br>");
  };
  const unknown = c.unknownScopes.map(
    (u) => `${code(u.scope)}${u.didYouMean ? ` (did you mean ${code(u.didYouMean)}?)` : ""}`,
  );
  return [
    `### scopewise: ${label}token is ${c.sufficient ? "sufficient" : "**NOT sufficient**"} ` +
      `for ${plural(c.calls.length, "call")}`,
    "",
    ...(used.length === 0
      ? []
      : table(
          ["Granted scope", "Needed by"],
          used.map((s) => [code(s), listCalls(needers(s))]),
        )),
    ...section(
      c.missing.length === 0 ? "" : `**Missing scopes (${c.missing.length} calls)**: add ${code(c.add.join(","))}`,
      c.missing.length === 0
        ? []
        : table(
            ["Where", "Call", "Needs any of"],
            c.missing.map((m) => [where(m.source), callText(m.call, m.source), m.anyOf.map(code).join(", ")]),
          ),
    ),
    ...section(
      `**Unused scopes (${c.unused.length})**: granted, needed by no call; remove ${code(c.remove.join(","))}`,
      c.unused.length === 0
        ? []
        : table(
            ["Scope", "Needlessly unlocks"],
            c.unused.map((u) => [code(u.scope), unlocks(u.scope, u.unlocks)]),
          ),
    ),
    ...(unknown.length === 0
      ? []
      : ["", `**Scope names the catalog does not know (${unknown.length})**: ${unknown.join(", ")}`]),
    ...unidentifiedSection(c.unidentified, "Not identified, so the token cannot be vouched for"),
  ];
};

const deniedSection = (calls: readonly CallReport[], granted?: readonly string[]): string[] => {
  const denied = deniedCalls(calls, granted);
  return section(
    `**Denied (${denied.length})**: the recording shows a 401 or 403; these calls still count`,
    denied.length === 0
      ? []
      : table(
          ["Where", "Call", "Why"],
          denied.map((d) => [where(d.source), callText(d.call, d.source), deniedMessage(d)]),
        ),
  );
};

const PROBLEMS = {
  unrestricted: "**no scope list**: unrestricted or unknown",
  "unknown-scope": "unknown scope names",
  "over-privileged": "over-privileged",
  "too-old": "too old",
  "age-unknown": "age unknown",
} as const;

const auditSection = <S extends string>(a: TokenAudit<S>): string[] => {
  const failing = a.tokens.filter((t) => t.problems.length > 0).length;
  const m = a.minimal;
  const verdict = failing === 0 ? "none needs attention" : `${failing} need${failing === 1 ? "s" : ""} attention`;
  const rows = a.tokens.map((t, i) => [
    code(tokenLabel(t, i).replace(/^token /, "")),
    t.ageDays === undefined
      ? "unknown"
      : `${plural(t.ageDays, "day")}${t.problems.includes("too-old") ? " (rotate)" : ""}`,
    [
      ...t.scopes.map((s) => `${code(s.scope)} (${s.unlocks})`),
      ...t.unknownScopes.map((u) => `${code(printable(u.scope, 80))} (unknown)`),
    ].join("<br>") || "—",
    t.problems.map((x) => PROBLEMS[x]).join(", ") || "fine",
    ...(m === undefined ? [] : [(t.remove ?? []).map(code).join(", "), (t.add ?? []).map(code).join(", ")]),
  ]);
  const incomplete = auditFindings(a).filter((f) => f.ruleId === "incomplete-token-list");
  return [
    `### scopewise: ${plural(a.tokens.length, "token")} audited, ${verdict}`,
    "",
    ...(m === undefined
      ? []
      : [
          `Minimal scopes for ${plural(m.calls.length, "call")}: ` +
            `${m.scopes.length === 0 ? "(none)" : code(m.scopes.join(","))} (${plural(m.unlocks, "endpoint")})` +
            (m.complete ? "" : `; ${m.unidentified.length} not identified`),
          "",
        ]),
    ...(a.tokens.length === 0
      ? ["The environment has no tokens."]
      : table(["Token", "Age", "Scopes (endpoints)", "Problems", ...(m === undefined ? [] : ["Remove", "Add"])], rows)),
    ...incomplete.flatMap((f, i) => [...(i === 0 ? [""] : []), `- **${f.message}**`]),
    ...(m === undefined ? [] : unidentifiedSection(m.unidentified, "Not identified, so the audit cannot vouch for it")),
    ...(m === undefined ? [] : deniedSection(m.calls)),
  ];
};

/** `check --live`: which token was checked, and its problems as Dynamic describes it. */
const liveLine = <S extends string>(live: LiveTokenInfo<S>): string[] => {
  const t = live.token;
  const age = t.ageDays === undefined ? "age unknown" : `${plural(t.ageDays, "day")} old`;
  const problems = t.problems.length === 0 ? "" : `: ${t.problems.map((x) => PROBLEMS[x]).join(", ")}`;
  return [
    `Checked the token in DYNAMIC_API_TOKEN: ${code(tokenLabel(t, 0).replace(/^token /, ""))}, ${age}${problems}`,
    "",
  ];
};

/** A compact Markdown report for a PR comment: scopes and the calls behind them, unused scopes, unknown calls. */
export const markdownReport = <S extends string>(report: Report<S>): string => {
  const { result } = report;
  const checks = result.kind === "check" ? tokenChecks(result.check) : [];
  const body =
    result.kind === "plan"
      ? [...planSection(result.plan), ...deniedSection(result.plan.calls)]
      : result.kind === "check"
        ? [
            ...(result.live ? liveLine(result.live) : []),
            ...checks.flatMap(({ label, check }, i) => [
              ...(i === 0 ? [] : [""]),
              ...checkSection(check, label === "" ? "" : `${label}: `, report),
            ]),
            ...deniedSection(
              checks[0]?.check.calls ?? [],
              result.check.kind === "token" ? result.check.granted : undefined,
            ),
          ]
        : result.kind === "audit"
          ? auditSection(result.audit)
          : result.kind === "verify"
            ? verifyMarkdown(report)
            : [];
  const problems = report.problems ?? [];
  const tail = section(
    `**Input not read as calls (${problems.length})**`,
    problems.length === 0
      ? []
      : table(
          ["Where", "Problem"],
          problems.map((p) => [where(p.source), `${p.message} [${p.code}]`]),
        ),
  );
  const suppressions = report.suppressions ?? [];
  const suppressed = section(
    `**Suppressed in source (${suppressions.length})**`,
    suppressions.length === 0
      ? []
      : table(
          ["Where", "Reason", "Silences"],
          suppressions.map((s) => [where(s.source), code(s.reason), s.silenced.map(code).join("<br>") || "nothing"]),
        ),
  );
  const read = report.inputs ?? [];
  const inputs = read.length === 0 ? [] : ["", `<sub>${read.map(describeInput).join("; ")}</sub>`];
  const quiet = result.kind === "verify" && result.quiet === true;
  return [...body, ...tail, ...suppressed, ...ignoresMarkdown(report.ignores, quiet), ...inputs].join("\n");
};
