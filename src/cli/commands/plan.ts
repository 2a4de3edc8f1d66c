import type { Context } from "../context.js";
import { at, endpointLine, plural, unidentifiedBlock, withSources } from "../format.js";
import { EXIT, type CommandResult } from "../io.js";
import { readCalls } from "../read-calls.js";

/** `scopewise plan FILE` */
export const plan = async ({ args, calc, style }: Context): Promise<CommandResult> => {
  if (args.positionals.length !== 1) return { stdout: "", stderr: "scopewise plan: expected one FILE (see scopewise plan --help)", exitCode: EXIT.error };
  const file = args.positionals[0] as string;
  const { calls, sources } = await readCalls(file);
  const p = calc.minimalScopes(calls);
  const exitCode = p.complete ? EXIT.ok : EXIT.no;
  if (args.json) {
    const json = {
      ...p,
      reasons: p.reasons.map((r) => ({ ...r, calls: withSources(r.calls, sources) })),
      calls: withSources(p.calls, sources),
      unknown: withSources(p.unknown, sources),
      deprecated: withSources(p.deprecated, sources),
    };
    return { stdout: JSON.stringify(json, null, 2), exitCode };
  }
  const lines = [
    style.bold(`Minimal scopes for ${plural(p.calls.length, "call")}: ${plural(p.scopes.length, "scope")}, unlocking ${plural(p.unlocks, "endpoint")}`) +
      style.dim(`  (catalog ${p.catalog.name} ${p.catalog.version})`),
  ];
  for (const r of p.reasons) {
    lines.push("", `${style.green(r.scope)}  ${style.dim(`needed by ${plural(r.calls.length, "call")}; unlocks ${plural(r.unlocks, "endpoint")}`)}`);
    for (const c of r.calls) lines.push(`  ${at(sources, c.index)}${endpointLine(c.endpoint, style)}`);
  }
  if (p.deprecated.length > 0) {
    lines.push("", style.yellow(`Deprecated (${p.deprecated.length}):`));
    for (const d of p.deprecated) {
      lines.push(`  ${at(sources, d.index)}${d.endpoint.method} ${d.endpoint.path}${d.replacedBy ? ` → use ${d.replacedBy.method} ${d.replacedBy.path}` : ""}`);
    }
  }
  lines.push(...unidentifiedBlock(p.unknown, sources, style, "Not identified, so not covered by this plan"));
  lines.push("", `scopes: ${p.scopes.join(",") || "(none)"}`);
  return { stdout: lines.join("\n"), exitCode };
};
