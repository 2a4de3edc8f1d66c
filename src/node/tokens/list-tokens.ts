import { headerPagingHints } from "../../checker/paging-hints.js";
import { readLiveTokenList, type LiveTokenList } from "../../checker/read-live-tokens.js";
import { InputError } from "../../util/errors.js";
import { printable } from "../../util/printable.js";
import { ApiError } from "./api-error.js";
import { redact } from "./redact.js";
import { callJson, type TokensClient } from "./client.js";

/** The environment's tokens: the answer as sent (for `auditTokens`), read, and signs it is one page of several. */
export interface ListedTokens {
  readonly body: unknown;
  readonly list: LiveTokenList;
  /**
   * Signs of paging the body cannot show (a `Link` header with `rel="next"`, an `X-Total-Count` other than the
   * list's length, …; see `headerPagingHints`), printable and redacted; the body's own are in `list`.
   */
  readonly headerHints: readonly string[];
}

/**
 * `TokensApi.getTokens` (`GET /environments/:environmentId/tokens`, scope `environment.apiTokens.read`).
 * SDK 0.0.847 sends no paging parameters and its `TokensResponse` has only `tokens`; an answer that
 * looks paged is reported, never taken as the whole list. Throws `ApiError`.
 */
export const listTokens = async (client: TokensClient, environmentId: string): Promise<ListedTokens> => {
  const op = {
    what: `listing tokens (GET /environments/${printable(environmentId, 80)}/tokens)`,
    forbidden: "listing tokens needs environment.apiTokens.read",
  };
  const { body, response } = await callJson(client, op, () => client.tokens.getTokensRaw({ environmentId }));
  let list: LiveTokenList;
  try {
    list = readLiveTokenList(body);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new ApiError(
      "answer",
      `${op.what}: Dynamic's answer is not a token list: ${error.issues[0]?.path}: ${error.issues[0]?.message}`,
    );
  }
  const listed = list.tokens.length + list.unreadable.length;
  const hints = headerPagingHints(response.headers, listed, response.status).map((h) =>
    printable(redact(h, client.secrets)),
  );
  return { body, list, headerHints: hints };
};
