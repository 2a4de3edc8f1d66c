import type { Compiled } from "./compiled.js";

/** @internal How many distinct endpoints a set of scopes unlocks together. */
export const blastRadius = <S extends string>(compiled: Compiled<S>, scopes: Iterable<S>): number => {
  const ids = new Set<number>();
  for (const s of scopes) for (const r of compiled.grants.get(s) ?? []) ids.add(r.id);
  return ids.size;
};
