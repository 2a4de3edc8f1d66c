import { readLiveToken, type LiveToken } from "../../checker/read-live-tokens.js";
import { InputError } from "../../util/errors.js";
import { printable } from "../../util/printable.js";
import { ApiError } from "./api-error.js";
import { callJson, type TokensClient } from "./client.js";

/** A token Dynamic just created, and its secret (which Dynamic never shows again). */
export interface CreatedToken {
  readonly token: LiveToken;
  readonly secret: string;
}

/**
 * `TokensApi.postToken` (`POST /environments/:environmentId/tokens` with `{ note, scopes }`, scope
 * `environment.apiTokens.write`). Never retried once it may have reached Dynamic (only a 429 or a refused
 * connection is). The secret is added to `client.secrets` before anything else reads the answer.
 * Throws `ApiError`.
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
  const { body } = await callJson(client, op, () =>
    client.tokens.postTokenRaw({
      environmentId,
      // The SDK types scopes as its TokenScopes enum; the names are the same strings.
      postTokenFields: { note: fields.note, scopes: [...fields.scopes] as never },
    }),
  );
  const raw = (body as { token?: { rawToken?: unknown } } | null)?.token?.rawToken;
  if (typeof raw === "string" && raw !== "") client.secrets.push(raw);
  let token: LiveToken;
  try {
    token = readLiveToken(body);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new ApiError("answer", `${op.what}: Dynamic's answer is not a created token: ${error.issues[0]?.message}`);
  }
  if (typeof raw !== "string" || raw === "")
    throw new ApiError(
      "answer",
      `${op.what}: Dynamic's answer has no rawToken${token.id ? ` for token ${printable(token.id, 80)}` : ""}: ` +
        "the token may exist without a secret anyone has; delete it in the dashboard",
    );
  return { token, secret: raw };
};
