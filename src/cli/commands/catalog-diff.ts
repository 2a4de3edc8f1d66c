import type { SourcedCall } from "../../sources/types.js";
import type { ImpactToken } from "../../upkeep/types.js";
import { defineCommand, EXIT, UsageError, type CommandContext } from "../command.js";
import type { Io } from "../io.js";
import { CONFIG_OPTIONS, INPUT_OPTIONS, outputFormat, REPORT_OPTIONS, TOKEN_OPTIONS } from "../options.js";
import { EMBEDDED, loadCatalogArg } from "./catalog-load.js";

const options = {
  ...INPUT_OPTIONS,
  scan: { type: "string", list: true, value: "PATH", description: "also the Dynamic calls found in JS/TS source here" },
  scopes: TOKEN_OPTIONS.scopes,
  token: TOKEN_OPTIONS.token,
  ...CONFIG_OPTIONS,
  ...REPORT_OPTIONS,
} as const;

/** The tokens of `--scopes` or `--token`, each with the label the impact names it by. */
const tokensOf = async (values: { scopes: readonly string[]; token: string | undefined }, io: Io) => {
  if (values.scopes.length === 0 && values.token === undefined) return [];
  const [{ loadToken }, { readToken }] = await Promise.all([
    import("../token.js"),
    import("../../checker/read-token.js"),
  ]);
  const { token } = await loadToken(values, "catalog diff", io);
  const read = readToken(token);
  if (read.kind === "token")
    return [{ label: values.token === undefined ? "(--scopes)" : values.token, scopes: read.scopes }];
  return read.tokens.map((t, i): ImpactToken => ({ label: t.note ?? t.id ?? `#${i + 1}`, scopes: t.scopes }));
};

/** `scopewise catalog diff OLD NEW [FILE...]` */
export const catalogDiff = defineCommand({
  name: "catalog diff",
  summary: "what changed between two catalogs, its semver, and its impact on your calls",
  args: "OLD NEW [FILE...]",
  positionals: { min: 2, max: Infinity, name: "OLD NEW" },
  description: [
    `Compares two catalogs (${EMBEDDED} is the embedded one): scopes and endpoints added and`,
    "removed, endpoints moved between scopes, new and lifted deprecations, changed summaries and",
    "ratings. Endpoints are compared by the requests they answer, so an endpoint that takes",
    "requests from another one counts as moved. Each change has its semver weight (an endpoint",
    "leaving a scope is major, a new one minor), and the version NEW should carry is printed.",
    "With calls (FILEs read as for plan, --scan PATH) and a token (--scopes, --token), it says",
    "what changes for them: which calls need other scopes and which tokens will be denied.",
    "Without them it judges the config's token policies (scopewise.config.json, or --config),",
    "each token on its own inputs, as verify reads them.",
  ].join("\n"),
  options,
  exits: "0 not breaking for the given calls, 1 breaking for them (or NEW's version understates the change), 2 error.",
  examples: [
    "scopewise catalog diff @dynamic new.json",
    "scopewise catalog diff @dynamic new.json --token tokens.json session.har --format markdown",
  ],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "catalog diff");
    const [oldArg, newArg, ...files] = positionals as [string, string, ...string[]];
    if (oldArg === "-" && newArg === "-") throw new UsageError("only one of OLD and NEW can be stdin", "catalog diff");
    const tokens = await tokensOf(values, io);
    const old = await loadCatalogArg(oldArg, io);
    const next = await loadCatalogArg(newArg, io);
    const [{ diffCatalogs }, { render }, { readInputs }, { pairedCalculator, configImpact }, { findRunConfig }] =
      await Promise.all([
        import("../../upkeep/diff-catalogs.js"),
        import("../context.js"),
        import("../read-inputs.js"),
        import("../catalog-impact.js"),
        import("../run-config.js"),
      ]);
    const diff = diffCatalogs(old, next);
    const calc = pairedCalculator(old, next);
    const baseUrls = [...new Set([...old.baseUrls, ...values["base-url"]])];
    const read = await readInputs(files, { from: values.from, baseUrls, calc, io });
    const calls: SourcedCall[] = [...read.calls];
    const inputs = [...read.inputs];
    const problems = [...read.problems];
    if (values.scan.length > 0) {
      const { scanFiles } = await import("../../node/scan/scan-files.js");
      const r = await scanFiles(values.scan, {
        baseUrls: [...next.baseUrls, ...baseUrls],
        requiredScopes: calc.requiredScopes,
      });
      for (const f of r.findings) if (f.kind === "call") calls.push({ call: f.call, source: f.source });
      problems.push(...r.problems);
    }
    const given = files.length > 0 || values.scan.length > 0 || tokens.length > 0;
    // With no calls or token of its own, the diff is judged on the config's token policies, when there is one.
    const config = given && values.config === undefined ? undefined : await findRunConfig(values, io, "catalog diff");
    if (config !== undefined) {
      const r = await configImpact(old, next, config, io);
      const parts = { inputs: [...inputs, ...r.inputs], problems: [...problems, ...r.problems], ...r.run.parts() };
      render(io, format, { kind: "catalog-diff", diff: { ...diff, impact: r.impact } }, parts);
      return r.impact.breaking || !diff.versionOk ? EXIT.no : EXIT.ok;
    }
    const withImpact = given;
    const { impactOf } = await import("../../upkeep/impact.js");
    const impact = withImpact ? { impact: impactOf(old, next, calls, tokens) } : {};
    render(io, format, { kind: "catalog-diff", diff: { ...diff, ...impact } }, { inputs, problems });
    const breaking = impact.impact?.breaking === true;
    return breaking || !diff.versionOk ? EXIT.no : EXIT.ok;
  },
});
