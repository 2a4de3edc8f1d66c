import { readToken } from "../../checker/read-token.js";
import type { MatchResult } from "../../matcher/result.js";
import type { SourcedCall } from "../../sources/types.js";
import type { ImpactToken } from "../../upkeep/types.js";
import { createCalculator } from "../../api/calculator.js";
import { defineCommand, EXIT, UsageError, type CommandContext } from "../command.js";
import { outputFormat, render } from "../context.js";
import type { Io } from "../io.js";
import { INPUT_OPTIONS, REPORT_OPTIONS, TOKEN_OPTIONS } from "../options.js";
import { readInputs } from "../read-inputs.js";
import { loadToken } from "../token.js";
import { EMBEDDED, loadCatalogArg } from "./catalog-load.js";

const options = {
  ...INPUT_OPTIONS,
  scan: { type: "string", list: true, value: "PATH", description: "also the Dynamic calls found in JS/TS source here" },
  scopes: TOKEN_OPTIONS.scopes,
  token: TOKEN_OPTIONS.token,
  ...REPORT_OPTIONS,
} as const;

/** The tokens of `--scopes` or `--token`, each with the label the impact names it by. */
const tokensOf = async (values: { scopes: readonly string[]; token: string | undefined }, io: Io) => {
  if (values.scopes.length === 0 && values.token === undefined) return [];
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
    const { diffCatalogs } = await import("../../upkeep/diff-catalogs.js");
    const diff = diffCatalogs(old, next);
    const calc = createCalculator(next);
    const before = createCalculator(old);
    // A stream folds to one call per pair of endpoints (old, new), so no change is folded away.
    const both = (call: unknown): MatchResult => {
      const [a, b] = [before.requiredScopes(call as never), calc.requiredScopes(call as never)];
      const key = (r: MatchResult) => (r.status === "matched" ? `${r.endpoint.method} ${r.endpoint.path}` : r.status);
      const path = `${key(a)} | ${key(b)}`;
      return {
        status: "matched",
        anyOf: [],
        endpoint: { method: "", path, summary: "", deprecated: false },
        params: {},
      };
    };
    const baseUrls = [...new Set([...old.baseUrls, ...values["base-url"]])];
    const read = await readInputs(files, { from: values.from, baseUrls, calc: { ...calc, requiredScopes: both }, io });
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
    const withImpact = files.length > 0 || values.scan.length > 0 || tokens.length > 0;
    const { impactOf } = await import("../../upkeep/impact.js");
    const impact = withImpact ? { impact: impactOf(old, next, calls, tokens) } : {};
    render(io, format, { kind: "catalog-diff", diff: { ...diff, ...impact } }, { inputs, problems });
    const breaking = impact.impact?.breaking === true;
    return breaking || !diff.versionOk ? EXIT.no : EXIT.ok;
  },
});
