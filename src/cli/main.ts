import { CatalogError, InputError } from "../errors.js";
import { parseCommandLine, type Args } from "./args.js";
import { colorEnabled, makeStyle } from "./color.js";
import { need } from "./commands/need.js";
import { grants, scopes } from "./commands/scopes.js";
import { loadCalculator, type Context } from "./context.js";
import { HELP } from "./help.js";
import { EXIT, type CommandResult } from "./io.js";

declare const __VERSION__: string;

// The commands that read files load on use, so `need` starts without the SDK operation
// table and input readers, and only `scan` brings the JS/TS parser.
const COMMANDS: Record<string, (ctx: Context) => CommandResult | Promise<CommandResult>> = {
  need,
  plan: async (ctx) => (await import("./commands/plan.js")).plan(ctx),
  check: async (ctx) => (await import("./commands/check.js")).check(ctx),
  scan: async (ctx) => (await import("./commands/scan.js")).scan(ctx),
  scopes,
  grants,
};

/** Commands whose results have problems to report as markdown, SARIF or workflow commands. */
const REPORTING = new Set(["plan", "check", "scan"]);

const fail = (message: string): CommandResult => ({ stdout: "", stderr: message, exitCode: EXIT.error });

/** Runs the CLI on argv; returns what to print, so output is written once. */
const run = async (
  argv: readonly string[],
  env: Record<string, string | undefined>,
  isTTY: boolean | undefined,
): Promise<CommandResult> => {
  let args: Args;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    return fail(`scopewise: ${(error as Error).message} (see scopewise --help)`);
  }
  if (args.version) return { stdout: __VERSION__, exitCode: EXIT.ok };
  if (args.command === undefined)
    return args.help ? { stdout: HELP["main"] as string, exitCode: EXIT.ok } : fail(HELP["main"] as string);
  const command = COMMANDS[args.command];
  if (!command || !Object.hasOwn(COMMANDS, args.command))
    return fail(`scopewise: unknown command ${JSON.stringify(args.command)} (see scopewise --help)`);
  if (args.help) return { stdout: HELP[args.command] as string, exitCode: EXIT.ok };
  if (!REPORTING.has(args.command) && args.format !== "text" && args.format !== "json") {
    return fail(
      `scopewise ${args.command}: --format ${args.format} is for plan, check and scan; use --json (see scopewise --help)`,
    );
  }
  try {
    const calc = await loadCalculator(args);
    return await command({ args, calc, style: makeStyle(colorEnabled(isTTY, env)) });
  } catch (error) {
    if (error instanceof CatalogError || error instanceof InputError) return fail(`scopewise: ${error.message}`);
    throw error;
  }
};

const result = await run(process.argv.slice(2), process.env, process.stdout.isTTY);
if (result.stdout !== "") process.stdout.write(`${result.stdout}\n`);
if (result.stderr !== undefined) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.exitCode;
