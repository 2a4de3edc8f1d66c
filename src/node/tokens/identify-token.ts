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
 * Which token the client runs with: `GET /tokens/me`, or on a 404 the environment's list (which needs
 * `environment.apiTokens.read`), matched by `tokenId` or by checksum, the secret's last 6 characters as
 * Dynamic keeps them. Throws `ApiError` when it cannot tell (no environment to look in, no match, two
 * matches, or a failed call).
 */
export const identifyToken = async (
  client: TokensClient,
  options: { readonly environmentId?: string; readonly tokenId?: string } = {},
): Promise<IdentifiedToken> => {
  const me = await introspectToken(client);
  if (me.found) return { token: me.token, by: "introspection" };
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
  // The id or checksum matched; a token that the secret's checksum does not end is not this one.
  const token = matches[0]!;
  if (by === "id" && token.checksum !== undefined && token.checksum !== checksum)
    throw new ApiError(
      "answer",
      `token ${printable(options.tokenId ?? "", 80)} has checksum …${printable(token.checksum, 12)}, ` +
        `but DYNAMIC_API_TOKEN ends …${checksum}: it is another token`,
    );
  return { token, by, fallback };
};
