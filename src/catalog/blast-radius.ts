import { riskRank } from "./risk.js";
import type { Compiled } from "./compiled.js";

/** @internal How many distinct endpoints a set of scopes unlocks together. */
export const blastRadius = <S extends string>(compiled: Compiled<S>, scopes: Iterable<S>): number => {
  const ids = new Set<number>();
  for (const s of scopes) for (const r of compiled.grants.get(s) ?? []) ids.add(r.id);
  return ids.size;
};

/**
 * @internal The tie-break cost of a set of scopes: how many are unrated, critical, admin,
 * write and read (most severe first, so a set whose worst scope is milder wins), then its
 * blast radius. Covers of the same size compare by it, lower first.
 */
export const coverCost = <S extends string>(compiled: Compiled<S>, scopes: readonly S[]): number[] => {
  const counts = [0, 0, 0, 0, 0];
  for (const s of scopes) (counts[4 - riskRank(compiled.risks.get(s))] as number)++;
  return [...counts, blastRadius(compiled, scopes)];
};
