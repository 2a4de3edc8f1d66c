import { InputError } from "../util/errors.js";
import { didYouMean } from "../util/edit-distance.js";
import { compiledOf } from "./compiled.js";
import type { Catalog, Endpoint } from "./types.js";

/**
 * The endpoints `scope` unlocks (implications included), sorted by path. A name the
 * catalog lacks is an `InputError` (`unknown-scope`, with a did-you-mean), never `[]`,
 * which would read as a real scope that unlocks nothing.
 */
export const grantsIn = <S extends string>(catalog: Catalog<S>, scope: string): readonly Endpoint[] => {
  const routes = compiledOf(catalog).grants.get(scope as S);
  if (routes !== undefined) return routes.map((r) => r.endpoint);
  const guess = typeof scope === "string" ? didYouMean(scope, catalog.scopes) : undefined;
  const hint = guess ? `; did you mean ${guess}?` : "";
  const message = `${JSON.stringify(scope)} is not a scope of catalog ${catalog.name}${hint}`;
  throw new InputError("unknown-scope", [{ code: "unknown-scope", path: "$", message }]);
};
