import { blastRadius, coverCost } from "../catalog/blast-radius.js";
import { compiledOf, type Compiled } from "../catalog/compiled.js";
import type { Catalog, Endpoint, Risk } from "../catalog/types.js";
import { matchAll, toReports, unidentified, type CallReport, type UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../matcher/sourced-call.js";
import { didYouMean } from "../util/edit-distance.js";
import { solveCover } from "../util/solve-cover.js";
import { ageInDays, DEFAULT_MAX_AGE_DAYS } from "./token-age.js";
import { readLiveTokenList, type LiveToken, type LiveTokenList, type ScopeList } from "./read-live-tokens.js";

export { DEFAULT_MAX_AGE_DAYS } from "./token-age.js";

/** Options of {@link auditTokensIn}. */
export interface AuditOptions {
  /** The calls the tokens are for: each token is compared with their minimal scope set. */
  readonly calls?: Iterable<unknown>;
  /** The moment ages are counted to (default: now). */
  readonly now?: Date | number;
  /** Older tokens fail the audit with a rotation hint; default {@link DEFAULT_MAX_AGE_DAYS}. */
  readonly maxAgeDays?: number;
  /** More signs that the list is one page of several (e.g. a `Link: rel="next"` header). */
  readonly pagingHints?: readonly string[];
}

/**
 * Why a token fails the audit:
 * - `unrestricted`: no usable scope list (absent, empty or malformed): unrestricted or unknown;
 * - `unknown-scope`: a scope name the catalog does not know (or a scope entry that is not a string);
 * - `over-privileged`: with calls, scopes to `remove` (unused, or broader than the calls need);
 * - `too-old`: older than `maxAgeDays`: rotate it;
 * - `age-unknown`: no readable `createdAt` (missing, not ISO 8601 with a zone, or in the future), so its age
 *   cannot be vouched for.
 */
export type AuditProblem = "unrestricted" | "unknown-scope" | "over-privileged" | "too-old" | "age-unknown";

/** A scope a token holds, with how many endpoints it unlocks and its rating (absent when unrated). */
export interface HeldScope<S extends string> {
  readonly scope: S;
  readonly unlocks: number;
  readonly risk?: Risk;
}

const heldScope = <S extends string>(compiled: Compiled<S>, scope: S): HeldScope<S> => {
  const risk = compiled.risks.get(scope);
  return { scope, unlocks: compiled.grants.get(scope)?.length ?? 0, ...(risk ? { risk } : {}) };
};

/** A call a token cannot make. */
export interface AuditMissing<S extends string> {
  readonly index: number;
  readonly call: string;
  readonly source?: SourceLocation;
  readonly endpoint: Endpoint;
  /** Any one of these would cover the call. */
  readonly anyOf: readonly S[];
}

/** One token of the list, audited. */
export interface AuditedToken<S extends string = string> {
  readonly id?: string;
  readonly note?: string;
  readonly checksum?: string;
  /** As the API sent it. */
  readonly createdAt?: string;
  /** Whole days from `createdAt` to the audit's `asOf`; absent when `createdAt` is missing or unreadable. */
  readonly ageDays?: number;
  readonly scopeList: ScopeList;
  /** Known scopes it holds, in catalog order. */
  readonly scopes: readonly HeldScope<S>[];
  /** Names the catalog does not know, and scope entries that are not strings (shown as JSON). */
  readonly unknownScopes: readonly { readonly scope: string; readonly didYouMean?: S }[];
  /** With calls: the calls it cannot make. */
  readonly missing?: readonly AuditMissing<S>[];
  /** With calls: held scopes no call needs. */
  readonly unused?: readonly HeldScope<S>[];
  /**
   * With calls: the scopes it holds for the calls it can make unlock more than the fewest that would
   * do (`instead`), e.g. `settings.write` where `settings.read` is enough.
   */
  readonly broader?: {
    readonly holds: readonly S[];
    readonly unlocks: number;
    readonly instead: readonly S[];
    readonly insteadUnlocks: number;
  };
  /** With calls: scopes to take away (the unused, and the broader ones). */
  readonly remove?: readonly S[];
  /** With calls: the fewest scopes to add, after `remove`, so every identified call is covered. */
  readonly add?: readonly S[];
  /** Empty when the token is fine. */
  readonly problems: readonly AuditProblem[];
}

/** The calls an audit compares tokens with: their minimal scope set (as `minimalScopes` finds it), and each call. */
export interface AuditCalls<S extends string = string> {
  /** The minimal scope set, sorted by name. */
  readonly scopes: readonly S[];
  /** Endpoints the set unlocks. */
  readonly unlocks: number;
  /** True when every call was identified. */
  readonly complete: boolean;
  readonly calls: readonly CallReport<S>[];
  readonly unidentified: readonly UnidentifiedCall[];
}

/** The answer of {@link auditTokensIn}: plain data. */
export interface TokenAudit<S extends string = string> {
  readonly kind: "audit";
  readonly catalog: { readonly name: string; readonly version: string };
  /** The moment ages are counted to, ISO 8601. */
  readonly asOf: string;
  readonly maxAgeDays: number;
  /** With calls: their minimal scope set, and each call. */
  readonly minimal?: AuditCalls<S>;
  readonly tokens: readonly AuditedToken<S>[];
  /** Entries of the answer that are not tokens: each is a token nobody can vouch for. */
  readonly unreadable: LiveTokenList["unreadable"];
  /** Signs that the list is one page of several. */
  readonly pagingHints: readonly string[];
  /**
   * True only when the list is whole and readable, every input call was identified, and no token has
   * a problem. Fail closed: anything scopewise cannot vouch for makes it false.
   */
  readonly ok: boolean;
}

const unknownScopesOf = <S extends string>(catalog: Catalog<S>, t: LiveToken): { scope: string; didYouMean?: S }[] => {
  const known = new Set<string>(catalog.scopes);
  return [
    ...[...new Set(t.scopes.filter((n) => !known.has(n)))].map((scope) => {
      // A name far longer than any scope is no typo of one.
      const guess = scope.length <= 100 ? (didYouMean(scope, catalog.scopes) as S | undefined) : undefined;
      return guess === undefined ? { scope } : { scope, didYouMean: guess };
    }),
    ...t.badScopes.map((scope) => ({ scope })),
  ];
};

/** The calls as reports, and their minimal scope set. */
const minimalFor = <S extends string>(compiled: Compiled<S>, calls: Iterable<unknown>): AuditCalls<S> => {
  const reports = toReports(matchAll(compiled, calls));
  const requirements = reports.flatMap((r) => (r.result.status === "matched" ? [r.result.anyOf] : []));
  const scopes = solveCover({ requirements, cost: (set) => coverCost(compiled, set) }).scopes;
  return {
    scopes,
    unlocks: blastRadius(compiled, scopes),
    complete: requirements.length === reports.length,
    calls: reports,
    unidentified: unidentified(reports),
  };
};

/** Compares the scopes a token holds with what the calls need. */
const compare = <S extends string>(
  catalog: Catalog<S>,
  compiled: Compiled<S>,
  held: ReadonlySet<S>,
  minimal: AuditCalls<S>,
) => {
  const blast = (set: Iterable<S>): number => blastRadius(compiled, set);
  const matched = minimal.calls.flatMap((c) => (c.result.status === "matched" ? [{ ...c, result: c.result }] : []));
  const needed = new Set(matched.flatMap((c) => c.result.anyOf));
  const covers = (set: ReadonlySet<S>, anyOf: readonly S[]) => anyOf.some((s) => set.has(s));
  const missing = matched
    .filter((c) => !covers(held, c.result.anyOf))
    .map(({ index, call, source, result: { endpoint, anyOf } }): AuditMissing<S> =>
      source === undefined ? { index, call, endpoint, anyOf } : { index, call, source, endpoint, anyOf },
    );
  const unused = [...held].filter((s) => !needed.has(s));
  // What the token holds for the calls it can make, against the fewest scopes for those same calls.
  const neededHeld = [...held].filter((s) => needed.has(s));
  const best = solveCover({
    requirements: matched.filter((c) => covers(held, c.result.anyOf)).map((c) => c.result.anyOf),
    cost: (set) => coverCost(compiled, set),
  }).scopes;
  const broaderHeld = blast(neededHeld) > blast(best) ? neededHeld.filter((s) => !best.includes(s)) : [];
  const remove = new Set<S>([...unused, ...broaderHeld]);
  const keep = new Set([...held].filter((s) => !remove.has(s)));
  const add = solveCover({
    requirements: matched.filter((c) => !covers(keep, c.result.anyOf)).map((c) => c.result.anyOf),
    cost: (set) => coverCost(compiled, set),
  }).scopes;
  const inCatalogOrder = (set: Iterable<S>): S[] => {
    const wanted = new Set(set);
    return catalog.scopes.filter((s) => wanted.has(s));
  };
  return {
    missing,
    unused: inCatalogOrder(unused).map((scope) => heldScope(compiled, scope)),
    ...(broaderHeld.length === 0
      ? {}
      : {
          broader: {
            holds: inCatalogOrder(broaderHeld),
            unlocks: blast(broaderHeld),
            instead: inCatalogOrder(best.filter((s) => !held.has(s))),
            insteadUnlocks: blast(best.filter((s) => !held.has(s))),
          },
        }),
    remove: inCatalogOrder(remove),
    add,
  };
};

const auditOne = <S extends string>(
  catalog: Catalog<S>,
  compiled: Compiled<S>,
  t: LiveToken,
  now: number,
  maxAgeDays: number,
  minimal: AuditCalls<S> | undefined,
): AuditedToken<S> => {
  const ageDays = ageInDays(t.createdAt, now);
  const names = new Set(t.scopes);
  const held = new Set(catalog.scopes.filter((s) => names.has(s)));
  const unknownScopes = unknownScopesOf(catalog, t);
  const restricted = t.scopeList === "listed";
  const compared = minimal !== undefined && restricted ? compare(catalog, compiled, held, minimal) : undefined;
  const problems: AuditProblem[] = [
    ...(restricted ? [] : (["unrestricted"] as const)),
    ...(unknownScopes.length > 0 ? (["unknown-scope"] as const) : []),
    ...(compared !== undefined && compared.remove.length > 0 ? (["over-privileged"] as const) : []),
    ...(ageDays === undefined ? (["age-unknown"] as const) : ageDays > maxAgeDays ? (["too-old"] as const) : []),
  ];
  return {
    ...(t.id === undefined ? {} : { id: t.id }),
    ...(t.note === undefined ? {} : { note: t.note }),
    ...(t.checksum === undefined ? {} : { checksum: t.checksum }),
    ...(t.createdAt === undefined ? {} : { createdAt: t.createdAt }),
    ...(ageDays === undefined ? {} : { ageDays }),
    scopeList: t.scopeList,
    scopes: [...held].map((scope) => heldScope(compiled, scope)),
    unknownScopes,
    ...(compared ?? {}),
    problems,
  };
};

/**
 * Audits the tokens of Dynamic's token list answer (`GET /environments/:environmentId/tokens`, parsed
 * JSON): each token's scopes with what they unlock, names the catalog does not know, tokens with no
 * scope list (unrestricted or unknown), age; and, given `calls`, each token against their minimal
 * scope set. Throws `InputError` only when `list` is not a token list at all.
 */
export const auditTokensIn = <S extends string>(
  catalog: Catalog<S>,
  list: unknown,
  options: AuditOptions = {},
): TokenAudit<S> => auditLiveTokensIn(catalog, readLiveTokenList(list), options);

/** {@link auditTokensIn} of a list already read (`readLiveTokenList`), or of tokens found one by one. */
export const auditLiveTokensIn = <S extends string>(
  catalog: Catalog<S>,
  read: LiveTokenList,
  options: AuditOptions = {},
): TokenAudit<S> => {
  const now = options.now === undefined ? Date.now() : Number(options.now);
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  if (!Number.isFinite(now)) throw new RangeError("auditTokens: `now` must be a valid date");
  if (!(maxAgeDays >= 0)) throw new RangeError("auditTokens: `maxAgeDays` must be a number of days, 0 or more");
  const compiled = compiledOf(catalog);
  const minimal = options.calls === undefined ? undefined : minimalFor(compiled, options.calls);
  const tokens = read.tokens.map((t) => auditOne(catalog, compiled, t, now, maxAgeDays, minimal));
  const pagingHints = [...read.pagingHints, ...(options.pagingHints ?? [])];
  return {
    kind: "audit",
    catalog: { name: catalog.name, version: catalog.version },
    asOf: new Date(now).toISOString(),
    maxAgeDays,
    ...(minimal === undefined ? {} : { minimal }),
    tokens,
    unreadable: read.unreadable,
    pagingHints,
    ok:
      read.unreadable.length === 0 &&
      pagingHints.length === 0 &&
      (minimal === undefined || minimal.complete) &&
      tokens.every((t) => t.problems.length === 0),
  };
};
