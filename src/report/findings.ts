import type { CallReport, UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../sources/types.js";
import { RULES, tokenChecks, type Finding, type ReportInput, type RuleId } from "./model.js";

const level = (id: RuleId) => RULES.find((r) => r.id === id)!.level;
const finding = (ruleId: RuleId, message: string, source: SourceLocation | undefined): Finding => ({
  ruleId,
  level: level(ruleId),
  message,
  ...(source ? { source } : {}),
});

const shownCall = (call: string, source: SourceLocation | undefined): string =>
  source?.operation ? `${source.operation} (${call})` : call;

const unidentifiedFindings = (
  calls: readonly UnidentifiedCall[],
  at: (i: number) => SourceLocation | undefined,
  prefix: string,
): Finding[] =>
  calls.map((c) =>
    finding(
      "unidentified-call",
      `${prefix}${shownCall(c.call, at(c.index))}: ${c.status}: ${c.reason}${at(c.index)?.note ? ` (${at(c.index)?.note})` : ""}`,
      at(c.index),
    ),
  );

const deprecatedFindings = (calls: readonly CallReport[], at: (i: number) => SourceLocation | undefined): Finding[] =>
  calls.flatMap(({ index, call, result }) =>
    result.status === "matched" && result.endpoint.deprecated
      ? [
          finding(
            "deprecated-endpoint",
            `${shownCall(call, at(index))} uses deprecated ${result.endpoint.method} ${result.endpoint.path}${result.endpoint.replacedBy ? `; use ${result.endpoint.replacedBy.method} ${result.endpoint.replacedBy.path}` : ""}`,
            at(index),
          ),
        ]
      : [],
  );

/** Every finding of a plan or check, in a fixed order: errors, warnings, then notes, each in input order. */
export const reportFindings = <S extends string>(input: ReportInput<S>): Finding[] => {
  const at = (i: number) => input.sources?.[i];
  const out: Finding[] = (input.problems ?? []).map((p) =>
    finding("unreadable-input", `${p.message} [${p.code}]`, p.source),
  );
  if (input.result.kind === "plan") {
    const p = input.result.plan;
    out.push(...unidentifiedFindings(p.unknown, at, ""), ...deprecatedFindings(p.calls, at));
    for (const c of p.calls) {
      if (c.result.status === "matched")
        out.push(
          finding(
            "required-scope",
            `${shownCall(c.call, at(c.index))} needs ${c.result.anyOf.join(" or ")}`,
            at(c.index),
          ),
        );
    }
  } else {
    for (const { label, check } of tokenChecks(input.result.check)) {
      const prefix = label === "" ? "" : `${label}: `;
      for (const m of check.missing)
        out.push(
          finding(
            "missing-scope",
            `${prefix}${shownCall(m.call, at(m.index))} needs ${m.anyOf.join(" or ")}, which the token lacks`,
            at(m.index),
          ),
        );
      out.push(...unidentifiedFindings(check.unknownCalls, at, prefix));
      for (const u of check.unused)
        out.push(
          finding(
            "unused-scope",
            `${prefix}${u.scope} is granted but no call needs it; it unlocks ${u.endpoints} endpoints for nothing`,
            input.scopeSource?.(u.scope),
          ),
        );
      for (const u of check.unknownScopes)
        out.push(
          finding(
            "unknown-scope",
            `${prefix}${u.scope} is not a scope in the catalog${u.didYouMean ? `; did you mean ${u.didYouMean}?` : ""}`,
            input.scopeSource?.(u.scope),
          ),
        );
    }
    // Every token sees the same calls: deprecation is said once.
    out.push(...deprecatedFindings(tokenChecks(input.result.check)[0]?.check.calls ?? [], at));
  }
  const order = { error: 0, warning: 1, note: 2 } as const;
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order[a.f.level] - order[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
};
