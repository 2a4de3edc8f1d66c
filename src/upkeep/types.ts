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
  /** Scopes that unlocked it before and after (endpoint changes). */
  readonly before?: readonly string[];
  readonly after?: readonly string[];
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
