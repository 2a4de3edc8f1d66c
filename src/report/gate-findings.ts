import type { IgnoreReport } from "../gate/types.js";
import type { VerifyResult } from "../gate/verify.js";
import type { SourceLocation } from "../sources/types.js";
import { plural } from "../util/text.js";
import { formatLocation, noteOf, shownCall } from "./location.js";
import { RULES, type Finding, type RuleId } from "./model.js";

const make = (
  ruleId: RuleId,
  message: string,
  source: SourceLocation | undefined,
  level = RULES.find((r) => r.id === ruleId)!.level,
): Finding => ({ ruleId, level, message, ...(source ? { source } : {}) });

/** `ignore[2] "GET /healthz"`: how an entry is named in messages. */
export const ignoreName = (index: number, match: string): string => `ignore[${index}] ${JSON.stringify(match)}`;

/** The findings of the config's ignores: expired entries (errors), unused ones and hidden endpoints (warnings). */
export const ignoreFindings = (ignores: IgnoreReport | undefined): Finding[] =>
  (ignores?.rules ?? []).flatMap((r): Finding[] => {
    const name = ignoreName(r.index, r.match);
    if (r.status === "expired") {
      const message = `${name} expired on ${r.expires}, so it ignores nothing; renew it with a reason, or remove it`;
      return [make("expired-ignore", message, r.source)];
    }
    if (r.status === "unused") return [make("unused-ignore", `${name} matches no call; remove it`, r.source)];
    const where = `(${formatLocation(r.source)})`;
    return r.calls.map((c) =>
      c.endpoint
        ? make(
            "ignored-endpoint",
            `${c.call} is ignored by ${name} ${where}, though it is ${c.endpoint.method} ${c.endpoint.path}, ` +
              `which needs ${c.anyOf?.join(" or ")}: no scope is vouched for it`,
            c.source,
          )
        : {
            ...make("ignored-call", `${c.call} ignored by ${name}: ${r.reason} ${where}`, c.source),
            suppressed: r.reason,
          },
    );
  });

/** The findings of a verify run: what fails the gate (errors), what should be looked at (warnings). */
export const verifyFindings = (v: VerifyResult): Finding[] => {
  const out: Finding[] = [];
  const file = v.config;
  for (const t of v.tokens) {
    if (t.calls === 0) {
      const message = `tokens.${t.name}: its inputs hold no calls, so there is nothing to vouch for`;
      out.push(make("no-calls", message, t.source));
    }
    for (const m of t.missing) {
      const what = m.source?.operation ?? m.call;
      const where = m.source ? `${formatLocation(m.source)} (${what})` : what;
      const message =
        `this change needs ${m.scope} for ${where}; ` + `add it to ${t.policyPath} in ${file} (a reviewed change)`;
      out.push(make("missing-scope", message, m.source));
    }
    for (const u of t.unknownScopes) {
      const guess = u.didYouMean ? `; did you mean ${u.didYouMean}?` : "";
      const message = `${t.policyPath} names ${u.scope}, which is not a scope in the catalog${guess}`;
      out.push(make("unknown-scope", message, u.source ?? t.source, "error"));
    }
    for (const u of t.unused) {
      const message = `unused: remove ${u.scope} from ${t.policyPath} (unlocks ${plural(u.unlocks, "endpoint")})`;
      out.push(make("unused-scope", message, u.source ?? t.source, v.strict ? "error" : "warning"));
    }
    if (t.notMinimal) {
      const message = `${t.policyPath} covers every call, but ${t.minimal.join(", ")} would too (verify --update)`;
      out.push(make("not-minimal", message, t.source));
    }
  }
  for (const c of v.unidentified) {
    const message = `${shownCall(c.call, c.source)}: ${c.status}: ${c.reason}${noteOf(c.source)}`;
    out.push(make("unidentified-call", message, c.source));
  }
  for (const d of v.deprecated) {
    const instead = d.replacedBy ? `; use ${d.replacedBy.method} ${d.replacedBy.path}` : "";
    const message = `${shownCall(d.call, d.source)} uses deprecated ${d.endpoint.method} ${d.endpoint.path}${instead}`;
    out.push(make("deprecated-endpoint", message, d.source));
  }
  return out;
};
