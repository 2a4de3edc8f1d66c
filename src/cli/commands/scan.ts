import type { ScanProgress } from "../../node/scan/types.js";
import { defineCommand, EXIT, UsageError, type CommandContext, type OptionSpec } from "../command.js";
import {
  CATALOG_OPTIONS,
  CONFIG_OPTIONS,
  INPUT_OPTIONS,
  outputFormat,
  REPORT_OPTIONS,
  TOKEN_OPTIONS,
} from "../options.js";

const SCAN_OPTIONS = {
  "changed-since": {
    type: "string",
    value: "REF",
    check: (v: string) => (v === "" || v.startsWith("-") ? "must be a git revision" : undefined),
    description: "scan only the files changed since git REF (its merge base with HEAD; uncommitted and untracked too)",
  },
  mode: {
    type: "string",
    value: "MODE",
    choices: ["project", "file"],
    description: "project (default: names resolved across the project's files) or file (each file alone)",
  },
  quiet: { type: "boolean", description: "no progress line on stderr (shown only on a terminal, never in CI)" },
} as const satisfies Record<string, OptionSpec>;

const options = {
  ...TOKEN_OPTIONS,
  ...SCAN_OPTIONS,
  "base-url": INPUT_OPTIONS["base-url"],
  ...REPORT_OPTIONS,
  ...CATALOG_OPTIONS,
  ...CONFIG_OPTIONS,
} as const;

const describeProgress = (p: ScanProgress): string =>
  p.phase === "program" ? `scan: reading ${p.done} files (${p.total} to scan)` : `scan: ${p.done} of ${p.total} files`;

/** `scopewise scan PATH...` (with --scopes/--token: check the token against what the code calls) */
export const scan = defineCommand({
  name: "scan",
  summary: "find Dynamic API calls in JS/TS source, then plan (or check a token)",
  args: "[PATH...]",
  positionals: { min: 0, max: Infinity, name: "PATH" },
  description: [
    "Finds Dynamic API calls in JS/TS files and .vue/.svelte/.astro scripts with TypeScript's",
    "compiler (folders are searched; node_modules skipped; dist, build and dot folders only when",
    "git ignores them): @dynamic-labs/sdk-api operations by the type of their receiver, and Dynamic",
    "URLs by their value, across the project's files (nearest tsconfig.json or jsconfig.json, with",
    "its paths), with the method from fetch(), axios/ky/ofetch clients, verbs, { method, url }",
    "objects and helpers. Each finding has file:line:column; what may be a call but cannot be",
    "classified is listed and fails the run (silence one with a reason:",
    "// scopewise-ignore-next-line: why). Then prints the minimal scopes, or with --scopes/--token",
    "checks that token. With --changed-since REF, PATHs (default .) narrow the changed files.",
  ].join("\n"),
  options,
  exits: "0 every call identified and classified (and the token sufficient), 1 otherwise, 2 usage or input error.",
  examples: [
    "scopewise scan src/",
    "scopewise scan --changed-since origin/main --format markdown",
    "scopewise scan --token token.json src/ --format github",
  ],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const changedSince = values["changed-since"];
    if (positionals.length === 0 && changedSince === undefined)
      throw new UsageError("expected at least one PATH (or --changed-since REF)", "scan");
    const format = outputFormat(values, "scan");
    const [{ progress, render }, { applyConfig, runConfig }, { checkParts, checkPasses, checkResult, loadToken }] =
      await Promise.all([import("../context.js"), import("../run-config.js"), import("../token.js")]);
    const withToken = values.scopes.length > 0 || values.token !== undefined;
    const token = withToken ? await loadToken(values, "scan", io) : undefined;
    const { calc, run } = await runConfig(values, io, "scan");
    const [{ scanFiles }, { scanReportInput }] = await Promise.all([
      import("../../node/scan/scan-files.js"),
      import("../../node/scan/report-parts.js"),
    ]);
    const shown = progress(io, values.quiet);
    // At most ten lines a second: a file takes well under that.
    let last = 0;
    const update = (p: ScanProgress) => {
      const now = Date.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      shown.update(describeProgress(p));
    };
    let r;
    try {
      r = await scanFiles(positionals, {
        baseUrls: [...calc.catalog.baseUrls, ...run.baseUrls, ...values["base-url"]],
        requiredScopes: calc.requiredScopes,
        mode: values.mode === "file" ? "file" : "project",
        cwd: io.cwd,
        ...(changedSince === undefined ? {} : { changedSince }),
        onProgress: update,
      });
    } finally {
      shown.done();
    }
    const read = scanReportInput(r, positionals.join(" ") || ".");
    // The config's rewrites and ignores act on the calls, as for every input.
    const { calls, problems } = applyConfig(read, run);
    const parts = { inputs: read.inputs, problems, suppressions: read.suppressions, ...run.parts() };
    if (token === undefined) {
      const plan = calc.minimalScopes(calls);
      render(io, format, { kind: "plan", plan }, parts);
      // Code that calls nothing passes; what could not be classified fails.
      return plan.complete && problems.length === 0 ? EXIT.ok : EXIT.no;
    }
    const result = calc.checkToken(token.token as string[], calls);
    render(io, format, checkResult(result, values), { ...parts, ...checkParts(result, calc, token.locate) });
    // No calls found and nothing unclassified: code that calls nothing needs nothing, so a bot passes.
    const vacuous = calls.length === 0 && problems.length === 0;
    return vacuous || (checkPasses(result, values.strict, values["max-unused-risk"]) && problems.length === 0)
      ? EXIT.ok
      : EXIT.no;
  },
});
