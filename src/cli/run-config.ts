import type { Calculator } from "../api/calculator.js";
import type { IgnoreEntry, RewriteEntry } from "../gate/config-schema.js";
import { compileMatch, ruleMatches } from "../gate/ignore-rule.js";
import { createIgnorer, type Ignorer } from "../gate/ignorer.js";
import { apiHosts } from "../gate/protected-call.js";
import { rewriteCall } from "../gate/rewrite.js";
import { parseLogFormat, type LogFormat } from "../sources/logs/formats.js";
import type { LoadedConfig } from "../node/config/load-config.js";
import type { SourceProblem, SourcedCall } from "../sources/types.js";
import { ConfigError, type Issue } from "../util/errors.js";
import { UsageError } from "./command.js";
import { loadCalculator, type ReportParts } from "./context.js";
import type { Io } from "./io.js";

/** What a run takes from the config: extra base URLs, rewrites, and the ignores with their count. */
export interface RunConfig {
  readonly config?: LoadedConfig;
  /** The config's base URLs (the command adds its own `--base-url`s). */
  readonly baseUrls: readonly string[];
  readonly rewrites: readonly RewriteEntry[];
  /** The config's `logFormat`, parsed; `--log-format` wins over it. */
  readonly logFormat?: LogFormat;
  readonly ignorer?: Ignorer;
  /** For streamed readers: leave ignored calls out before folding. */
  readonly skip?: (call: SourcedCall) => boolean;
  /** The report's `ignores` part, read after the inputs. */
  parts(): ReportParts;
}

const lineOf = (config: LoadedConfig, path: string): { line?: number } => {
  const line = config.lineOf(path);
  return line === undefined ? {} : { line };
};

const today = (io: Io): string => (io.now?.() ?? new Date()).toISOString().slice(0, 10);

/** The config a command uses: `--config FILE`, none with `--no-config`, else the nearest one found from `io.cwd`. */
export const findRunConfig = async (
  values: { readonly config?: string | undefined; readonly "no-config"?: boolean },
  io: Io,
  command: string,
): Promise<LoadedConfig | undefined> => {
  if (values["no-config"] && values.config !== undefined)
    throw new UsageError("--config and --no-config disagree; give one", command);
  if (values["no-config"]) return undefined;
  if (values.config === "-") throw new UsageError("--config needs a file (its inputs are relative to it)", command);
  const { findConfig } = await import("../node/config/find-config.js");
  const file = values.config ?? (await findConfig(io.cwd));
  if (file === undefined) return undefined;
  const { loadConfig } = await import("../node/config/load-config.js");
  return loadConfig(file, io.cwd);
};

/**
 * Rewrites map where a proxy mounts the API onto the API's base path, and nothing else: a rewrite inside the
 * API (`/api/v0/environments/e1/apiTokens` → `/api/v0/environments/e1/users`) would change what a call needs
 * without an ignore saying so.
 */
const checkRewrites = (config: LoadedConfig, rewrites: readonly RewriteEntry[], calc: Calculator<string>): void => {
  const bases = [...new Set(calc.catalog.baseUrls.map((u) => new URL(u).pathname.replace(/\/+$/, "")))];
  const under = (path: string) => bases.some((b) => path === b || path.startsWith(`${b}/`));
  const issues: Issue[] = [];
  rewrites.forEach(({ from, to }, i) => {
    const at = (key: string, message: string) =>
      issues.push({
        code: "bad-rewrite",
        path: `$.rewrites[${i}].${key}`,
        message,
        ...lineOf(config, `$.rewrites[${i}]`),
      });
    if (!bases.includes(to.replace(/\/+$/, "")))
      at("to", `rewrites map onto the API's base path (${bases.join(" or ")})`);
    if (under(from.replace(/\/+$/, "")) || from === "/")
      at("from", "a proxy's mount point, outside the API's base path");
  });
  if (issues.length > 0) throw new ConfigError(issues, config.file);
};

/**
 * A `host:` entry may not name Dynamic's own API hosts: they serve nothing but the API, so such an
 * entry would hide every call the catalog does not know there (undocumented endpoints need scopes too).
 */
const checkHostIgnores = (config: LoadedConfig, ignore: readonly IgnoreEntry[], calc: Calculator<string>): void => {
  const issues: Issue[] = [];
  ignore.forEach((entry, i) => {
    const rule = compileMatch(entry.match);
    if (typeof rule !== "object" || rule.kind !== "host") return;
    const hit = [...apiHosts(calc.catalog)].find((host) => ruleMatches(rule, { host }));
    if (hit === undefined) return;
    issues.push({
      code: "bad-match",
      path: `$.ignore[${i}].match`,
      message: `it would hide calls to Dynamic's API host ${hit}; ignore those by path ("METHOD /path")`,
      ...lineOf(config, `$.ignore[${i}]`),
    });
  });
  if (issues.length > 0) throw new ConfigError(issues, config.file);
};

/** The run's settings from a loaded config (or none). */
export const runSettings = (config: LoadedConfig | undefined, calc: Calculator<string>, io: Io): RunConfig => {
  const c = config?.config;
  let logFormat: LogFormat | undefined;
  if (config && c?.logFormat !== undefined) {
    const parsed = parseLogFormat(c.logFormat);
    if (!parsed.ok) {
      const message = `logFormat ${parsed.message}`;
      const issue = { code: "bad-log-format", path: "$.logFormat", message, ...lineOf(config, "$.logFormat") };
      throw new ConfigError([issue], config.file);
    }
    logFormat = parsed.format;
  }
  const ignorer =
    config && c?.ignore?.length
      ? createIgnorer(c.ignore, {
          file: config.file,
          lineOf: (i) => config.lineOf(`$.ignore[${i}]`),
          catalog: calc.catalog,
          ...(c.rewrites ? { rewrites: c.rewrites } : {}),
          today: today(io),
        })
      : undefined;
  if (config && c?.rewrites) checkRewrites(config, c.rewrites, calc);
  if (config && c?.ignore) checkHostIgnores(config, c.ignore, calc);
  return {
    ...(config ? { config } : {}),
    baseUrls: c?.baseUrls ?? [],
    rewrites: c?.rewrites ?? [],
    ...(logFormat === undefined ? {} : { logFormat }),
    ...(ignorer ? { ignorer, skip: ignorer.skip } : {}),
    parts: () => (ignorer ? { ignores: ignorer.report() } : {}),
  };
};

/** Loads the config, the calculator and the run's settings: what every command that reads calls starts with. */
export const runConfig = async (
  values: {
    readonly config?: string | undefined;
    readonly "no-config"?: boolean;
    readonly catalog?: string | undefined;
  },
  io: Io,
  command: string,
): Promise<{ calc: Calculator<string>; run: RunConfig }> => {
  const config = await findRunConfig(values, io, command);
  const calc = await loadCalculator(values.catalog, io);
  return { calc, run: runSettings(config, calc, io) };
};

/**
 * The one place the config acts on calls already read: rewrites (until the readers take them), then ignores.
 * Ignored calls are counted by the ignorer and listed in the report, never dropped silently.
 */
export const applyConfig = <R extends { calls: SourcedCall[]; problems: SourceProblem[] }>(
  read: R,
  run: RunConfig,
): R => {
  const rewritten = run.rewrites.length === 0 ? read.calls : read.calls.map((c) => rewriteCall(c, run.rewrites));
  return { ...read, calls: run.ignorer ? run.ignorer.keep(rewritten) : rewritten };
};
