import { readLiveToken, type LiveToken } from "../../checker/read-live-tokens.js";
import { InputError } from "../../util/errors.js";
import { ApiError } from "./api-error.js";
import { callJson, type TokensClient } from "./client.js";

/** What `GET /tokens/me` said: the token, or that the API has no such endpoint (404). */
export type Introspection =
  | { readonly found: true; readonly token: LiveToken }
  | { readonly found: false; readonly status: 404; readonly message: string };

/**
 * `GET /tokens/me` with the same auth as every SDK call: Dynamic's docs list it, SDK 0.0.847 lacks it.
 * Its answer is read as a token (`{ token: {…} }` or a bare token object). A 404 is an answer, not an
 * error: the caller may fall back to the environment's list. Throws `ApiError` otherwise.
 */
export const introspectToken = async (client: TokensClient): Promise<Introspection> => {
  const op = { what: "asking which token this is (GET /tokens/me)" };
  let body: unknown;
  try {
    ({ body } = await callJson(client, op, () => client.introspection.getTokenMeRaw()));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { found: false, status: 404, message: error.message };
    throw error;
  }
  try {
    return { found: true, token: readLiveToken(body) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new ApiError("answer", `${op.what}: Dynamic's answer is not a token: ${error.issues[0]?.message}`);
  }
};
