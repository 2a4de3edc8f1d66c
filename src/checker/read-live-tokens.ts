import { describeError } from "../util/describe-error.js";
import { InputError } from "../util/errors.js";
import { bodyPagingHints, shown } from "./paging-hints.js";

/**
 * What Dynamic's answer said about a token's scopes:
 * - `listed`: a non-empty array (its strings in `scopes`, anything else in `badScopes`);
 * - `absent`: no `scopes` field, or `null` (the SDK's `Token.scopes` is optional);
 * - `empty`: `[]`;
 * - `malformed`: a value that is not an array.
 * Only `listed` says what the token may do: the other three are unrestricted-or-unknown.
 */
export type ScopeList = "listed" | "absent" | "empty" | "malformed";

/**
 * A token as Dynamic's API describes it (the SDK's `Token`), read without trusting the answer:
 * fields of the wrong type are left out, and nothing else (never `rawToken`) is copied.
 */
export interface LiveToken {
  readonly id?: string;
  readonly note?: string;
  /** The last 6 characters of the secret, as Dynamic shows them. */
  readonly checksum?: string;
  /** `createdAt` as sent, when it is a string. */
  readonly createdAt?: string;
  /** The environment the token belongs to (`projectEnvironmentId`), when the answer says. */
  readonly projectEnvironmentId?: string;
  readonly scopeList: ScopeList;
  /** The scope names the answer listed (strings only), as sent. */
  readonly scopes: readonly string[];
  /** Entries of the scope list that are not strings, shown as JSON. */
  readonly badScopes: readonly string[];
}

/** Dynamic's `GET /environments/:environmentId/tokens` answer (the SDK's `TokensResponse`), read. */
export interface LiveTokenList {
  readonly tokens: readonly LiveToken[];
  /** Entries of `tokens` that are not objects: each is a token scopewise cannot vouch for. */
  readonly unreadable: readonly { readonly index: number; readonly reason: string }[];
  /**
   * Signs that the answer is one page of several (fields the SDK's `TokensResponse` lacks, such as
   * `hasMore` or `nextCursor`, at any depth; see `bodyPagingHints`), or that it proves nothing (no tokens):
   * the list may be incomplete.
   */
  readonly pagingHints: readonly string[];
}

const str = (o: Record<string, unknown>, key: string): string | undefined =>
  typeof o[key] === "string" ? (o[key] as string) : undefined;

const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

/** Reads one token object of an answer, or says why it is not one. */
const readOne = (value: unknown): LiveToken | string => {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `expected a token object, found ${kindOf(value)}`;
  const o = value as Record<string, unknown>;
  const raw = o["scopes"];
  let scopeList: ScopeList;
  let scopes: string[] = [];
  let badScopes: string[] = [];
  if (raw === undefined || raw === null) scopeList = "absent";
  else if (!Array.isArray(raw)) scopeList = "malformed";
  else if (raw.length === 0) scopeList = "empty";
  else {
    scopeList = "listed";
    scopes = raw.filter((s): s is string => typeof s === "string");
    badScopes = raw.filter((s) => typeof s !== "string").map(shown);
  }
  const id = str(o, "id");
  const note = str(o, "note");
  const checksum = str(o, "checksum");
  const createdAt = str(o, "createdAt");
  const projectEnvironmentId = str(o, "projectEnvironmentId");
  return {
    ...(id === undefined ? {} : { id }),
    ...(note === undefined ? {} : { note }),
    ...(checksum === undefined ? {} : { checksum }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(projectEnvironmentId === undefined ? {} : { projectEnvironmentId }),
    scopeList,
    scopes,
    badScopes,
  };
};

const fail = (path: string, message: string): never => {
  throw new InputError("invalid-token-list", [{ code: "invalid-token-list", path, message }]);
};

/**
 * Reads Dynamic's token list answer (`{ tokens: [...] }`, parsed JSON). Throws `InputError` when the
 * answer is not a token list at all; a single bad entry is kept in `unreadable` instead.
 */
export const readLiveTokenList = (body: unknown): LiveTokenList => {
  try {
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return fail("$", `expected an object with a tokens array, found ${kindOf(body)}`);
    const o = body as Record<string, unknown>;
    const tokens = o["tokens"];
    if (!Array.isArray(tokens)) return fail("$.tokens", `expected an array of tokens, found ${kindOf(tokens)}`);
    const read: LiveToken[] = [];
    const unreadable: { index: number; reason: string }[] = [];
    tokens.forEach((t: unknown, index) => {
      const one = readOne(t);
      if (typeof one === "string") unreadable.push({ index, reason: one });
      else read.push(one);
    });
    return { tokens: read, unreadable, pagingHints: bodyPagingHints(o, tokens.length) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    return fail("$", `reading the token list threw: ${describeError(error)}`);
  }
};

/**
 * Reads one token: Dynamic's `{ token: {...} }` (the create answer, or what an introspection endpoint
 * may send) or a bare token object. Throws `InputError` when it is neither.
 */
export const readLiveToken = (body: unknown): LiveToken => {
  try {
    const inner =
      typeof body === "object" && body !== null && !Array.isArray(body) && "token" in body
        ? (body as { token: unknown }).token
        : body;
    const one = readOne(inner);
    if (typeof one === "string") return fail("$.token", one);
    return one;
  } catch (error) {
    if (error instanceof InputError) throw error;
    return fail("$", `reading the token threw: ${describeError(error)}`);
  }
};
