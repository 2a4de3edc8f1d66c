import type { LoadedConfig } from "../../node/config/load-config.js";
import { defineCommand, EXIT, UsageError, type CommandContext } from "../command.js";
import { CATALOG_OPTIONS, outputFormat, REPORT_OPTIONS } from "../options.js";

const options = {
  config: {
    type: "string",
    value: "FILE",
    description: "the config to verify (default: the nearest scopewise.config.json from the working directory up)",
  },
  strict: { type: "boolean", description: "unused scopes in the policy are errors, not warnings" },
  update: {
    type: "boolean",
    description: "rewrite each token's scopes to the minimal set, keeping the file's comments and formatting",
  },
  "max-warnings": {
    type: "string",
    value: "N",
    check: (v: string) => (/^\d{1,9}$/.test(v) ? undefined : "must be a whole number, 0 or more"),
    description: "fail (exit 1) when there are more than N warnings",
  },
  quiet: { type: "boolean", description: "report errors only (warnings still count for --max-warnings)" },
  ...REPORT_OPTIONS,
  ...CATALOG_OPTIONS,
} as const;

const noConfig = (cwd: string): UsageError =>
  new UsageError(
    `no scopewise.config.json in ${cwd} or above (up to the repository root); create one (see docs/gate.md) ` +
      "or give --config FILE",
    "verify",
  );

/** `scopewise verify [TOKEN...]`: the committed policy against what the inputs need. */
export const verify = defineCommand({
  name: "verify",
  summary: "the gate: do the config's token policies cover their inputs, with nothing to spare?",
  args: "[TOKEN...]",
  positionals: { min: 0, max: Infinity, name: "TOKEN" },
  description: [
    "Reads scopewise.config.json and every input it names, computes the minimal scopes each",
    "token's calls need, and compares them with the scopes the config grants it (tokens.NAME.",
    "scopes). A call the policy does not cover is an error naming the scope to add; a policy",
    "scope no call needs is a warning (an error with --strict); unknown, invalid or unread",
    "calls, unknown scope names and expired ignore entries are errors. TOKEN names limit the",
    "run to those tokens. --update writes the minimal sets into the config.",
  ].join("\n"),
  options,
  exits:
    "0 every policy covers its calls (and no more warnings than --max-warnings), 1 otherwise, " +
    "2 usage, config or input error.",
  examples: ["scopewise verify", "scopewise verify --config examples/gate/scopewise.config.json --format markdown"],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "verify");
    const [{ findRunConfig }, { runVerify }] = await Promise.all([
      import("../run-config.js"),
      import("../verify-run.js"),
    ]);
    const config: LoadedConfig | undefined = await findRunConfig({ config: values.config }, io, "verify");
    if (config === undefined) throw noConfig(io.cwd);
    const ok = await runVerify(config, {
      names: positionals,
      format,
      strict: values.strict,
      update: values.update,
      quiet: values.quiet,
      catalog: values.catalog,
      ...(values["max-warnings"] === undefined ? {} : { maxWarnings: Number(values["max-warnings"]) }),
      io,
    });
    return ok ? EXIT.ok : EXIT.no;
  },
});
