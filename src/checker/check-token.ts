import { blastRadius } from "../catalog/blast-radius.js";
import type { Catalog, Endpoint } from "../catalog/compile-catalog.js";
import { matchCalls, unidentified, type CallReport, type UnidentifiedCall } from "../matcher/match-calls.js";
import { solveCover } from "../planner/solve-cover.js";
import { didYouMean } from "../util/edit-distance.js";
import { readToken, type SingleTokenInput, type TokenListInput } from "./read-token.js";

/** A matched call the token does not cover. */
export interface MissingScope<S extends string> {
  readonly index: number;
  readonly call: string;
  readonly endpoint: Endpoint;
  /** Any one of these would cover the call; the token has none. */
  readonly anyOf: readonly S[];
}

/** The answer for one token. */
export interface TokenCheck<S extends string = string> {
  readonly kind: "token";
  /** True only if every call was identified and is covered. */
  readonly sufficient: boolean;
  readonly catalog: { readonly name: string; readonly version: string };
  /** Known scopes the token carries, in catalog order. */
  readonly granted: readonly S[];
  readonly calls: readonly (CallReport<S> & { readonly covered: boolean })[];
  readonly missing: readonly MissingScope<S>[];
  /** The fewest scopes to add so every identified call is covered. */
  readonly add: readonly S[];
  /** Calls that could not be identified: the token is not sufficient for them, whatever it holds. */
  readonly unknownCalls: readonly UnidentifiedCall[];
  /** Granted scopes no call needs, with how many endpoints each unlocks for nothing. */
  readonly unused: readonly { readonly scope: S; readonly endpoints: number }[];
  /** Names on the token that the catalog does not know. */
  readonly unknownScopes: readonly { readonly scope: string; readonly didYouMean?: S }[];
}

/** The answer for Dynamic's token list response: each token checked on its own. */
export interface TokenListCheck<S extends string = string> {
  readonly kind: "tokens";
  /** True if at least one token is sufficient. */
  readonly sufficient: boolean;
  readonly tokens: readonly { readonly id?: string; readonly note?: string; readonly check: TokenCheck<S> }[];
}

const checkScopes = <S extends string>(
  catalog: Catalog<S>,
  names: readonly string[],
  reports: readonly CallReport<S>[],
): TokenCheck<S> => {
  const known = new Set<string>(catalog.scopes);
  const held = new Set(names.filter((n) => known.has(n)) as S[]);
  const calls = reports.map((r) => ({
    ...r,
    covered: r.result.status === "matched" && r.result.anyOf.some((s) => held.has(s)),
  }));
  const missing = calls.flatMap((c) =>
    c.result.status === "matched" && !c.covered
      ? [{ index: c.index, call: c.call, endpoint: c.result.endpoint, anyOf: c.result.anyOf }]
      : [],
  );
  const needed = new Set(reports.flatMap((r) => (r.result.status === "matched" ? r.result.anyOf : [])));
  const unknownCalls = unidentified(reports);
  return {
    kind: "token",
    sufficient: unknownCalls.length === 0 && missing.length === 0,
    catalog: { name: catalog.name, version: catalog.version },
    granted: catalog.scopes.filter((s) => held.has(s)),
    calls,
    missing,
    add: solveCover({ requirements: missing.map((m) => m.anyOf), blastRadius: (set) => blastRadius(catalog, set) }),
    unknownCalls,
    unused: catalog.scopes
      .filter((s) => held.has(s) && !needed.has(s))
      .map((scope) => ({ scope, endpoints: catalog._grants.get(scope)?.length ?? 0 })),
    unknownScopes: [...new Set(names.filter((n) => !known.has(n)))].map((scope) => {
      const guess = didYouMean(scope, catalog.scopes) as S | undefined;
      return guess === undefined ? { scope } : { scope, didYouMean: guess };
    }),
  };
};

/**
 * Is a token enough for `calls`? Takes scopes as an array or Dynamic's token JSON.
 * Throws `InputError` only when the token document has the wrong shape.
 */
export function checkTokenIn<S extends string>(
  catalog: Catalog<S>,
  token: TokenListInput,
  calls: Iterable<unknown>,
): TokenListCheck<S>;
export function checkTokenIn<S extends string>(
  catalog: Catalog<S>,
  token: SingleTokenInput,
  calls: Iterable<unknown>,
): TokenCheck<S>;
export function checkTokenIn<S extends string>(
  catalog: Catalog<S>,
  token: unknown,
  calls: Iterable<unknown>,
): TokenCheck<S> | TokenListCheck<S>;
export function checkTokenIn<S extends string>(
  catalog: Catalog<S>,
  token: unknown,
  calls: Iterable<unknown>,
): TokenCheck<S> | TokenListCheck<S> {
  const read = readToken(token);
  const reports = matchCalls(catalog, calls);
  if (read.kind === "token") return checkScopes(catalog, read.scopes, reports);
  const tokens = read.tokens.map(({ scopes, ...meta }) => ({ ...meta, check: checkScopes(catalog, scopes, reports) }));
  return { kind: "tokens", sufficient: tokens.some((t) => t.check.sufficient), tokens };
}
