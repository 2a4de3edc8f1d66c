import { riskLabel } from "../catalog/risk.js";
import { tokenChecks, type TokenCheck } from "../checker/check-token.js";
import type { Plan } from "../planner/minimal-scopes.js";
import { describeInputIn } from "./inputs.js";
import { tokenName } from "./location.js";
import { ignoresMarkdown, verifyMarkdown } from "./gate-markdown.js";
import {
  callText,
  deniedSection,
  listCalls,
  section,
  table,
  unidentifiedSection,
  where,
  type Md,
} from "./markdown-parts.js";
import { gfm } from "./markdown-safe.js";
import { auditSection, liveLine } from "./markdown-tokens.js";
import type { Report } from "./model.js";
import { shownReport } from "./shown-report.js";
import { upkeepMarkdown } from "./markdown-upkeep.js";
import type { Risk } from "../catalog/types.js";

const NOT_MINIMAL = gfm`*not proven minimal: the search stopped at its budget; this set covers every call*`;

/** A rating in a table cell: the level (in bold above read), then its one-line rationale. */
const LEVELS = { read: gfm`read`, write: gfm`**write**`, admin: gfm`**admin**`, critical: gfm`**critical**` } as const;
const riskCell = (risk: Risk | undefined): Md =>
  risk === undefined ? gfm`unrated` : gfm`${LEVELS[risk.level] ?? gfm`${risk.level}`}: ${risk.rationale}`;

const planSection = <S extends string>(p: Plan<S>): Md[] => [
  gfm`### scopewise: ${gfm.count(p.scopes.length, "scope")} for ${gfm.count(p.calls.length, "call")}${
    p.complete ? gfm`` : gfm`, ${p.unidentified.length} not identified`
  }`,
  gfm``,
  ...(p.reasons.length === 0
    ? [gfm`No call needs a scope.`]
    : table(
        ["Scope", "Risk", "Needed by", "Unlocks"],
        p.reasons.map((r) => [gfm`${r.scope}`, riskCell(r.risk), listCalls(r.calls), gfm.count(r.unlocks, "endpoint")]),
      )),
  ...unidentifiedSection(p.unidentified, gfm`Not identified, so not covered`),
  ...(p.deprecated.length === 0
    ? []
    : section(
        gfm`**Deprecated (${p.deprecated.length})**`,
        table(
          ["Where", "Call", "Use instead"],
          p.deprecated.map((d) => [
            where(d.source),
            callText(d.call, d.source),
            d.replacedBy ? gfm`${`${d.replacedBy.method} ${d.replacedBy.path}`}` : gfm``,
          ]),
        ),
      )),
  gfm``,
  gfm`Minimal scopes: ${p.scopes.length === 0 ? gfm`(none)` : gfm`${p.scopes.join(",")}`}`,
  ...(p.optimal ? [] : [gfm``, NOT_MINIMAL]),
];

