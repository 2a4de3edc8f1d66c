import data from "../../data/dynamic.catalog.json" with { type: "json" };
import type { Scope } from "./dynamic-scopes.js";
import { compileCatalog } from "./compile-catalog.js";
import type { Catalog } from "./types.js";
import type { CatalogData } from "./types.js";

/**
 * Dynamic's catalog, embedded. Compiled without zod: the test gate validates this
 * exact file with `parseCatalog`, so start-up does not pay for the validator.
 */
export const dynamicCatalog: Catalog<Scope> = compileCatalog<Scope>(data as CatalogData);
