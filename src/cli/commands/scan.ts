import { defineCommand, EXIT, type CommandContext } from "../command.js";
import { outputFormat, render } from "../context.js";
import { CATALOG_OPTIONS, INPUT_OPTIONS, REPORT_OPTIONS, TOKEN_OPTIONS } from "../options.js";
import { applyConfig, CONFIG_OPTIONS, runConfig } from "../run-config.js";
import { scanInputs } from "../scan-inputs.js";
import { checkParts, checkPasses, checkResult, loadToken } from "../token.js";

const options = {
  ...TOKEN_OPTIONS,
  "base-url": INPUT_OPTIONS["base-url"],
  ...REPORT_OPTIONS,
  ...CATALOG_OPTIONS,
  ...CONFIG_OPTIONS,
};

/** `scopewise scan PATH...` (with --scopes/--token: check the token against what the code calls) */
export const scan = defineCommand({
  name: "scan",
  summary: "find Dynamic API calls in JS/TS source, then plan (or check a token)",
  args: "PATH...",
  positionals: { min: 1, max: Infinity, name: "PATH" },
  description: [
    "Finds Dynamic API calls in JS/TS files (folders are searched; node_modules, dist, build",
    "and dot folders skipped) with a real parser: calls of @dynamic-labs/sdk-api methods, and",
    "string or template literals that are Dynamic API URLs or paths, with the method from",
    "fetch(), axios-style .get/.post/..., or { method, url } objects. Each finding has",
    "file:line:column; what cannot be classified is listed and fails the run. Then prints the",
    "minimal scopes, or with --scopes/--token checks that token.",
  ].join("\n"),
  options,
  exits: "0 every call identified and classified (and the token sufficient), 1 otherwise, 2 usage or input error.",
  examples: ["scopewise scan src/", "scopewise scan --token token.json src/ --format markdown"],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "scan");
    const withToken = values.scopes.length > 0 || values.token !== undefined;
    const token = withToken ? await loadToken(values, "scan", io) : undefined;
    const { calc, run } = await runConfig(values, io, "scan");
    const scanned = await scanInputs(positionals, { calc, baseUrls: [...run.baseUrls, ...values["base-url"]] });
    const { calls, problems } = applyConfig(scanned, run);
    const summary = scanned.summary;
    if (token === undefined) {
      const plan = calc.minimalScopes(calls);
      render(io, format, { kind: "plan", plan }, { inputs: [summary], problems, ...run.parts() });
      // Code that calls nothing passes; what could not be classified fails.
      return plan.complete && problems.length === 0 ? EXIT.ok : EXIT.no;
    }
    const result = calc.checkToken(token.token as string[], calls);
    render(io, format, checkResult(result, values), {
      inputs: [summary],
      problems,
      ...checkParts(result, calc, token.locate),
      ...run.parts(),
    });
    // No calls found and nothing unclassified: code that calls nothing needs nothing, so a bot passes.
    const vacuous = calls.length === 0 && problems.length === 0;
    return vacuous || (checkPasses(result, values.strict, values["max-unused-risk"]) && problems.length === 0)
      ? EXIT.ok
      : EXIT.no;
  },
});
