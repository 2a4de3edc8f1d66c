import type { Calculator } from "../api/calculator.js";
import { TOKEN_NAME } from "../gate/config-schema.js";
import { parseConfig } from "../gate/parse-config.js";
import { updatePolicy } from "../gate/update.js";
import { verifyPolicy, type TokenPolicy, type VerifyResult } from "../gate/verify.js";
import type { LoadedConfig } from "../node/config/load-config.js";
import type { ReportFormat } from "../report/format.js";
import { verifyOutcome } from "../report/verify-json.js";
import type { InputSummary } from "../report/model.js";
import type { SourceProblem } from "../sources/types.js";
import { ConfigError } from "../util/errors.js";
import { didYouMean } from "../util/edit-distance.js";
import { UsageError } from "./command.js";
import { loadCalculator, render } from "./context.js";
import type { Io } from "./io.js";
import { runSettings } from "./run-config.js";
import { configInputReader } from "./run-inputs.js";

/** How `scopewise verify` runs. */
export interface VerifyOptions {
  /** Tokens to verify; all when empty. */
  readonly names: readonly string[];
  readonly format: ReportFormat;
  readonly strict: boolean;
  readonly update: boolean;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly catalog: string | undefined;
  readonly io: Io;
}

const pathOf = (name: string, rest: string): string =>
  TOKEN_NAME.test(name) && /^[A-Za-z_$][\w$]*$/.test(name) ? `$.tokens.${name}${rest}` : `$.tokens["${name}"]${rest}`;

type Token = NonNullable<LoadedConfig["config"]["tokens"]>[string];

const chosenTokens = (config: LoadedConfig, names: readonly string[]): [string, Token][] => {
  const tokens = Object.entries(config.config.tokens ?? {});
  if (tokens.length === 0) {
    const message = 'no tokens to verify: add { "tokens": { "NAME": { "scopes": [...] } } }';
    const line = config.lineOf("$.tokens");
    throw new ConfigError([{ code: "no-tokens", path: "$.tokens", message, ...(line ? { line } : {}) }], config.file);
  }
  for (const name of names) {
    if (tokens.some(([n]) => n === name)) continue;
    const guess = didYouMean(
      name,
      tokens.map(([n]) => n),
    );
    throw new UsageError(
      `${config.file} has no token ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ""}`,
    );
  }
  return names.length === 0 ? tokens : tokens.filter(([n]) => names.includes(n));
};

// Why --update must not write: the minimal set would not cover calls that were not identified or read.
const blocker = (result: VerifyResult, problems: readonly SourceProblem[], expired: number): string | undefined => {
  if (result.unidentified.length > 0) return `${result.unidentified.length} calls are not identified; fix them first`;
  if (problems.length > 0) return `${problems.length} input items were not read as calls; fix them first`;
  if (expired > 0) return `${expired} ignore entries have expired; renew or remove them first`;
  if (result.tokens.some((t) => t.calls === 0)) return "a token's inputs hold no calls";
  return undefined;
};

/** Runs verify on a loaded config, renders the report, and says whether the gate passes. */
export const runVerify = async (config: LoadedConfig, options: VerifyOptions): Promise<boolean> => {
  const { io } = options;
  const tokens = chosenTokens(config, options.names);
  const calc: Calculator<string> = await loadCalculator(options.catalog, io);
  const run = runSettings(config, calc, io);
  const reader = configInputReader(calc, run, io);
  const inputs = new Set<InputSummary>();
  const problems = new Set<SourceProblem>();
  const policies: TokenPolicy[] = [];
  for (const [name, token] of tokens) {
    const own = token.inputs !== undefined;
    const list = (own ? token.inputs : config.config.inputs) ?? [];
    if (list.length === 0) {
      const message = `tokens.${name} serves no inputs: give it inputs, or give the config inputs`;
      throw new ConfigError([{ code: "no-inputs", path: pathOf(name, ""), message }], config.file);
    }
    const entries = list.map((input, i) => ({ input, path: own ? pathOf(name, `.inputs[${i}]`) : `$.inputs[${i}]` }));
    const read = await reader.read(entries);
    read.inputs.forEach((i) => inputs.add(i));
    read.problems.forEach((p) => problems.add(p));
    policies.push({ name, scopes: token.scopes, calls: read.calls });
  }
  const settings = { file: config.file, lineOf: config.lineOf, strict: options.strict };
  let result: VerifyResult = verifyPolicy(calc.catalog, policies, settings);
  const parts = { inputs: [...inputs], problems: [...problems], ...run.parts() };
  if (options.update) {
    const expired = parts.ignores?.rules.filter((r) => r.status === "expired").length ?? 0;
    const why = blocker(result, parts.problems, expired);
    if (why !== undefined) result = { ...result, notUpdated: why };
    else {
      const { text, changes } = updatePolicy(config.text, result.tokens);
      if (changes.length > 0) {
        const { replaceConfig } = await import("../node/config/write-config.js");
        // The new text must read back as a valid config with the new scopes before it replaces the old.
        const reread = parseConfig(text, config.file);
        await replaceConfig(config.path, config.text, text, config.file);
        const updated = policies.map((p) => ({ ...p, scopes: reread.config.tokens?.[p.name]?.scopes ?? [] }));
        result = { ...verifyPolicy(calc.catalog, updated, { ...settings, lineOf: reread.lineOf }), updated: changes };
      }
    }
  }
  const report = {
    kind: "verify" as const,
    verify: result,
    quiet: options.quiet,
    ...(options.maxWarnings === undefined ? {} : { maxWarnings: options.maxWarnings }),
  };
  render(io, options.format, report, parts);
  return verifyOutcome({ result: report, ...parts }).ok;
};
