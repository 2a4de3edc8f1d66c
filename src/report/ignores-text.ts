import type { IgnoreReport } from "../gate/types.js";
import { plural } from "../util/text.js";
import { ignoreName } from "./gate-findings.js";
import { formatLocation } from "./location.js";
import type { Style } from "./style.js";

/** Ignored calls shown per entry in text; JSON lists them all (up to the ignorer's cap). */
const SHOWN = 5;

/** What the config's ignores did: each entry with its reason, count and calls; expired and unused entries flagged. */
export const ignoresText = (ignores: IgnoreReport | undefined, style: Style, quiet = false): string[] => {
  if (ignores === undefined || ignores.rules.length === 0) return [];
  const rules = quiet ? ignores.rules.filter((r) => r.status === "expired") : ignores.rules;
  if (rules.length === 0) return [];
  const lines = ["", style.bold(`Ignored by ${ignores.file} (${plural(ignores.ignored, "call")}):`)];
  for (const r of rules) {
    const name = ignoreName(r.index, r.match);
    const at = style.dim(`  ${formatLocation(r.source)}`);
    if (r.status === "expired") {
      lines.push(style.red(`  ${name} expired on ${r.expires}: it ignores nothing; renew or remove it`) + at);
      continue;
    }
    const refused = r.refused
      ? [style.red(`    ${plural(r.refused, "call")} it matched stay: a server could route them to an endpoint`)]
      : [];
    if (r.status === "unused") {
      lines.push(style.yellow(`  ${name} ${r.refused ? "ignores" : "matches"} no call; remove it`) + at, ...refused);
      continue;
    }
    lines.push(`  ${name} (${r.reason}): ${plural(r.count, "call")}${at}`);
    for (const c of r.calls.slice(0, SHOWN)) {
      const hidden = c.endpoint
        ? style.yellow(`  a Dynamic endpoint that needs ${c.anyOf?.join(" or ")}: no scope is vouched for it`)
        : "";
      lines.push(`    ${formatLocation(c.source)}  ${c.call}${hidden}`);
    }
    const more = r.calls.length - SHOWN + r.more;
    if (more > 0) lines.push(style.dim(`    … ${plural(more, "more call")}`));
    lines.push(...refused);
  }
  return lines;
};
