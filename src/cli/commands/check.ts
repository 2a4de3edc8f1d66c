import { defineCommand, EXIT, type CommandContext } from "../command.js";
import { loadCalculator, outputFormat, render } from "../context.js";
import { CATALOG_OPTIONS, INPUT_OPTIONS, REPORT_OPTIONS, TOKEN_OPTIONS } from "../options.js";
import { inputOptionValues, noCalls, readInputs } from "../read-inputs.js";
import { checkParts, checkPasses, loadToken } from "../token.js";

const options = { ...TOKEN_OPTIONS, ...INPUT_OPTIONS, ...REPORT_OPTIONS, ...CATALOG_OPTIONS };

/** `scopewise check --scopes a,b FILE...` / `--token TOKEN FILE...` */
export const check = defineCommand({
  name: "check",
  summary: "is a token (--scopes or --token) enough for the calls in files?",
  args: "(--scopes LIST | --token FILE) FILE...",
  positionals: { min: 1, max: Infinity, name: "FILE" },
  description: [
    "Checks whether a token covers every call in the FILEs (read as for plan), and lists what",
    "it lacks (add:) and what it grants that no call needs (remove:). --token reads Dynamic's",
    "token JSON: { scopes }, the create-token response { token: { scopes } }, or the list",
    "response { tokens: [...] }, where each token is checked and the answer is yes if one is.",
  ].join("\n"),
  options,
  exits:
    "0 sufficient, 1 not sufficient (missing scopes, unidentified calls or unread input items, no calls at all; " +
    "with --strict also unused or unknown scopes), 2 usage or input error.",
  examples: ["scopewise check --token examples/token-ci.json examples/deploy-calls.txt"],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "check");
    // The token is read before the calls, so a bad token fails fast even on a large log.
    const { token, locate } = await loadToken(values, "check", io);
    const calc = await loadCalculator(values.catalog, io);
    const read = await readInputs(positionals, { ...inputOptionValues(values), calc, io });
    const { calls, problems, inputs } = read;
    const result = calc.checkToken(token as string[], calls);
    render(
      io,
      format,
      { kind: "check", check: result, strict: values.strict },
      { inputs, problems, ...checkParts(result, calc, locate) },
    );
    if (noCalls(io, "check", positionals, read)) return EXIT.no;
    return checkPasses(result, values.strict) && problems.length === 0 ? EXIT.ok : EXIT.no;
  },
});
