import type { TokenCheck } from "../checker/check-token.js";
import type { UnidentifiedCall } from "../matcher/match-calls.js";
import type { Plan } from "../planner/minimal-scopes.js";
import { formatLocation, type SourceLocation } from "../sources/types.js";
import { plural, tokenChecks, type ReportInput } from "./model.js";

/** Rows past this are summarised: a PR comment should stay readable. */
const MAX_ROWS = 50;
const MAX_CALLS_PER_SCOPE = 5;

const cell = (s: string): string => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${head.join(" | ")} |`,
  `| ${head.map(() => "---").join(" | ")} |`,
  ...rows.slice(0, MAX_ROWS).map((r) => `| ${r.map(cell).join(" | ")} |`),
  ...(rows.length > MAX_ROWS
    ? [
        `| … ${rows.length - MAX_ROWS} more | ${head
          .slice(1)
          .map(() => "")
          .join(" | ")} |`,
      ]
    : []),
];

type At = (i: number) => SourceLocation | undefined;
const where = (s: SourceLocation | undefined): string => (s ? code(formatLocation(s)) : "");
const callText = (call: string, s: SourceLocation | undefined): string =>
  s?.operation ? `${code(s.operation)} ${code(call)}` : code(call);

const listCalls = (calls: readonly { index: number; call: string }[], at: At): string => {
  const shown = calls
    .slice(0, MAX_CALLS_PER_SCOPE)
    .map((c) => `${callText(c.call, at(c.index))}${at(c.index) ? ` ${where(at(c.index))}` : ""}`);
  return [
    ...shown,
    ...(calls.length > MAX_CALLS_PER_SCOPE ? [`… ${calls.length - MAX_CALLS_PER_SCOPE} more`] : []),
  ].join("<br>");
};

const unidentifiedSection = (calls: readonly UnidentifiedCall[], at: At, heading: string): string[] =>
  calls.length === 0
    ? []
    : [
        "",
        `**${heading} (${calls.length})**`,
        "",
        ...table(
          ["Where", "Call", "Why"],
          calls.map((c) => [
            where(at(c.index)),
            callText(c.call, at(c.index)),
            `${c.status}: ${c.reason}${at(c.index)?.note ? ` (${at(c.index)?.note})` : ""}`,
          ]),
        ),
      ];

const planSection = <S extends string>(p: Plan<S>, at: At): string[] => [
  `### scopewise: ${plural(p.scopes.length, "scope")} for ${plural(p.calls.length, "call")}${p.complete ? "" : `, ${p.unknown.length} not identified`}`,
  "",
  ...(p.reasons.length === 0
    ? ["No call needs a scope."]
    : table(
        ["Scope", "Needed by", "Unlocks"],
        p.reasons.map((r) => [code(r.scope), listCalls(r.calls, at), plural(r.unlocks, "endpoint")]),
      )),
  ...unidentifiedSection(p.unknown, at, "Not identified, so not covered"),
  ...(p.deprecated.length === 0
    ? []
    : [
        "",
        `**Deprecated (${p.deprecated.length})**`,
        "",
        ...table(
          ["Where", "Call", "Use instead"],
          p.deprecated.map((d) => [
            where(at(d.index)),
            callText(d.call, at(d.index)),
            d.replacedBy ? code(`${d.replacedBy.method} ${d.replacedBy.path}`) : "",
          ]),
        ),
      ]),
  "",
  `Minimal scopes: ${p.scopes.length === 0 ? "(none)" : code(p.scopes.join(","))}`,
];

const checkSection = <S extends string>(
  c: TokenCheck<S>,
  at: At,
  label: string,
  grants: ReportInput<S>["grants"],
): string[] => {
  const used = c.granted.filter((s) => !c.unused.some((u) => u.scope === s));
  const needers = (s: S) => c.calls.filter((call) => call.result.status === "matched" && call.result.anyOf.includes(s));
  const unlocks = (scope: S, n: number): string => {
    const endpoints = grants?.(scope) ?? [];
    const shown = endpoints.slice(0, 4).map((e) => code(`${e.method} ${e.path}`));
    return endpoints.length === 0
      ? plural(n, "endpoint")
      : [...shown, ...(endpoints.length > 4 ? [`… ${endpoints.length - 4} more`] : [])].join("<br>");
  };
  return [
    `### scopewise: ${label}token is ${c.sufficient ? "sufficient" : "**NOT sufficient**"} for ${plural(c.calls.length, "call")}`,
    "",
    ...(used.length === 0
      ? []
      : table(
          ["Granted scope", "Needed by"],
          used.map((s) => [code(s), listCalls(needers(s), at)]),
        )),
    ...(c.missing.length === 0
      ? []
      : [
          "",
          `**Missing scopes (${c.missing.length} calls)**: add ${code(c.add.join(","))}`,
          "",
          ...table(
            ["Where", "Call", "Needs any of"],
            c.missing.map((m) => [where(at(m.index)), callText(m.call, at(m.index)), m.anyOf.map(code).join(", ")]),
          ),
        ]),
    ...(c.unused.length === 0
      ? []
      : [
          "",
          `**Unused scopes (${c.unused.length})**: granted, needed by no call`,
          "",
          ...table(
            ["Scope", "Needlessly unlocks"],
            c.unused.map((u) => [code(u.scope), unlocks(u.scope, u.endpoints)]),
          ),
        ]),
    ...(c.unknownScopes.length === 0
      ? []
      : [
          "",
          `**Scope names the catalog does not know (${c.unknownScopes.length})**: ${c.unknownScopes.map((u) => `${code(u.scope)}${u.didYouMean ? ` (did you mean ${code(u.didYouMean)}?)` : ""}`).join(", ")}`,
        ]),
    ...unidentifiedSection(c.unknownCalls, at, "Not identified, so the token cannot be vouched for"),
  ];
};

/** A compact Markdown report for a PR comment: scopes and the calls behind them, unused scopes, unknown calls. */
export const markdownReport = <S extends string>(input: ReportInput<S>): string => {
  const at: At = (i) => input.sources?.[i];
  const body =
    input.result.kind === "plan"
      ? planSection(input.result.plan, at)
      : tokenChecks(input.result.check).flatMap(({ label, check }, i) => [
          ...(i === 0 ? [] : [""]),
          ...checkSection(check, at, label === "" ? "" : `${label}: `, input.grants),
        ]);
  const problems = input.problems ?? [];
  const tail =
    problems.length === 0
      ? []
      : [
          "",
          `**Input not read as calls (${problems.length})**`,
          "",
          ...table(
            ["Where", "Problem"],
            problems.map((p) => [where(p.source), `${p.message} [${p.code}]`]),
          ),
        ];
  return [...body, ...tail].join("\n");
};
