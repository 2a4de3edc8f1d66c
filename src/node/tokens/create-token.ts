import { readLiveToken, type LiveToken } from "../../checker/read-live-tokens.js";
import { InputError } from "../../util/errors.js";
import { printable } from "../../util/printable.js";
import { ApiError } from "./api-error.js";
import { callJson, type TokensClient } from "./client.js";
import { redact } from "./redact.js";

/** A token Dynamic just created, and its secret (which Dynamic never shows again). */
export interface CreatedToken {
  readonly token: LiveToken;
  readonly secret: string;
}

/**
 * What a Dynamic API token's secret looks like: `dyn_` and then letters and digits only (Dynamic's docs: "the
 * prefix dyn_ followed by 56 alphanumeric characters"; their example has 36; the SDK's `checksum`, its last 6
 * characters, is "alpha-numeric"). 32 to 128 of them, so nothing else (a newline, an escape sequence, a workflow
 * command) is ever printed or written as a secret.
 */
export const SECRET_SHAPE = /^dyn_[A-Za-z0-9]{32,128}$/;

/** Why `secret` is not a Dynamic API token's secret, without quoting it; undefined when it is one. */
export const secretShapeProblem = (secret: string): string | undefined =>
  SECRET_SHAPE.test(secret)
    ? undefined
    : `it is not "dyn_" and 32 to 128 letters or digits (${secret.length} characters` +
      `${/[^\x21-\x7e]/.test(secret) ? ", some of them spaces, controls or not ASCII" : ""})`;

/**
 * `TokensApi.postToken` (`POST /environments/:environmentId/tokens` with `{ note, scopes }`, scope
 * `environment.apiTokens.write`). Never retried once it may have reached Dynamic (only a 429 or a refused
 * connection is). The secret is added to `client.secrets` before anything else reads the answer, and must have
 * the shape of one ({@link SECRET_SHAPE}) and end with the answer's `checksum`. Throws `ApiError`.
 */
export const createToken = async (
  client: TokensClient,
  environmentId: string,
  fields: { readonly note: string; readonly scopes: readonly string[] },
): Promise<CreatedToken> => {
  const op = {
    what: `creating a token (POST /environments/${printable(environmentId, 80)}/tokens)`,
    forbidden: "creating tokens needs environment.apiTokens.write",
  };
  let raw: unknown;
  let echoed = false;
  const { body } = await callJson(
    client,
    op,
    () =>
      client.tokens.postTokenRaw({
        environmentId,
        // The SDK types scopes as its TokenScopes enum; the names are the same strings.
        postTokenFields: { note: fields.note, scopes: [...fields.scopes] as never },
      }),
    (answer) => {
      raw = (answer as { token?: { rawToken?: unknown } } | null)?.token?.rawToken;
      if (typeof raw !== "string" || raw === "") return;
      // A "new" secret holding DYNAMIC_API_TOKEN (or a run of it) would print that token.
      echoed = redact(raw, client.secrets) !== raw;
      client.secrets.push(raw);
    },
  );
  let token: LiveToken;
  try {
    token = readLiveToken(body);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new ApiError("answer", `${op.what}: Dynamic's answer is not a created token: ${error.issues[0]?.message}`);
  }
  const which = token.id ? ` for token ${printable(token.id, 80)}` : "";
  const orphan = "the token may exist without a secret anyone has; delete it in the dashboard";
  if (typeof raw !== "string" || raw === "")
    throw new ApiError("answer", `${op.what}: Dynamic's answer has no rawToken${which}: ${orphan}`);
  const problem = echoed ? "it holds DYNAMIC_API_TOKEN" : secretShapeProblem(raw);
  if (problem !== undefined)
    throw new ApiError(
      "answer",
      `${op.what}: Dynamic's answer has a rawToken${which} that scopewise neither prints nor writes: ${problem}; ` +
        orphan,
    );
  if (token.checksum !== undefined && token.checksum !== raw.slice(-6))
    throw new ApiError(
      "answer",
      `${op.what}: Dynamic's answer has a rawToken${which} that does not end with its checksum ` +
        `…${printable(token.checksum, 12)}, so it may be another token's; scopewise neither prints nor writes it; ` +
        orphan,
    );
  return { token, secret: raw };
};
