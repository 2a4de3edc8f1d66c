import { defineCommand, EXIT, UsageError, type CommandContext } from "../command.js";
import {
  AGE_OPTION,
  CATALOG_OPTIONS,
  CONFIG_OPTIONS,
  INPUT_OPTIONS,
  LIVE_OPTIONS,
  outputFormat,
  REPORT_OPTIONS,
  TOKEN_ID_OPTION,
  TOKEN_OPTIONS,
} from "../options.js";

const options = {
  ...TOKEN_OPTIONS,
  live: {
    type: "boolean",
    description: "check the token in DYNAMIC_API_TOKEN, as Dynamic describes it, instead (always strict)",
  },
  ...LIVE_OPTIONS,
  ...TOKEN_ID_OPTION,
  ...AGE_OPTION,
  ...INPUT_OPTIONS,
  ...REPORT_OPTIONS,
  ...CATALOG_OPTIONS,
  ...CONFIG_OPTIONS,
} as const;

/** Options that only mean something with --live. */
const LIVE_ONLY = ["environment", "api-url", "timeout", "retries", "token-id", "max-age"] as const;

/** `scopewise check --scopes a,b FILE...` / `--token TOKEN FILE...` */
export const check = defineCommand({
  name: "check",
  summary: "is a token (--scopes or --token) enough for the calls in files?",
  args: "(--scopes LIST | --token FILE | --live) FILE...",
  positionals: { min: 0, max: Infinity, name: "FILE" },
  description: [
    "Checks whether a token covers every call in the FILEs (read as for plan), and lists what",
    "it lacks (add:) and what it grants that no call needs (remove:). --token reads Dynamic's",
    "token JSON: { scopes }, the create-token response { token: { scopes } }, or the list",
    "response { tokens: [...] }, where each token is checked and the answer is yes if one is.",
    "--live checks the token in DYNAMIC_API_TOKEN as Dynamic's API describes it (GET /tokens/me,",
    "or the environment's list with --environment), and fails on anything more than the calls need.",
  ].join("\n"),
  options,
  exits:
    "0 sufficient, 1 not sufficient (missing scopes, unidentified calls or unread input items, no calls at all; " +
    "with --strict also unused or unknown scopes, with --max-unused-risk unused scopes rated above it), " +
    "2 usage or input error.",
  examples: [
    "scopewise check --token examples/token-ci.json examples/deploy-calls.txt",
    "scopewise check --strict --max-unused-risk read --token token.json calls.txt",
  ],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const [{ findRunConfig, runConfig, runSettings }, { readRunInputs }] = await Promise.all([
      import("../run-config.js"),
      import("../run-inputs.js"),
    ]);
    if (values.live) {
      const { checkLive } = await import("../check-live.js");
      return checkLive(values, io, async (calc) => {
        const run = runSettings(await findRunConfig(values, io, "check"), calc, io);
        return { ...(await readRunInputs(positionals, values, calc, run, io, "check")), parts: run.parts() };
      });
    }
    const only = LIVE_ONLY.find((o) => values[o] !== undefined);
    if (only !== undefined) throw new UsageError(`--${only} is for --live`, "check");
    const format = outputFormat(values, "check");
    const [{ render }, { noCalls }, { checkParts, checkPasses, checkResult, loadToken }] = await Promise.all([
      import("../context.js"),
      import("../read-inputs.js"),
      import("../token.js"),
    ]);
    // The token is read before the calls, so a bad token fails fast even on a large log.
    const { token, locate } = await loadToken(values, "check", io);
    const { calc, run } = await runConfig(values, io, "check");
    const read = await readRunInputs(positionals, values, calc, run, io, "check");
    const { calls, problems, inputs } = read;
    const result = calc.checkToken(token as string[], calls);
    render(io, format, checkResult(result, values), {
      inputs,
      problems,
      ...checkParts(result, calc, locate),
      ...run.parts(),
    });
    if (noCalls(io, "check", read.names, read)) return EXIT.no;
    return checkPasses(result, values.strict, values["max-unused-risk"]) && problems.length === 0 ? EXIT.ok : EXIT.no;
  },
});
