import type { IgnoreReport } from "../gate/types.js";
import { noteOf } from "./location.js";
import { section, table, where, type Md } from "./markdown-parts.js";
import { gfm } from "./markdown-safe.js";
import type { Report } from "./model.js";
import { verifyOutcome } from "./verify-json.js";

const EXAMPLES = 3;

/** What the config's ignores did, as a table: entry, reason, how many calls, a few of them. */
export const ignoresMarkdown = (ignores: IgnoreReport | undefined, quiet = false): Md[] => {
  const rules = (ignores?.rules ?? []).filter((r) => !quiet || r.status === "expired");
  if (ignores === undefined || rules.length === 0) return [];
  return section(
    gfm`**Ignored by ${ignores.file} (${gfm.count(ignores.ignored, "call")})**`,
    table(
      ["Entry", "Reason", "Calls", "Examples"],
      rules.map((r) => {
        const entry = gfm`${`ignore[${r.index}]`} ${r.match} ${where(r.source)}`;
        if (r.status === "expired")
          return [entry, gfm`**expired on ${r.expires ?? ""}**: renew or remove it`, gfm`0`, gfm``];
        if (r.status === "unused") return [entry, gfm`${r.reason} (matches no call: remove it)`, gfm`0`, gfm``];
        const shown = r.calls.slice(0, EXAMPLES).map((c) => {
          const hidden = c.endpoint ? gfm` ⚠ needs ${c.anyOf?.join(" or ") ?? ""}` : gfm``;
          return gfm`${c.call} ${where(c.source)}${hidden}`;
        });
        const more = r.calls.length - EXAMPLES + r.more;
        return [
          entry,
          gfm`${r.reason}`,
          gfm`${r.count}`,
          gfm.join([...shown, ...(more > 0 ? [gfm`… ${more} more`] : [])], "<br>"),
        ];
      }),
    ),
  );
};

const scopeList = (scopes: readonly string[]): Md => (scopes.length === 0 ? gfm`(none)` : gfm.join(scopes, " "));

/** `scopewise verify` for a PR comment: the verdict, then each token's gaps and extras, then what was not read. */
export const verifyMarkdown = <S extends string>(report: Report<S>): Md[] => {
  if (report.result.kind !== "verify") return [];
  const { verify: v, quiet = false } = report.result;
  const outcome = verifyOutcome(report);
  const counts = gfm`${gfm.count(outcome.errors, "error")}, ${gfm.count(outcome.warnings, "warning")}`;
  const lines = [
    gfm`### scopewise verify: ${outcome.ok ? gfm`✅ passed (${counts})` : gfm`❌ failed: ${counts}`}`,
    gfm``,
    ...table(
      ["Token", "Calls", "Policy", "Minimal"],
      v.tokens.map((t) => [gfm`${t.policyPath}`, gfm`${t.calls}`, scopeList(t.policy), scopeList(t.minimal)]),
    ),
  ];
  for (const t of v.tokens) {
    const lacks = gfm.count(new Set(t.missing.map((m) => m.scope)).size, "scope");
    lines.push(
      ...section(
        gfm`**${t.policyPath} lacks ${lacks}**: add to ${t.policyPath} in ${v.config} (a reviewed change)`,
        t.missing.length === 0
          ? []
          : table(
              ["Where", "Call", "Add"],
              t.missing.map((m) => [where(m.source), gfm`${m.source?.operation ?? m.call}`, gfm`${m.scope}`]),
            ),
      ),
      ...(t.calls === 0 ? [gfm``, gfm`**${t.policyPath}**: its inputs hold no calls, so nothing is vouched for`] : []),
      ...(t.unknownScopes.length === 0
        ? []
        : [
            gfm``,
            gfm`**Unknown scope names in ${t.policyPath}**: ${gfm.join(
              t.unknownScopes.map((u) => u.scope),
              ", ",
            )}`,
          ]),
      ...((quiet && !v.strict) || t.unused.length === 0
        ? []
        : section(
            gfm`**Unused in ${t.policyPath}**: remove`,
            table(
              ["Scope", "Unlocks for nothing", "Where"],
              t.unused.map((u) => [gfm`${u.scope}`, gfm.count(u.unlocks, "endpoint"), where(u.source)]),
            ),
          )),
    );
  }
  lines.push(
    ...section(
      gfm`**Not identified (${v.unidentified.length})**`,
      v.unidentified.length === 0
        ? []
        : table(
            ["Where", "Call", "Why"],
            v.unidentified.map((c) => [
              where(c.source),
              gfm`${c.call}`,
              gfm`${`${c.status}: ${c.reason}${noteOf(c.source)}`}`,
            ]),
          ),
    ),
  );
  for (const u of v.updated ?? []) {
    const changes = [...u.added.map((s) => `+${s}`), ...u.removed.map((s) => `-${s}`)].join(" ");
    lines.push(gfm``, gfm`Updated ${`tokens.${u.token}.scopes`}: ${changes}`);
  }
  if (v.notUpdated) lines.push(gfm``, gfm`**Not updated**: ${v.notUpdated}`);
  return lines;
};
