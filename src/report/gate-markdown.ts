import type { IgnoreReport } from "../gate/types.js";
import { plural } from "../util/text.js";
import { noteOf } from "./location.js";
import { code, section, table, where } from "./markdown.js";
import type { Report } from "./model.js";
import { verifyOutcome } from "./verify-json.js";

const EXAMPLES = 3;

/** What the config's ignores did, as a table: entry, reason, how many calls, a few of them. */
export const ignoresMarkdown = (ignores: IgnoreReport | undefined, quiet = false): string[] => {
  const rules = (ignores?.rules ?? []).filter((r) => !quiet || r.status === "expired");
  if (ignores === undefined || rules.length === 0) return [];
  return section(
    `**Ignored by ${code(ignores.file)} (${plural(ignores.ignored, "call")})**`,
    table(
      ["Entry", "Reason", "Calls", "Examples"],
      rules.map((r) => {
        const entry = `${code(`ignore[${r.index}]`)} ${code(r.match)} ${where(r.source)}`;
        if (r.status === "expired") return [entry, `**expired on ${r.expires}**: renew or remove it`, "0", ""];
        if (r.status === "unused") return [entry, `${code(r.reason)} (matches no call: remove it)`, "0", ""];
        const shown = r.calls.slice(0, EXAMPLES).map((c) => {
          const hidden = c.endpoint ? ` ⚠️ needs ${code(c.anyOf?.join(" or ") ?? "")}` : "";
          return `${code(c.call)} ${where(c.source)}${hidden}`;
        });
        const more = r.calls.length - EXAMPLES + r.more;
        return [
          entry,
          code(r.reason),
          String(r.count),
          [...shown, ...(more > 0 ? [`… ${more} more`] : [])].join("<br>"),
        ];
      }),
    ),
  );
};

/** `scopewise verify` for a PR comment: the verdict, then each token's gaps and extras, then what was not read. */
export const verifyMarkdown = <S extends string>(report: Report<S>): string[] => {
  if (report.result.kind !== "verify") return [];
  const { verify: v, quiet = false } = report.result;
  const outcome = verifyOutcome(report);
  const counts = `${plural(outcome.errors, "error")}, ${plural(outcome.warnings, "warning")}`;
  const file = code(v.config);
  const lines = [
    `### scopewise verify: ${outcome.ok ? `✅ passed (${counts})` : `❌ failed: ${counts}`}`,
    "",
    ...table(
      ["Token", "Calls", "Policy", "Minimal"],
      v.tokens.map((t) => [
        code(t.policyPath),
        String(t.calls),
        t.policy.map(code).join(" ") || "(none)",
        t.minimal.map(code).join(" ") || "(none)",
      ]),
    ),
  ];
  for (const t of v.tokens) {
    lines.push(
      ...section(
        `**${code(t.policyPath)} lacks ${plural(new Set(t.missing.map((m) => m.scope)).size, "scope")}**: ` +
          `add to ${code(t.policyPath)} in ${file} (a reviewed change)`,
        t.missing.length === 0
          ? []
          : table(
              ["Where", "Call", "Add"],
              t.missing.map((m) => [where(m.source), code(m.source?.operation ?? m.call), code(m.scope)]),
            ),
      ),
      ...(t.calls === 0 ? ["", `**${code(t.policyPath)}**: its inputs hold no calls, so nothing is vouched for`] : []),
      ...(t.unknownScopes.length === 0
        ? []
        : [
            "",
            `**Unknown scope names in ${code(t.policyPath)}**: ${t.unknownScopes.map((u) => code(u.scope)).join(", ")}`,
          ]),
      ...((quiet && !v.strict) || t.unused.length === 0
        ? []
        : section(
            `**Unused in ${code(t.policyPath)}**: remove`,
            table(
              ["Scope", "Unlocks for nothing", "Where"],
              t.unused.map((u) => [code(u.scope), plural(u.unlocks, "endpoint"), where(u.source)]),
            ),
          )),
    );
  }
  lines.push(
    ...section(
      `**Not identified (${v.unidentified.length})**`,
      v.unidentified.length === 0
        ? []
        : table(
            ["Where", "Call", "Why"],
            v.unidentified.map((c) => [where(c.source), code(c.call), `${c.status}: ${c.reason}${noteOf(c.source)}`]),
          ),
    ),
  );
  for (const u of v.updated ?? []) {
    const changes = [...u.added.map((s) => `+${s}`), ...u.removed.map((s) => `-${s}`)].join(" ");
    lines.push("", `Updated ${code(`tokens.${u.token}.scopes`)}: ${code(changes)}`);
  }
  if (v.notUpdated) lines.push("", `**Not updated**: ${v.notUpdated}`);
  return lines;
};
