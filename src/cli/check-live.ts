import type { Calculator } from "../api/calculator.js";
import { printable } from "../util/printable.js";
import { EXIT, UsageError } from "./command.js";
import { loadCalculator, render } from "./context.js";
import { outputFormat } from "./options.js";
import type { Io } from "./io.js";
import { liveToken, runLive } from "./live.js";
import { unlockedBy } from "./live.js";
import type { ReportParts } from "./context.js";
import { noCalls } from "./read-inputs.js";
import type { RunInputs } from "./run-inputs.js";
import { checkPasses } from "./token.js";

/** What `check --live` reads of `check`'s options. */
export interface LiveCheckValues {
  readonly scopes: readonly string[];
  readonly token: string | undefined;
  readonly catalog: string | undefined;
  readonly strict: boolean;
  readonly format: string | undefined;
  readonly json: boolean;
  readonly from: string | undefined;
  readonly "base-url": readonly string[];
  readonly environment: string | undefined;
  readonly "api-url": string | undefined;
  readonly timeout: string | undefined;
  readonly retries: string | undefined;
  readonly quiet: boolean;
  readonly "token-id": string | undefined;
  readonly "max-age": string | undefined;
}

/**
 * `scopewise check --live [--environment ENV] FILE...`: the token in DYNAMIC_API_TOKEN, as Dynamic
 * describes it, against the calls in the FILEs: enough for them and no more (always strict), with a scope
 * list, and not too old.
 */
export const checkLive = async (
  values: LiveCheckValues,
  io: Io,
  readCalls: (calc: Calculator<string>) => Promise<RunInputs & { readonly parts: ReportParts }>,
): Promise<number> => {
  if (values.scopes.length > 0 || values.token !== undefined)
    throw new UsageError("--live checks the token in DYNAMIC_API_TOKEN: drop --scopes and --token", "check");
  if (values.catalog !== undefined)
    throw new UsageError("--live answers from Dynamic's catalog: drop --catalog", "check");
  const format = outputFormat(values, "check");
  return runLive("check --live", io, values, async (live) => {
    await live.client(); // the token and URL are checked before anything is read or sent
    const calc = await loadCalculator(undefined, io);
    const read = await readCalls(calc);
    const info = await liveToken(live, calc.catalog, values, read.calls);
    const t = info.token;
    // An unrestricted token has no scopes to check: every call counts as missing, and its finding says why.
    const names = [...t.scopes.map((s) => s.scope), ...t.unknownScopes.map((u) => printable(u.scope, 80))];
    const check = calc.checkToken(names, read.calls);
    const unlocked = unlockedBy(
      calc.grants,
      t.scopes.map((s) => s.scope),
    );
    render(
      live.io,
      format,
      { kind: "check", check, strict: true, live: info },
      { inputs: read.inputs, problems: read.problems, unlocked, ...read.parts },
    );
    if (noCalls(live.io, "check --live", read.names, read)) return EXIT.no;
    return checkPasses(check, true) && t.problems.length === 0 && read.problems.length === 0 ? EXIT.ok : EXIT.no;
  });
};
