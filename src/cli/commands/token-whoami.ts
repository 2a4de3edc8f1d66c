import { defineCommand, EXIT, type CommandContext } from "../command.js";
import { AGE_OPTION, LIVE_OPTIONS, outputFormat, SIMPLE_OUTPUT_OPTIONS, TOKEN_ID_OPTION } from "../options.js";

const options = { ...LIVE_OPTIONS, ...TOKEN_ID_OPTION, ...AGE_OPTION, ...SIMPLE_OUTPUT_OPTIONS } as const;

/** `scopewise token whoami [--environment ENV]` */
export const tokenWhoami = defineCommand({
  name: "token whoami",
  summary: "which token DYNAMIC_API_TOKEN is, and what it may do",
  args: "[--environment ENV]",
  positionals: { min: 0, max: 0, name: "FILE" },
  description: [
    "Asks Dynamic which token DYNAMIC_API_TOKEN is (GET /tokens/me, with the same auth as the",
    "SDK's calls) and shows its note, age and scopes with the endpoints each unlocks. When the",
    "API answers 404, says so and looks the token up in the environment's list (--environment;",
    "needs environment.apiTokens.read) by --token-id or by checksum (the secret's last 6 characters).",
  ].join("\n"),
  options,
  exits:
    "0 the token is fine; 1 unrestricted (no scope list), unknown scope names or too old; 2 usage, auth or network " +
    "error, or the token could not be told.",
  examples: ["scopewise token whoami", "scopewise token whoami --environment $ENV"],
  async run({ values, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "token whoami");
    const [{ loadCalculator, render }, { liveToken, runLive, unlockedBy }] = await Promise.all([
      import("../context.js"),
      import("../live.js"),
    ]);
    return runLive("token whoami", io, values, async (live) => {
      const calc = await loadCalculator(undefined, io);
      const info = await liveToken(live, calc.catalog, values);
      const unlocked = unlockedBy(
        calc.grants,
        info.token.scopes.map((s) => s.scope),
      );
      render(live.io, format, { kind: "whoami", live: info }, { unlocked });
      return info.token.problems.length === 0 ? EXIT.ok : EXIT.no;
    });
  },
});
