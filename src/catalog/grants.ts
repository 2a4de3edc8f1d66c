import type { Catalog, Endpoint } from "./compile-catalog.js";

/** The endpoints `scope` unlocks (implications included), sorted by path; `[]` for a name the catalog lacks. */
export const grantsIn = <S extends string>(catalog: Catalog<S>, scope: string): readonly Endpoint[] =>
  (catalog._grants.get(scope as S) ?? []).map((r) => r.endpoint);
