import { blastRadius, coverCost } from "../catalog/blast-radius.js";
import { compiledOf, type Compiled } from "../catalog/compiled.js";
import type { Catalog } from "../catalog/types.js";
import { matchAll, toReports, unidentified } from "../matcher/match-calls.js";
import { didYouMean } from "../util/edit-distance.js";
import { solveCover } from "../util/solve-cover.js";
import { ageInDays, DEFAULT_MAX_AGE_DAYS } from "./token-age.js";
import type {
  AuditOptions,
  AuditProblem,
  HeldScope,
  AuditMissing,
  AuditedToken,
  AuditCalls,
  TokenAudit,
} from "./audit-types.js";
import { readLiveTokenList, type LiveToken, type LiveTokenList } from "./read-live-tokens.js";

export { DEFAULT_MAX_AGE_DAYS } from "./token-age.js";

const heldScope = <S extends string>(compiled: Compiled<S>, scope: S): HeldScope<S> => {
  const risk = compiled.risks.get(scope);
  return { scope, unlocks: compiled.grants.get(scope)?.length ?? 0, ...(risk ? { risk } : {}) };
};

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
