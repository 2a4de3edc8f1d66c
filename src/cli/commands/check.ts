import type { TokenCheck } from "../../checker/check-token.js";
import { readToken } from "../../checker/read-token.js";
import { InputError } from "../../errors.js";
import { parseJson } from "../../util/parse-json.js";
import type { Style } from "../color.js";
import type { Context } from "../context.js";
import { at, plural, unidentifiedBlock, withSources } from "../format.js";
import { EXIT, type CallSource, type CommandResult } from "../io.js";
import { readCalls, readInput } from "../read-calls.js";

const loadToken = async (args: Context["args"]): Promise<unknown> => {
  if (args.scopes !== undefined) return args.scopes.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const file = args.token as string;
  const parsed = parseJson(await readInput(file));
  if (!parsed.ok) throw new InputError("invalid-json", [{ code: "invalid-json", path: "$", message: `line ${parsed.line}, column ${parsed.column}: ${parsed.message}` }], file);
  readToken(parsed.value, file);
  return parsed.value;
};

const strictFails = (c: TokenCheck): boolean => c.unused.length > 0 || c.unknownScopes.length > 0;

const tokenText = (c: TokenCheck, sources: readonly CallSource[], style: Style, strict: boolean): string[] => {
  const verdict = c.sufficient ? style.green("sufficient") : style.red("NOT sufficient");
  const lines = [`${style.bold(`Token is ${verdict} for ${plural(c.calls.length, "call")}`)}${style.dim(`  (catalog ${c.catalog.name} ${c.catalog.version})`)}`];
  lines.push(`  granted: ${c.granted.join(", ") || "(no known scopes)"}`);
  if (c.missing.length > 0) {
    lines.push("", style.red(`Missing scopes (${c.missing.length} calls):`));
    for (const m of c.missing) lines.push(`  ${at(sources, m.index)}${m.call}  needs ${m.anyOf.join(" or ")}`);
    lines.push(`  add: ${c.add.join(",")}`);
  }
  lines.push(...unidentifiedBlock(c.unknownCalls, sources, style, "Not identified, so the token cannot be vouched for"));
  if (c.unused.length > 0) {
    lines.push("", (strict ? style.red : style.yellow)(`Unused scopes (${c.unused.length}):`));
    for (const u of c.unused) lines.push(`  ${u.scope}  unlocks ${plural(u.endpoints, "endpoint")} no call needs`);
  }
  if (c.unknownScopes.length > 0) {
    lines.push("", (strict ? style.red : style.yellow)(`Scope names the catalog does not know (${c.unknownScopes.length}):`));
    for (const u of c.unknownScopes) lines.push(`  ${u.scope}${u.didYouMean ? `  (did you mean ${u.didYouMean}?)` : ""}`);
  }
  return lines;
};

/** `scopewise check --scopes a,b FILE` / `--token TOKEN FILE` */
export const check = async ({ args, calc, style }: Context): Promise<CommandResult> => {
  if ((args.scopes === undefined) === (args.token === undefined)) {
    return { stdout: "", stderr: "scopewise check: give exactly one of --scopes LIST or --token FILE (see scopewise check --help)", exitCode: EXIT.error };
  }
  if (args.positionals.length !== 1) return { stdout: "", stderr: "scopewise check: expected one calls FILE (see scopewise check --help)", exitCode: EXIT.error };
  const token = await loadToken(args);
  const { calls, sources } = await readCalls(args.positionals[0] as string);
  const result = calc.checkToken(token, calls);
  const checks = result.kind === "token" ? [result] : result.tokens.map((t) => t.check);
  const passes = (c: TokenCheck): boolean => c.sufficient && !(args.strict && strictFails(c));
  const exitCode = checks.some(passes) ? EXIT.ok : EXIT.no;
  if (args.json) {
    const annotate = (c: TokenCheck) => ({ ...c, calls: withSources(c.calls, sources), missing: withSources(c.missing, sources), unknownCalls: withSources(c.unknownCalls, sources) });
    const json = result.kind === "token" ? annotate(result) : { ...result, tokens: result.tokens.map((t) => ({ ...t, check: annotate(t.check) })) };
    return { stdout: JSON.stringify(json, null, 2), exitCode };
  }
  if (result.kind === "token") return { stdout: tokenText(result, sources, style, args.strict).join("\n"), exitCode };
  const lines = result.tokens.flatMap((t, i) => [
    ...(i === 0 ? [] : [""]),
    style.bold(`Token ${t.id ?? `#${i + 1}`}${t.note ? ` (${t.note})` : ""}:`),
    ...tokenText(t.check, sources, style, args.strict).map((l) => `  ${l}`),
  ]);
  return { stdout: lines.join("\n"), exitCode };
};
