import { DEFAULT_MAX_AGE_DAYS } from "../../checker/token-age.js";
import { ApiError } from "../../node/tokens/api-error.js";
import { printable } from "../../util/printable.js";
import { defineCommand, EXIT, UsageError, type CommandContext } from "../command.js";
import { AGE_OPTION, INPUT_OPTIONS, LIVE_OPTIONS, outputFormat, REPORT_OPTIONS } from "../options.js";
import type { Inputs } from "../read-inputs.js";

const options = {
  ...LIVE_OPTIONS,
  "token-id": {
    type: "string",
    value: "ID",
    description: "audit only this token of the list (say, the deploy token, with an auditor's token)",
  },
  ...AGE_OPTION,
  ...INPUT_OPTIONS,
  ...REPORT_OPTIONS,
} as const;

/** `scopewise token audit --environment ENV [INPUTS...]` */
export const tokenAudit = defineCommand({
  name: "token audit",
  summary: "audit an environment's tokens: scopes, unknown names, no scope list, age; against calls",
  args: "--environment ENV [FILE...]",
  positionals: { min: 0, max: Infinity, name: "FILE" },
  description: [
    "Lists the environment's tokens (GET /environments/:environmentId/tokens, which needs",
    "environment.apiTokens.read) with note, id, age and scopes, and the endpoints each unlocks.",
    "A token with no scope list is unrestricted or unknown: an error, never fine. With FILEs",
    "(calls, HAR, access logs), each token is compared with the minimal scopes for those calls:",
    "what it cannot make, what to remove (unused or broader scopes), what to add.",
    "The token to call Dynamic with comes from DYNAMIC_API_TOKEN.",
  ].join("\n"),
  options,
  exits:
    "0 every token fine; 1 a token unrestricted, with unknown scope names, over-privileged for the FILEs, or older " +
    "than --max-age, or the list or the FILEs not read whole; 2 usage, auth or network error.",
  examples: ["scopewise token audit --environment $ENV", "scopewise token audit --environment $ENV deploy-calls.txt"],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "token audit");
    const environment = values.environment;
    if (environment === undefined) throw new UsageError("--environment ENV is required", "token audit");
    const [{ auditLiveTokensIn }, { listTokens }, { loadCalculator, render }, { runLive, unlockedBy }, { readInputs }] =
      await Promise.all([
        import("../../checker/audit-tokens.js"),
        import("../../node/tokens/list-tokens.js"),
        import("../context.js"),
        import("../live.js"),
        import("../read-inputs.js"),
      ]);
    return runLive("token audit", io, values, async (live) => {
      const client = await live.client();
      const calc = await loadCalculator(undefined, io);
      // FILEs are read before any call: a bad file fails fast, with nothing sent.
      let read: Inputs | undefined;
      if (positionals.length > 0)
        read = await readInputs(positionals, { from: values.from, baseUrls: values["base-url"], calc, io });
      live.progress.update(`listing the tokens of environment ${environment}…`);
      const listed = await listTokens(client, environment);
      live.progress.done();
      const id = values["token-id"];
      const tokens = id === undefined ? listed.list.tokens : listed.list.tokens.filter((t) => t.id === id);
      if (id !== undefined && tokens.length !== 1) {
        const found = tokens.length === 0 ? "no token" : `${tokens.length} tokens`;
        const where = `environment ${environment}'s list of ${listed.list.tokens.length}`;
        throw new ApiError("answer", `${found} in ${where} has id ${printable(id, 80)}`);
      }
      const list = id === undefined ? listed.list : { ...listed.list, tokens, unreadable: [] };
      const audit = auditLiveTokensIn(calc.catalog, list, {
        maxAgeDays: values["max-age"] === undefined ? DEFAULT_MAX_AGE_DAYS : Number(values["max-age"]),
        pagingHints: listed.headerHints,
        ...(read === undefined ? {} : { calls: read.calls }),
      });
      const unlocked = unlockedBy(
        calc.grants,
        audit.tokens.flatMap((t) => t.scopes.map((s) => s.scope)),
      );
      const parts = { inputs: read?.inputs ?? [], problems: read?.problems ?? [], unlocked };
      render(live.io, format, { kind: "audit", environment, audit }, parts);
      if (read !== undefined && read.calls.length === 0 && read.problems.length === 0) {
        live.io.stderr(
          "scopewise token audit: the FILEs hold no calls, so every scope counts as unused; " +
            "there is nothing to vouch for (exit 1)\n",
        );
        return EXIT.no;
      }
      return audit.ok && (read?.problems.length ?? 0) === 0 ? EXIT.ok : EXIT.no;
    });
  },
});
