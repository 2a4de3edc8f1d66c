import type { Context } from "../context.js";
import { at, endpointLine, plural, unidentifiedBlock, withSources } from "../format.js";
import { EXIT, type CommandResult } from "../io.js";
import { readSource, type SourceInput } from "../read-source.js";
import { noCalls, problemsBlock, reportOutput, withUnknown } from "../report-output.js";

/** Renders a plan of calls read from any source, in `--format`; shared by `plan` and `scan`. */
export const planOutput = (
  ctx: Context,
  input: Pick<SourceInput, "calls" | "sources" | "problems" | "summary">,
): CommandResult => {
  const { args, calc, style } = ctx;
  const { sources, problems } = input;
  const p = calc.minimalScopes(input.calls);
  const summary = withUnknown(input.summary, p.unknown.length);
  const exitCode = p.complete && problems.length === 0 ? EXIT.ok : EXIT.no;
  const report = reportOutput(ctx, { result: { kind: "plan", plan: p }, sources, problems }, summary);
  if (report !== undefined) return { stdout: report, exitCode };
  if (args.format === "json") {
    const json = {
      ...p,
      reasons: p.reasons.map((r) => ({ ...r, calls: withSources(r.calls, sources) })),
      calls: withSources(p.calls, sources),
      unknown: withSources(p.unknown, sources),
      deprecated: withSources(p.deprecated, sources),
      ...(problems.length > 0 ? { problems } : {}),
      ...(summary !== "" ? { input: summary } : {}),
    };
    return { stdout: JSON.stringify(json, null, 2), exitCode };
  }
  const lines = [
    ...(summary === "" ? [] : [style.dim(summary), ""]),
    style.bold(
      `Minimal scopes for ${plural(p.calls.length, "call")}: ${plural(p.scopes.length, "scope")}, unlocking ${plural(p.unlocks, "endpoint")}`,
    ) + style.dim(`  (catalog ${p.catalog.name} ${p.catalog.version})`),
  ];
  for (const r of p.reasons) {
    lines.push(
      "",
      `${style.green(r.scope)}  ${style.dim(`needed by ${plural(r.calls.length, "call")}; unlocks ${plural(r.unlocks, "endpoint")}`)}`,
    );
    for (const c of r.calls) lines.push(`  ${at(sources, c.index)}${endpointLine(c.endpoint, style)}`);
  }
  if (p.deprecated.length > 0) {
    lines.push("", style.yellow(`Deprecated (${p.deprecated.length}):`));
    for (const d of p.deprecated) {
      lines.push(
        `  ${at(sources, d.index)}${d.endpoint.method} ${d.endpoint.path}${d.replacedBy ? ` → use ${d.replacedBy.method} ${d.replacedBy.path}` : ""}`,
      );
    }
  }
  lines.push(...unidentifiedBlock(p.unknown, sources, style, "Not identified, so not covered by this plan"));
  lines.push(...problemsBlock(problems, style));
  lines.push("", `scopes: ${p.scopes.join(",") || "(none)"}`);
  return { stdout: lines.join("\n"), exitCode };
};

/** `scopewise plan FILE` */
export const plan = async (ctx: Context): Promise<CommandResult> => {
  if (ctx.args.positionals.length !== 1)
    return {
      stdout: "",
      stderr: "scopewise plan: expected one FILE (see scopewise plan --help)",
      exitCode: EXIT.error,
    };
  const input = await readSource(ctx.args.positionals[0] as string, ctx);
  return noCalls("plan", ctx.args.positionals[0] as string, input, planOutput(ctx, input));
};
