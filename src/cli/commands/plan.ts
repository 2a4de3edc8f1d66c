import { defineCommand, EXIT, type CommandContext } from "../command.js";
import { CATALOG_OPTIONS, CONFIG_OPTIONS, INPUT_OPTIONS, outputFormat, REPORT_OPTIONS } from "../options.js";

const options = { ...INPUT_OPTIONS, ...REPORT_OPTIONS, ...CATALOG_OPTIONS, ...CONFIG_OPTIONS };

/** `scopewise plan FILE...` */
export const plan = defineCommand({
  name: "plan",
  summary: "the minimal scope set for the calls in files (calls, HAR, access log)",
  args: "FILE...",
  positionals: { min: 0, max: Infinity, name: "FILE" },
  description: [
    "Prints the smallest set of scopes that covers every call in the FILEs, the calls each",
    "scope is needed for, deprecated calls with their replacement, and every call that could",
    "not be identified. A FILE holds METHOD URL lines (or SDK operation names such as",
    "UsersApi.getUser), a JSON array of calls, a HAR, or an access log; - reads stdin.",
    "Logs and large calls files are streamed and folded into one call per endpoint.",
  ].join("\n"),
  options,
  exits:
    "0 every call identified, 1 some call unknown or invalid, an input item not read as a call, or no calls at all, " +
    "2 usage or input error.",
  examples: ["scopewise plan examples/deploy-calls.txt", "scopewise plan session.har access.log --format markdown"],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "plan");
    const [{ render }, { noCalls }, { runConfig }, { readRunInputs }] = await Promise.all([
      import("../context.js"),
      import("../read-inputs.js"),
      import("../run-config.js"),
      import("../run-inputs.js"),
    ]);
    const { calc, run } = await runConfig(values, io, "plan");
    const read = await readRunInputs(positionals, values, calc, run, io, "plan");
    const { calls, problems, inputs } = read;
    const plan = calc.minimalScopes(calls);
    render(io, format, { kind: "plan", plan }, { inputs, problems, ...run.parts() });
    if (noCalls(io, "plan", read.names, read)) return EXIT.no;
    return plan.complete && problems.length === 0 ? EXIT.ok : EXIT.no;
  },
});
