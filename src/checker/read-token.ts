import { InputError, type Issue } from "../util/errors.js";
import { describeError } from "../util/describe-error.js";

/** A token's scopes as an array, or one of Dynamic's token documents. */
export type TokenInput = SingleTokenInput | TokenListInput;

/** One token: its scopes, `{ scopes }`, or Dynamic's create-token response `{ token: { scopes } }`. */
export type SingleTokenInput =
  | readonly string[]
  | { readonly scopes: readonly string[] }
  | { readonly token: { readonly scopes: readonly string[] } };

/** Dynamic's `GET /environments/:environmentId/tokens` response. */
export interface TokenListInput {
  readonly tokens: readonly { readonly id?: string; readonly note?: string; readonly scopes: readonly string[] }[];
}

/** @internal A token document reduced to scope lists. */
export type ReadToken =
  | { readonly kind: "token"; readonly scopes: readonly string[] }
  | {
      readonly kind: "tokens";
      readonly tokens: readonly { readonly id?: string; readonly note?: string; readonly scopes: readonly string[] }[];
    };

const scopesAt = (value: unknown, path: string, issues: Issue[]): string[] => {
  if (!Array.isArray(value)) {
    issues.push({ code: "invalid-token", path, message: "expected an array of scope names" });
    return [];
  }
  return value.flatMap((s: unknown, i) => {
    if (typeof s === "string") return [s];
    issues.push({
      code: "invalid-token",
      path: `${path}[${i}]`,
      message: `expected a scope name (string), found ${s === null ? "null" : typeof s}`,
    });
    return [];
  });
};

const optionalString = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * @internal Reads a token document; throws {@link InputError} naming the JSON path
 * of each problem, and only that: a getter or Proxy trap that throws is a problem at `$`.
 * A document with more than one of `scopes`, `token` and `tokens` is ambiguous, never read one way.
 */
export const readToken = (input: unknown, file?: string): ReadToken => {
  try {
    return readTokenShape(input, file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      "invalid-token",
      [{ code: "invalid-token", path: "$", message: `reading the token threw: ${describeError(error)}` }],
      file,
    );
  }
};

/** The top-level keys that each make a document a token: more than one is ambiguous. */
const SHAPES = ["scopes", "token", "tokens"] as const;

const readTokenShape = (input: unknown, file?: string): ReadToken => {
  const issues: Issue[] = [];
  let read: ReadToken;
  const own = (key: string): unknown =>
    typeof input === "object" && input !== null && Object.prototype.hasOwnProperty.call(input, key)
      ? (input as Record<string, unknown>)[key]
      : undefined;
  const shapes = SHAPES.filter((key) => own(key) !== undefined);
  if (!Array.isArray(input) && shapes.length > 1) {
    const named = shapes.map((k) => JSON.stringify(k)).join(" and ");
    throw new InputError(
      "invalid-token",
      shapes.slice(1).map((key) => ({
        code: "ambiguous-token",
        path: `$.${key}`,
        message: `the document has ${named}, so which scopes apply is ambiguous; keep one`,
      })),
      file,
    );
  }
  if (Array.isArray(input)) {
    read = { kind: "token", scopes: scopesAt(input, "$", issues) };
  } else if (own("tokens") !== undefined) {
    const tokens = own("tokens");
    if (!Array.isArray(tokens))
      issues.push({ code: "invalid-token", path: "$.tokens", message: "expected an array of tokens" });
    read = {
      kind: "tokens",
      tokens: (Array.isArray(tokens) ? tokens : []).map((t: unknown, i) => {
        const token = (typeof t === "object" && t !== null ? t : {}) as Record<string, unknown>;
        const id = optionalString(token["id"]);
        const note = optionalString(token["note"]);
        return {
          ...(id === undefined ? {} : { id }),
          ...(note === undefined ? {} : { note }),
          scopes: scopesAt(token["scopes"], `$.tokens[${i}].scopes`, issues),
        };
      }),
    };
  } else if (own("token") !== undefined) {
    const token = own("token") as Record<string, unknown> | null;
    read = {
      kind: "token",
      scopes: scopesAt(
        typeof token === "object" && token !== null ? token["scopes"] : undefined,
        "$.token.scopes",
        issues,
      ),
    };
  } else if (own("scopes") !== undefined) {
    read = { kind: "token", scopes: scopesAt(own("scopes"), "$.scopes", issues) };
  } else {
    issues.push({
      code: "invalid-token",
      path: "$",
      message: "expected an array of scopes, { scopes }, { token: { scopes } } or { tokens: [...] }",
    });
    read = { kind: "token", scopes: [] };
  }
  if (issues.length > 0) throw new InputError("invalid-token", issues, file);
  return read;
};
