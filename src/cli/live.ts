import { auditLiveTokensIn, DEFAULT_MAX_AGE_DAYS } from "../checker/audit-tokens.js";
import type { AuditedToken } from "../checker/audit-types.js";
import type { Catalog } from "../catalog/types.js";
import { ApiError } from "../node/tokens/api-error.js";
import { createTokensClient, type TokensClient } from "../node/tokens/client.js";
import { secretShapeProblem } from "../node/tokens/create-token.js";
import { identifyToken } from "../node/tokens/identify-token.js";
import { redact } from "../node/tokens/redact.js";
import type { LiveTokenInfo, Report } from "../report/model.js";
import { describeError } from "../util/describe-error.js";
import { CatalogError, InputError } from "../util/errors.js";
import { EXIT, UsageError } from "./command.js";
import { progress, type Progress } from "./context.js";
import type { Io } from "./io.js";

interface LiveValues {
  readonly environment: string | undefined;
  readonly "api-url": string | undefined;
  readonly timeout: string | undefined;
  readonly retries: string | undefined;
  readonly quiet: boolean;
}

/** What a live command works with: a redacting io, progress, and the SDK client (made on first use). */
export interface Live {
  /** `io` with every write scrubbed of the token and any secret learnt since. */
  readonly io: Io;
  /** Writes the new secret, alone: the one write that may hold it (`--print-secret`). */
  readonly secretOut: (secret: string) => void;
  readonly secrets: string[];
  readonly progress: Progress;
  readonly client: () => Promise<TokensClient>;
}

/**
 * Runs a live command: the token is a secret before anything is written; a usage problem with the token
 * or URL is a `UsageError`; an auth, network, answer or input error (or a bug) is printed redacted, exit 2.
 */
export const runLive = async (
  name: string,
  io: Io,
  values: LiveValues,
  body: (live: Live) => Promise<number>,
): Promise<number> => {
  const raw = io.env["DYNAMIC_API_TOKEN"];
  const secrets = raw === undefined || raw.trim() === "" ? [] : [...new Set([raw, raw.trim()])];
  const guarded: Io = {
    ...io,
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
  const shown = progress(guarded, values.quiet);
  let client: TokensClient | undefined;
  const live: Live = {
    io: guarded,
    secretOut: (secret) => {
      // createToken checked its shape; checked again at the one write that is not redacted.
      if (secretShapeProblem(secret) !== undefined) throw new Error("a secret of the wrong shape");
      io.stdout(`${secret}\n`);
    },
    secrets,
    progress: shown,
    client: async () =>
      (client ??= await createTokensClient({
        token: raw ?? "",
        ...(values["api-url"] === undefined ? {} : { apiUrl: values["api-url"] }),
        ...(values.timeout === undefined ? {} : { timeoutMs: Number(values.timeout) * 1000 }),
        ...(values.retries === undefined ? {} : { retries: Number(values.retries) }),
        onRetry: (e) => shown.update(`${e.why}; retrying in ${Math.round(e.waitMs / 100) / 10} s`),
        secrets,
      })),
  };
  try {
    return await body(live);
  } catch (error) {
    shown.done();
    if (error instanceof ApiError && error.kind === "usage") throw new UsageError(error.message, name);
    if (error instanceof UsageError) throw error;
    // Everything else is written here, through the redactor: an input file or a bug may quote the token too.
    const message =
      error instanceof ApiError || error instanceof InputError || error instanceof CatalogError
        ? error.message
        : `internal error: ${describeError(error)}`;
    guarded.stderr(`scopewise ${name}: ${message}\n`);
    return EXIT.error;
  } finally {
    shown.done();
  }
};

/** The token `DYNAMIC_API_TOKEN` is, audited (against `calls` when given), as a report shows it. */
export const liveToken = async <S extends string>(
  live: Live,
  catalog: Catalog<S>,
  values: {
    readonly environment: string | undefined;
    readonly "token-id": string | undefined;
    readonly "max-age": string | undefined;
  },
  calls?: Iterable<unknown>,
): Promise<LiveTokenInfo<S>> => {
  const maxAgeDays = values["max-age"] === undefined ? DEFAULT_MAX_AGE_DAYS : Number(values["max-age"]);
  const client = await live.client();
  live.progress.update("asking Dynamic which token this is…");
  const found = await identifyToken(client, {
    ...(values.environment === undefined ? {} : { environmentId: values.environment }),
    ...(values["token-id"] === undefined ? {} : { tokenId: values["token-id"] }),
  });
  live.progress.done();
  const audit = auditLiveTokensIn(
    catalog,
    { tokens: [found.token], unreadable: [], pagingHints: [] },
    { maxAgeDays, ...(calls === undefined ? {} : { calls }) },
  );
  const token = audit.tokens[0] as AuditedToken<S>;
  const where = values.environment === undefined ? {} : { environment: values.environment };
  return { token, by: found.by, maxAgeDays, ...where };
};

/** The endpoints each scope unlocks, for a report's `unlocked`. */
export const unlockedBy = (
  grants: (scope: string) => readonly { method: string; path: string }[],
  scopes: Iterable<string>,
): NonNullable<Report["unlocked"]> =>
  [...new Set(scopes)].map((scope) => ({
    scope,
    endpoints: grants(scope).map(({ method, path }) => ({ method, path })),
  }));

/** One line typed at the terminal (the confirmation), or undefined at the end of input. */
export const readLine = async (stdin: AsyncIterable<Uint8Array | string>): Promise<string | undefined> => {
  let text = "";
  for await (const chunk of stdin) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const end = text.indexOf("\n");
    if (end !== -1) return text.slice(0, end).replace(/\r$/, "");
    if (text.length > 1024) return text;
  }
  return text === "" ? undefined : text;
};
