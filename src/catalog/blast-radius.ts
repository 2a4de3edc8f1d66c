import type { Catalog } from "./compile-catalog.js";

/** @internal How many distinct endpoints a set of scopes unlocks together. */
export const blastRadius = <S extends string>(catalog: Catalog<S>, scopes: Iterable<S>): number => {
  const ids = new Set<number>();
  for (const s of scopes) for (const r of catalog._grants.get(s) ?? []) ids.add(r.id);
  return ids.size;
};
