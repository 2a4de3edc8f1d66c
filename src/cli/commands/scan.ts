import { scanFiles } from "../../node/scan/scan-files.js";
import type { SourceProblem } from "../../sources/types.js";
import type { Context } from "../context.js";
import { plural } from "../format.js";
import { EXIT, type CommandResult } from "../io.js";
import { checkOutput, loadToken, tokenOptionError } from "./check.js";
import { planOutput } from "./plan.js";

/** `scopewise scan PATH…` (with --scopes/--token: check the token against what the code calls) */
export const scan = async (ctx: Context): Promise<CommandResult> => {
  const { args, calc } = ctx;
  if (args.positionals.length === 0)
    return {
      stdout: "",
      stderr: "scopewise scan: expected at least one PATH (see scopewise scan --help)",
      exitCode: EXIT.error,
    };
  const withToken = args.scopes !== undefined || args.token !== undefined;
  const usage = withToken ? tokenOptionError(args, "scan") : undefined;
  if (usage !== undefined) return { stdout: "", stderr: usage, exitCode: EXIT.error };
  const token = withToken ? await loadToken(args) : undefined;
  const r = await scanFiles(args.positionals, {
    baseUrls: [...calc.catalog.baseUrls, ...args.baseUrls],
    requiredScopes: calc.requiredScopes,
  });
  const calls = r.findings.flatMap((f) => (f.kind === "call" ? [f] : []));
  const unclassified: SourceProblem[] = r.findings.flatMap((f) =>
    f.kind === "unclassified" ? [{ source: f.source, code: "unclassified", message: `${f.text}: ${f.reason}` }] : [],
  );
  const input = {
    calls: calls.map((f) => f.call),
    sources: calls.map((f) => f.source),
    problems: [...r.problems, ...unclassified],
    summary: `scan: ${plural(r.files, "file")}${r.skipped.length > 0 ? ` (${r.skipped.length} not JS/TS, skipped)` : ""}: ${plural(calls.length, "call")} (${calls.filter((c) => c.via === "sdk").length} SDK, ${calls.filter((c) => c.via === "url").length} URL), ${unclassified.length} unclassified`,
  };
  return token !== undefined ? checkOutput(ctx, token, input) : planOutput(ctx, input);
};
