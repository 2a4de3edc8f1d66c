import { coverCost } from "../catalog/blast-radius.js";
import { compiledOf, type Compiled } from "../catalog/compiled.js";
import type { Catalog, Endpoint, Risk } from "../catalog/types.js";
import { matchAll, toReports, unidentified, type CallReport, type UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../matcher/sourced-call.js";
import { didYouMean } from "../util/edit-distance.js";
import { solveCover } from "../util/solve-cover.js";
import { readToken, type SingleTokenInput, type TokenInput, type TokenListInput } from "./read-token.js";

/** A matched call the token does not cover. */
export interface MissingScope<S extends string> {
  readonly index: number;
  readonly call: string;
  readonly source?: SourceLocation;
  readonly endpoint: Endpoint;
  /** Any one of these would cover the call; the token has none. */
  readonly anyOf: readonly S[];
}

/** The answer for one token. */
export interface TokenCheck<S extends string = string> {
  readonly kind: "token";
  /** True only if there was at least one call, and every call was identified and is covered. */
  readonly sufficient: boolean;
  readonly catalog: { readonly name: string; readonly version: string };
  /** Known scopes the token carries, in catalog order. */
  readonly granted: readonly S[];
  readonly calls: readonly (CallReport<S> & { readonly covered: boolean })[];
  readonly missing: readonly MissingScope<S>[];
  /** The fewest scopes to add so every identified call is covered. */
  readonly add: readonly S[];
  /** True when `add` is proven minimal; false only when the search ran out of its budget (see `Plan.optimal`). */
  readonly addOptimal: boolean;
  /** Granted scopes no call needs: the ones to take off the token (the names of `unused`). */
  readonly remove: readonly S[];
  /** Calls that could not be identified: the token is not sufficient for them, whatever it holds. */
  readonly unidentified: readonly UnidentifiedCall[];
  /** Granted scopes no call needs, with how many endpoints each unlocks for nothing and its rating. */
  readonly unused: readonly { readonly scope: S; readonly unlocks: number; readonly risk?: Risk }[];
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

/** `checkToken`'s one signature: a single token gives a {@link TokenCheck}, a token list a {@link TokenListCheck}. */
export interface CheckToken<S extends string> {
  (token: TokenListInput, calls: Iterable<unknown>): TokenListCheck<S>;
  (token: SingleTokenInput, calls: Iterable<unknown>): TokenCheck<S>;
  (token: TokenInput, calls: Iterable<unknown>): TokenCheck<S> | TokenListCheck<S>;
  /** Any value: the shape is checked at run time (`InputError` naming the JSON path when wrong). */
  (token: unknown, calls: Iterable<unknown>): TokenCheck<S> | TokenListCheck<S>;
}

/** Unknown scope names on one token that get a did-you-mean; a token file may hold a million names. */
const MAX_GUESSES = 1000;

const checkScopes = <S extends string>(
  catalog: Catalog<S>,
  compiled: Compiled<S>,
  names: readonly string[],
  reports: readonly CallReport<S>[],
): TokenCheck<S> => {
  const known = new Set<string>(catalog.scopes);
  const held = new Set(names.filter((n) => known.has(n)) as S[]);
  const calls = reports.map((r) => ({
    ...r,
    covered: r.result.status === "matched" && r.result.anyOf.some((s) => held.has(s)),
  }));
  const missing = calls.flatMap(({ index, call, source, result, covered }): MissingScope<S>[] => {
    if (result.status !== "matched" || covered) return [];
    const { endpoint, anyOf } = result;
    return [source === undefined ? { index, call, endpoint, anyOf } : { index, call, source, endpoint, anyOf }];
  });
  const needed = new Set(reports.flatMap((r) => (r.result.status === "matched" ? r.result.anyOf : [])));
  const unknownCalls = unidentified(reports);
  // Ties (covers of equal size) go to the lower risk, then the smaller blast radius.
  const add = solveCover({ requirements: missing.map((m) => m.anyOf), cost: (set) => coverCost(compiled, set) });
  const unused = catalog.scopes
    .filter((s) => held.has(s) && !needed.has(s))
    .map((scope) => {
      const risk = compiled.risks.get(scope);
      return { scope, unlocks: compiled.grants.get(scope)?.length ?? 0, ...(risk ? { risk } : {}) };
    });
  return {
    kind: "token",
    // No calls prove nothing: an empty recording must not pass a gate.
    sufficient: reports.length > 0 && unknownCalls.length === 0 && missing.length === 0,
    catalog: { name: catalog.name, version: catalog.version },
    granted: catalog.scopes.filter((s) => held.has(s)),
    calls,
    missing,
    add: add.scopes,
    addOptimal: add.optimal,
    remove: unused.map((u) => u.scope),
    unidentified: unknownCalls,
    unused,
    unknownScopes: [...new Set(names.filter((n) => !known.has(n)))].map((scope, i) => {
      // A guess costs an edit distance per catalog scope: the first MAX_GUESSES names get one.
      const guess = i < MAX_GUESSES ? (didYouMean(scope, catalog.scopes) as S | undefined) : undefined;
      return guess === undefined ? { scope } : { scope, didYouMean: guess };
    }),
  };
};

/**
 * Is a token enough for `calls`? Takes scopes as an array or Dynamic's token JSON.
 * Throws `InputError` only when the token document has the wrong shape.
 */
export const checkTokenIn = <S extends string>(
  catalog: Catalog<S>,
  token: unknown,
  calls: Iterable<unknown>,
): TokenCheck<S> | TokenListCheck<S> => {
  const read = readToken(token);
  const compiled = compiledOf(catalog);
  const reports = toReports(matchAll(compiled, calls));
  if (read.kind === "token") return checkScopes(catalog, compiled, read.scopes, reports);
  const tokens = read.tokens.map(({ scopes, ...meta }) => ({
    ...meta,
    check: checkScopes(catalog, compiled, scopes, reports),
  }));
  return { kind: "tokens", sufficient: tokens.some((t) => t.check.sufficient), tokens };
};

/** What `checkToken` answers: one token's check, or a token list's. */
export type CheckResult<S extends string = string> = TokenCheck<S> | TokenListCheck<S>;

/** The single-token checks of a check result, each with its label (`""` for a single token). */
export const tokenChecks = <S extends string>(check: CheckResult<S>): { label: string; check: TokenCheck<S> }[] =>
  check.kind === "token"
    ? [{ label: "", check }]
    : check.tokens.map((t, i) => ({
        label: `token ${t.id ?? `#${i + 1}`}${t.note ? ` (${t.note})` : ""}`,
        check: t.check,
      }));
