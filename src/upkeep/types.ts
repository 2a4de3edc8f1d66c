import type { EndpointRef, Risk } from "../catalog/types.js";
import type { SourceLocation } from "../matcher/sourced-call.js";
import type { Bump } from "./semver.js";

/** What changed between two catalogs; each kind has a fixed semver weight (see docs/catalog.md). */
export type ChangeKind =
  | "scope-added"
  | "scope-removed"
  | "scope-changed"
  | "risk-changed"
  | "endpoint-added"
  | "endpoint-removed"
  | "endpoint-moved"
  | "requests-moved"
  | "requests-unidentified"
  | "requests-identified"
  | "requests-unchecked"
  | "requests-more"
  | "deprecated"
  | "undeprecated"
  | "replacement-changed"
  | "summary-changed"
  | "template-renamed"
  | "base-url-added"
  | "base-url-removed"
  | "undocumented-added"
  | "undocumented-removed";

/** One change, with the bump it calls for and a one-line explanation. */
export interface CatalogChange {
  readonly kind: ChangeKind;
  readonly bump: Exclude<Bump, "none">;
  readonly message: string;
  readonly scope?: string;
  readonly endpoint?: EndpointRef;
  /** Scopes that unlocked it before and after (endpoint changes; request changes: the first request's). */
  readonly before?: readonly string[];
  readonly after?: readonly string[];
  /** Requests whose answer moves alike (request changes): the first few, and how many probe requests did. */
  readonly requests?: readonly string[];
  readonly requestCount?: number;
  /** Ratings before and after (risk changes); absent for unrated. */
  readonly riskBefore?: Risk;
  readonly riskAfter?: Risk;
}

/** What a catalog change does to the calls and tokens a user gave. */
export interface ImpactItem {
  readonly kind: "denied" | "needs-changed" | "no-longer-identified" | "now-identified" | "now-deprecated";
  /** True when a gate that passed before would now fail (a token denied, a call no longer identified). */
  readonly breaking: boolean;
  readonly message: string;
  /** The endpoint as the old catalog knew it (else the new one's). */
  readonly endpoint?: EndpointRef;
  readonly before?: readonly string[];
  readonly after?: readonly string[];
  /** Labels of the tokens this change denies. */
  readonly denied: readonly string[];
  /** The calls behind it (the first 5) and how many there were. */
  readonly calls: readonly { readonly call: string; readonly source?: SourceLocation }[];
  readonly count: number;
}

/** A token whose fate the impact reports. */
export interface ImpactToken {
  readonly label: string;
  readonly scopes: readonly string[];
}

/** The impact of a catalog change on given calls (and tokens). */
export interface CatalogImpact {
  readonly calls: number;
  readonly tokens: readonly string[];
  readonly items: readonly ImpactItem[];
  readonly breaking: boolean;
  /** Per token, the scopes to add so it keeps working (fewest, lowest risk). */
  readonly fixes: readonly { readonly token: string; readonly add: readonly string[] }[];
}

/** `diffCatalogs`' answer. */
export interface CatalogDiff {
  readonly old: { readonly name: string; readonly version: string };
  readonly new: { readonly name: string; readonly version: string };
  readonly changes: readonly CatalogChange[];
  /** The largest bump any change calls for. */
  readonly bump: Bump;
  /** The version the new catalog should carry: the old one bumped. */
  readonly expectedVersion: string;
  /** False when the new catalog's version is below `expectedVersion` (it understates the change). */
  readonly versionOk: boolean;
  readonly impact?: CatalogImpact;
}

/** A line of an imported page and what became of it. */
export interface PageLineNote {
  readonly line?: number;
  readonly text?: string;
  readonly message: string;
}

/** What `catalog import` made of a page. */
export interface CatalogImport {
  readonly page: { readonly file: string; readonly shape: "text" | "html" | "markdown"; readonly bytes: number };
  /** True when every catalog line was read and the result passed `parseCatalog`. */
  readonly ok: boolean;
  readonly scopes: number;
  readonly endpoints: number;
  /** Lines that look like part of the catalog but could not be read (the catalog is not written). */
  readonly problems: readonly PageLineNote[];
  /** What the importer inferred, each listed: replacements, scopes kept from the base catalog. */
  readonly inferences: readonly PageLineNote[];
  /** Prose passed over, ratings that need a human, scopes dropped. */
  readonly notes: readonly PageLineNote[];
  /** The imported catalog against the base it was read on top of. */
  readonly diff?: CatalogDiff;
  /** Where the catalog was written, when it was. */
  readonly written?: string;
}

/** An SDK operation as drift reports it. */
export interface DriftOperation {
  readonly operation: string;
  readonly method: string;
  /** The SDK's path, `{param}` form. */
  readonly path: string;
}

/** What `catalog sdk-drift` found between a catalog and an installed `@dynamic-labs/sdk-api`. */
export interface SdkDrift {
  readonly sdk: { readonly name: string; readonly version: string };
  /** The SDK version the committed mapping was made from: what "vanished" and "changed" compare with. */
  readonly baseline: { readonly name: string; readonly version: string };
  readonly catalog: { readonly name: string; readonly version: string };
  readonly operations: number;
  /** Operations with no documented scope that the catalog does not list as undocumented either. */
  readonly newUndocumented: readonly DriftOperation[];
  /** Operations of the baseline the SDK no longer has. */
  readonly vanished: readonly DriftOperation[];
  /** Operations whose method or path changed since the baseline. */
  readonly changed: readonly (DriftOperation & { readonly was: { readonly method: string; readonly path: string } })[];
  /** Catalog endpoints no operation of the SDK serves. */
  readonly catalogOnly: readonly {
    readonly method: string;
    readonly path: string;
    readonly anyOf: readonly string[];
  }[];
  /** Undocumented endpoints the catalog knows from this SDK that it no longer has. */
  readonly staleUndocumented: readonly { readonly method: string; readonly path: string; readonly source: string }[];
  /** TokenScopes values the catalog lacks, and catalog scopes the enum lacks. */
  readonly scopesNotInCatalog: readonly string[];
  readonly scopesNotInSdk: readonly string[];
  /** Operations that could not be read from the SDK. */
  readonly problems: readonly string[];
  /** True when any list above is non-empty. */
  readonly drifted: boolean;
}
