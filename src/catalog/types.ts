// The catalog's public types, written out so the published `.d.ts` needs no zod.
// schema.ts holds the zod schema they come from and fails the typecheck if the two drift.

/** Risk levels, lowest first; see `RISK_LEVELS`. */
export type RiskLevel = "read" | "write" | "admin" | "critical";

/** A risk rating with its one-line rationale. */
export interface Risk {
  readonly level: RiskLevel;
  readonly rationale: string;
}

/** A risk rating as the catalog file writes it. */
export interface RiskData {
  level: RiskLevel;
  rationale: string;
}

/** Endpoints known to exist with no documented scope, and where that is known from. */
export interface UndocumentedData {
  source: string;
  endpoints: string[];
  prefixes?: string[] | undefined;
}

/** A method + template pair naming one endpoint. */
export interface EndpointRef {
  readonly method: string;
  readonly path: string;
}

/** One endpoint of a scope, as the catalog file writes it. */
export interface EndpointData {
  method: string;
  path: string;
  summary: string;
  deprecated?: boolean | undefined;
  replacedBy?: { method: string; path: string } | undefined;
  alsoUnlockedBy?: string[] | undefined;
  risk?: RiskData | undefined;
}

/** One scope of a catalog file. */
export interface ScopeData {
  name: string;
  group?: string | undefined;
  description?: string | undefined;
  implies?: string[] | undefined;
  endpoints: EndpointData[];
  risk?: RiskData | undefined;
}

/** Where a catalog's content was read from. */
export interface CatalogSource {
  title?: string | undefined;
  url: string;
  retrieved: string;
}

/** A catalog file's content. */
export interface CatalogData {
  $schema?: string | undefined;
  formatVersion: 2;
  name: string;
  version: string;
  source: CatalogSource;
  baseUrls: string[];
  scopes: ScopeData[];
  undocumented?: UndocumentedData[] | undefined;
}

/** An endpoint as results report it. */
export interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly deprecated: boolean;
  readonly replacedBy?: EndpointRef;
  /** This endpoint's own rating, where the catalog gives one (it differs from its scope's). */
  readonly risk?: Risk;
}

/** An endpoint of the catalog with every scope that alone unlocks it. */
export interface CatalogEndpoint<S extends string = string> extends Endpoint {
  /** Any one of these is enough, implications included, sorted by name. */
  readonly anyOf: readonly S[];
}

/** What the catalog says of one scope. */
export interface ScopeInfo<S extends string = string> {
  readonly name: S;
  /** The heading Dynamic's page files it under. */
  readonly group?: string;
  readonly description?: string;
  /** Scopes it grants as well (as written; {@link ScopeInfo.unlocks} follows them transitively). */
  readonly implies: readonly S[];
  /** How many endpoints it unlocks, implications included. */
  readonly unlocks: number;
  /** What a token holding it can do; undefined when the catalog does not rate it (counts as above critical). */
  readonly risk?: Risk;
}

/**
 * An endpoint known to exist that no scope is documented for: calls to it stay `unknown`. A prefix
 * entry (a whole API with no documented scope, e.g. the client SDK's `/sdk/:environmentId`) has
 * method `*` and a path ending in `/*`.
 */
export interface UndocumentedEndpoint extends EndpointRef {
  /** Where it is known from, e.g. `@dynamic-labs/sdk-api 0.0.847` or a docs URL. */
  readonly source: string;
}

/** A loaded catalog, ready for matching. Build with `parseCatalog`, or use `dynamicCatalog`. */
export interface Catalog<S extends string = string> {
  readonly name: string;
  readonly version: string;
  readonly formatVersion: number;
  readonly source: Readonly<CatalogSource>;
  readonly baseUrls: readonly string[];
  /** Scope names in catalog order. */
  readonly scopes: readonly S[];
  /** Every endpoint in catalog order, with the scopes that unlock it. */
  readonly endpoints: readonly CatalogEndpoint<S>[];
  /** Endpoints known to exist with no documented scope; calls to them answer `unknown`, saying so. */
  readonly undocumented: readonly UndocumentedEndpoint[];
  /** A scope's group, description, implications, reach and risk; undefined for a name the catalog lacks. */
  scope(name: string): ScopeInfo<S> | undefined;
}
