import type { LiveToken } from "../../checker/read-live-tokens.js";
import { printable } from "../../util/printable.js";
import { ApiError } from "./api-error.js";
import type { TokensClient } from "./client.js";
import { introspectToken } from "./introspect-token.js";
import { listTokens } from "./list-tokens.js";

/** The token a client runs with, and how scopewise found out. */
export interface IdentifiedToken {
  readonly token: LiveToken;
  /** `introspection`: `GET /tokens/me` said; `id` / `checksum`: found in the environment's list. */
  readonly by: "introspection" | "id" | "checksum";
  /** Why the list was needed: `GET /tokens/me` answered 404. */
  readonly fallback?: string;
}

/**
 * Throws unless `token` is proven to be the one the client runs with: its checksum is the secret's last 6
 * characters (the SDK's `Token.checksum`), it is `tokenId` when one is given, and it belongs to `environmentId`
 * when both are known. An answer about another token is never vouched for.
 */
const prove = (
  token: LiveToken,
  client: TokensClient,
  options: { readonly environmentId?: string; readonly tokenId?: string },
  source: string,
): void => {
  const label = token.id === undefined ? "a token with no id" : `token ${printable(token.id, 80)}`;
  const mine = `DYNAMIC_API_TOKEN ends …${client.checksum}`;
  if (token.checksum === undefined)
    throw new ApiError(
      "answer",
      `${source} describes ${label} with no checksum, so nothing shows it is the token in use (${mine})`,
    );
  if (token.checksum !== client.checksum)
    throw new ApiError(
      "answer",
      `${source}: ${label} has checksum …${printable(token.checksum, 12)}, but ${mine}: it is another token`,
    );
  if (options.tokenId !== undefined && token.id !== options.tokenId)
    throw new ApiError(
      "answer",
      `${source} describes ${label}, not --token-id ${printable(options.tokenId, 80)}: it is another token`,
    );
  const env = token.projectEnvironmentId;
  if (options.environmentId !== undefined && env !== undefined && env !== options.environmentId)
    throw new ApiError(
      "answer",
      `${source}: ${label} belongs to environment ${printable(env, 80)}, not --environment ${options.environmentId}`,
    );
};

/**
 * Which token the client runs with: `GET /tokens/me`, or on a 404 the environment's list (which needs
 * `environment.apiTokens.read`), matched by `tokenId` or by checksum, the secret's last 6 characters as
 * Dynamic keeps them. Either way the token must be proven to be the one in use (its checksum, and `tokenId`
 * when given). Throws `ApiError` when it cannot tell (no environment to look in, no match, two matches, an
 * answer about another token, or a failed call).
 */
export const identifyToken = async (
  client: TokensClient,
  options: { readonly environmentId?: string; readonly tokenId?: string } = {},
): Promise<IdentifiedToken> => {
  const me = await introspectToken(client);
  if (me.found) {
    prove(me.token, client, options, "GET /tokens/me");
    return { token: me.token, by: "introspection" };
  }
  const fallback = "the API has no GET /tokens/me (404), so scopewise looked for the token in the environment's list";
  if (options.environmentId === undefined)
    throw new ApiError(
      "usage",
      "GET /tokens/me answered 404 (the API has no introspection endpoint); pass --environment ENV to find " +
        "the token in that environment's list (needs environment.apiTokens.read)",
      404,
    );
  let listed;
  try {
    listed = await listTokens(client, options.environmentId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(
      error.kind,
      `GET /tokens/me answered 404, and the fallback failed: ${error.message}`,
      error.status,
      error.dynamicMessage,
    );
  }
  const by = options.tokenId === undefined ? "checksum" : "id";
  const { checksum } = client;
  const matches = listed.list.tokens.filter((t) =>
    by === "id" ? t.id === options.tokenId : t.checksum !== undefined && t.checksum === checksum,
  );
  const where = `environment ${options.environmentId}'s list of ${listed.list.tokens.length} tokens`;
  const wanted = by === "id" ? `id ${printable(options.tokenId ?? "", 80)}` : `checksum …${checksum}`;
  const paged = [...listed.list.pagingHints, ...listed.headerHints];
  if (matches.length === 0)
    throw new ApiError(
      "answer",
      `GET /tokens/me answered 404, and no token in ${where} has ${wanted}: ${
        paged.length > 0
          ? `the list may be one page of several (${printable(paged[0]!)}), so it may be on another`
          : "the token belongs to another environment, or was deleted"
      }`,
    );
  if (matches.length > 1)
    throw new ApiError(
      "answer",
      `GET /tokens/me answered 404, and ${matches.length} tokens in ${where} have ${wanted}; ` +
        "pass --token-id ID to say which",
    );
  // The id or checksum matched; a token whose checksum the secret does not end with is not this one.
  const token = matches[0]!;
  prove(token, client, options, "GET /tokens/me answered 404, and in the list");
  return { token, by, fallback };
};
