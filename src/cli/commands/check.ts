import type { TokenCheck } from "../../checker/check-token.js";
import { readToken } from "../../checker/read-token.js";
import { InputError } from "../../errors.js";
import { parseJson } from "../../util/parse-json.js";
import type { Style } from "../color.js";
import type { Context } from "../context.js";
import { at, plural, unidentifiedBlock, withSources } from "../format.js";
import { EXIT, type CallSource, type CommandResult } from "../io.js";
import { readInput } from "../read-calls.js";
import { readSource, type SourceInput } from "../read-source.js";
import { scopeLocator } from "../../sources/scope-locator.js";
import type { SourceLocation } from "../../sources/types.js";
import { noCalls, problemsBlock, reportOutput, withUnknown } from "../report-output.js";

/** A token to check, and where each of its scope names is written (for report locations). */
export interface LoadedToken {
  readonly token: unknown;
  readonly scopeSource?: (scope: string) => SourceLocation | undefined;
}

/** `--scopes` as a list, or `--token FILE` read and shape-checked (throws `InputError`). */
export const loadToken = async (args: Context["args"]): Promise<LoadedToken> => {
  if (args.scopes !== undefined)
    return {
      token: args.scopes
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    };
  const file = args.token as string;
  const text = await readInput(file);
  const parsed = parseJson(text);
  if (!parsed.ok)
    throw new InputError(
      "invalid-json",
      [{ code: "invalid-json", path: "$", message: `line ${parsed.line}, column ${parsed.column}: ${parsed.message}` }],
      file,
    );
  readToken(parsed.value, file);
  return { token: parsed.value, ...(file === "-" ? {} : { scopeSource: scopeLocator(text, file) }) };
};

const strictFails = (c: TokenCheck): boolean => c.unused.length > 0 || c.unknownScopes.length > 0;

const tokenText = (c: TokenCheck, sources: readonly CallSource[], style: Style, strict: boolean): string[] => {
  const verdict = c.sufficient ? style.green("sufficient") : style.red("NOT sufficient");
  const lines = [
    `${style.bold(`Token is ${verdict} for ${plural(c.calls.length, "call")}`)}${style.dim(`  (catalog ${c.catalog.name} ${c.catalog.version})`)}`,
  ];
  lines.push(`  granted: ${c.granted.join(", ") || "(no known scopes)"}`);
  if (c.missing.length > 0) {
    lines.push("", style.red(`Missing scopes (${c.missing.length} calls):`));
    for (const m of c.missing) lines.push(`  ${at(sources, m.index)}${m.call}  needs ${m.anyOf.join(" or ")}`);
    lines.push(`  add: ${c.add.join(",")}`);
  }
  lines.push(
    ...unidentifiedBlock(c.unknownCalls, sources, style, "Not identified, so the token cannot be vouched for"),
  );
  if (c.unused.length > 0) {
    lines.push("", (strict ? style.red : style.yellow)(`Unused scopes (${c.unused.length}):`));
    for (const u of c.unused) lines.push(`  ${u.scope}  unlocks ${plural(u.endpoints, "endpoint")} no call needs`);
  }
  if (c.unknownScopes.length > 0) {
    lines.push(
      "",
      (strict ? style.red : style.yellow)(`Scope names the catalog does not know (${c.unknownScopes.length}):`),
    );
    for (const u of c.unknownScopes)
      lines.push(`  ${u.scope}${u.didYouMean ? `  (did you mean ${u.didYouMean}?)` : ""}`);
  }
  return lines;
};

/** Token options of `check` (and `scan`): exactly one of --scopes and --token, or a usage message. */
export const tokenOptionError = (args: Context["args"], command: string): string | undefined =>
  (args.scopes === undefined) === (args.token === undefined)
    ? `scopewise ${command}: give exactly one of --scopes LIST or --token FILE (see scopewise ${command} --help)`
    : undefined;

/** Checks a token against calls read from any source and renders it in `--format`; shared by `check` and `scan`. */
export const checkOutput = (
  ctx: Context,
  { token, scopeSource }: LoadedToken,
  input: Pick<SourceInput, "calls" | "sources" | "problems" | "summary">,
): CommandResult => {
  const { args, calc, style } = ctx;
  const { sources, problems } = input;
  const result = calc.checkToken(token, input.calls);
  const checks = result.kind === "token" ? [result] : result.tokens.map((t) => t.check);
  const summary = withUnknown(input.summary, checks[0]?.unknownCalls.length ?? 0);
  const passes = (c: TokenCheck): boolean => c.sufficient && !(args.strict && strictFails(c));
  const exitCode = checks.some(passes) && problems.length === 0 ? EXIT.ok : EXIT.no;
  const report = reportOutput(
    ctx,
    { result: { kind: "check", check: result }, sources, problems, ...(scopeSource ? { scopeSource } : {}) },
    summary,
  );
  if (report !== undefined) return { stdout: report, exitCode };
  if (args.format === "json") {
    const annotate = (c: TokenCheck) => ({
      ...c,
      calls: withSources(c.calls, sources),
      missing: withSources(c.missing, sources),
      unknownCalls: withSources(c.unknownCalls, sources),
    });
    const json =
      result.kind === "token"
        ? annotate(result)
        : { ...result, tokens: result.tokens.map((t) => ({ ...t, check: annotate(t.check) })) };
    const extra = { ...(problems.length > 0 ? { problems } : {}), ...(summary !== "" ? { input: summary } : {}) };
    return { stdout: JSON.stringify({ ...json, ...extra }, null, 2), exitCode };
  }
  const head = summary === "" ? [] : [style.dim(summary), ""];
  const tail = problemsBlock(problems, style);
  if (result.kind === "token")
    return { stdout: [...head, ...tokenText(result, sources, style, args.strict), ...tail].join("\n"), exitCode };
  const lines = result.tokens.flatMap((t, i) => [
    ...(i === 0 ? [] : [""]),
    style.bold(`Token ${t.id ?? `#${i + 1}`}${t.note ? ` (${t.note})` : ""}:`),
    ...tokenText(t.check, sources, style, args.strict).map((l) => `  ${l}`),
  ]);
  return { stdout: [...head, ...lines, ...tail].join("\n"), exitCode };
};

/** `scopewise check --scopes a,b FILE` / `--token TOKEN FILE` */
export const check = async (ctx: Context): Promise<CommandResult> => {
  const usage = tokenOptionError(ctx.args, "check");
  if (usage !== undefined) return { stdout: "", stderr: usage, exitCode: EXIT.error };
  if (ctx.args.positionals.length !== 1)
    return {
      stdout: "",
      stderr: "scopewise check: expected one calls FILE (see scopewise check --help)",
      exitCode: EXIT.error,
    };
  // The token is read before the calls, so a bad token fails fast even on a large log.
  const token = await loadToken(ctx.args);
  const input = await readSource(ctx.args.positionals[0] as string, ctx);
  return noCalls("check", ctx.args.positionals[0] as string, input, checkOutput(ctx, token, input));
};