const checkSection = <S extends string>(c: TokenCheck<S>, label: Md, report: Report<S>): Md[] => {
  const used = c.granted.filter((s) => !c.unused.some((u) => u.scope === s));
  const rated = (s: string): Md => {
    const risk = report.risks?.[s];
    return report.risks ? gfm`${s} (${riskLabel(risk)})` : gfm`${s}`;
  };
  const needers = (s: S) => c.calls.filter((call) => call.result.status === "matched" && call.result.anyOf.includes(s));
  const unlocks = (scope: S, n: number): Md => {
    const endpoints = report.unlocked?.find((u) => u.scope === scope)?.endpoints ?? [];
    const shown = endpoints.slice(0, 4).map((e) => gfm`${`${e.method} ${e.path}`}`);
    return endpoints.length === 0
      ? gfm.count(n, "endpoint")
      : gfm.join([...shown, ...(endpoints.length > 4 ? [gfm`… ${endpoints.length - 4} more`] : [])], "<br>");
  };
  const unknown = c.unknownScopes.map(
    (u) => gfm`${u.scope}${u.didYouMean ? gfm` (did you mean ${u.didYouMean}?)` : gfm``}`,
  );
  const verdict = c.sufficient ? gfm`sufficient` : gfm`**NOT sufficient**`;
  return [
    gfm`### scopewise: ${label}token is ${verdict} for ${gfm.count(c.calls.length, "call")}`,
    gfm``,
    ...(used.length === 0
      ? []
      : table(
          ["Granted scope", "Needed by"],
          used.map((s) => [rated(s), listCalls(needers(s))]),
        )),
    ...section(
      gfm`**Missing scopes (${c.missing.length} calls)**: add ${gfm`${c.add.join(",")}`}${
        c.addOptimal ? gfm`` : gfm` (${NOT_MINIMAL})`
      }`,
      c.missing.length === 0
        ? []
        : table(
            ["Where", "Call", "Needs any of"],
            c.missing.map((m) => [where(m.source), callText(m.call, m.source), gfm.join(m.anyOf.map(rated), ", ")]),
          ),
    ),
    ...section(
      gfm`**Unused scopes (${c.unused.length})**: granted, needed by no call; remove ${gfm`${c.remove.join(",")}`}`,
      c.unused.length === 0
        ? []
        : table(
            ["Scope", "Risk", "Needlessly unlocks"],
            c.unused.map((u) => [gfm`${u.scope}`, riskCell(u.risk), unlocks(u.scope, u.unlocks)]),
          ),
    ),
    ...(unknown.length === 0
      ? []
      : [gfm``, gfm`**Scope names the catalog does not know (${unknown.length})**: ${gfm.join(unknown, ", ")}`]),
    ...unidentifiedSection(c.unidentified, gfm`Not identified, so the token cannot be vouched for`),
  ];
};

/**
 * A compact Markdown report for a PR comment: scopes and the calls behind them, unused scopes, unknown
 * calls. Every input value is a code span (see markdown-safe.ts), from the report with its input shown inert.
 */
export const markdownReport = <S extends string>(input: Report<S>): string => {
  const report = shownReport(input);
  const { result } = report;
  const checks = result.kind === "check" ? tokenChecks(result.check) : [];
  const tokens = result.kind === "check" && result.check.kind === "tokens" ? result.check.tokens : [];
  const body =
    result.kind === "plan"
      ? [...planSection(result.plan), ...deniedSection(result.plan.calls)]
      : result.kind === "check"
        ? [
            ...(result.live ? liveLine(result.live) : []),
            ...checks.flatMap(({ check }, i) => {
              const t = tokens[i];
              const label = t === undefined ? gfm`` : gfm`${tokenName(t, i, gfm)}: `;
              return [...(i === 0 ? [] : [gfm``]), ...checkSection(check, label, report)];
            }),
            ...deniedSection(
              checks[0]?.check.calls ?? [],
              result.check.kind === "token" ? result.check.granted : undefined,
            ),
          ]
        : result.kind === "audit"
          ? auditSection(result.audit)
          : result.kind === "verify"
            ? verifyMarkdown(report)
            : result.kind === "catalog-import" || result.kind === "catalog-diff" || result.kind === "sdk-drift"
              ? upkeepMarkdown(result)
              : [];
  const problems = report.problems ?? [];
  const tail = section(
    gfm`**Input not read as calls (${problems.length})**`,
    problems.length === 0
      ? []
      : table(
          ["Where", "Problem"],
          problems.map((p) => [where(p.source), gfm`${`${p.message} [${p.code}]`}`]),
        ),
  );
  const suppressions = report.suppressions ?? [];
  const suppressed = section(
    gfm`**Suppressed in source (${suppressions.length})**`,
    suppressions.length === 0
      ? []
      : table(
          ["Where", "Reason", "Silences"],
          suppressions.map((s) => [
            where(s.source),
            gfm`${s.reason}`,
            s.silenced.length === 0
              ? gfm`nothing`
              : gfm.join(
                  s.silenced.map((x) => gfm`${x}`),
                  "<br>",
                ),
          ]),
        ),
  );
  const read = report.inputs ?? [];
  const inputs =
    read.length === 0
      ? []
      : [
          gfm``,
          gfm`<sub>${gfm.join(
            read.map((i) => describeInputIn(i, gfm)),
            "; ",
          )}</sub>`,
        ];
  const quiet = result.kind === "verify" && result.quiet === true;
  return gfm.join([...body, ...tail, ...suppressed, ...ignoresMarkdown(report.ignores, quiet), ...inputs], "\n").text;
};
