import type { Catalog, CatalogData, Endpoint, Risk, UndocumentedEndpoint } from "./types.js";

/** @internal A compiled endpoint: its public face plus what matching needs. */
export interface Route<S extends string> {
  readonly endpoint: Endpoint;
  /** Every scope that alone unlocks it, implications included, sorted by name. */
  readonly anyOf: readonly S[];
  /** Param name per segment index; undefined for literal segments. */
  readonly params: readonly (string | undefined)[];
  /** Literal per segment index ("" for params), as is and lower-cased: for suggestions. */
  readonly literals: readonly string[];
  readonly lowerLiterals: readonly string[];
  /** Position in catalog order: a stable id for dedupe. */
  readonly id: number;
  /** Confirms a guessed match in one native pass; see route-pattern.ts. Its `lastIndex` is set before every use. */
  readonly pattern: RegExp | undefined;
}

/** @internal A literal child of a trie node. */
export interface LiteralChild<S extends string> {
  readonly literal: string;
  readonly node: Node<S>;
}

/** @internal Trie node: literal children win over the param child. */
export interface Node<S extends string> {
  readonly literals: Map<string, Node<S>>;
  /** Literal children folded for the look-alike check; see matcher/walk-trie.ts. */
  readonly folded: Map<string, string>;
  /** Literal children by first character code (ASCII), for the fast matcher's in-place compare. */
  readonly byFirst: (readonly LiteralChild<S>[] | undefined)[];
  /** Literal children by segment length, for the fast matcher's look-alike check. */
  readonly byLength: (readonly LiteralChild<S>[] | undefined)[];
  param: Node<S> | undefined;
  route: Route<S> | undefined;
}

/** @internal What matching needs of a catalog; never part of the public `Catalog` type. */
export interface Compiled<S extends string> {
  readonly data: CatalogData;
  /** Path prefixes of the base URLs, e.g. `/api/v0`, longest first. */
  readonly basePaths: readonly string[];
  /** Base URLs already in canonical form, which the fast path may compare raw. */
  readonly plainBaseUrls: readonly string[];
  /** One trie per method. */
  readonly tries: ReadonlyMap<string, Node<S>>;
  /** The methods of `tries`, sorted. */
  readonly methods: readonly string[];
  /** Every method's routes in one trie: a miss there is a miss for all methods. */
  readonly anyMethod: Node<S>;
  readonly routes: readonly Route<S>[];
  /** Routes each scope unlocks, implications included. */
  readonly grants: ReadonlyMap<S, readonly Route<S>[]>;
  /** Max segments of any template: longer paths cannot match. */
  readonly maxDepth: number;
  /** Each scope's rating; absent for an unrated scope. */
  readonly risks: ReadonlyMap<S, Risk>;
  /** Endpoints known to exist with no documented scope (the matcher indexes them on first need). */
  readonly undocumented: readonly UndocumentedEndpoint[];
}

// A symbol-keyed slot rather than a WeakMap: the matcher reads it on every call, and a
// property read is cheaper than a WeakMap lookup. The public type does not name it.
const COMPILED = Symbol("scopewise.compiled");

/** @internal Attaches compiled state to a public catalog object. */
export const withCompiled = <S extends string>(catalog: Catalog<S>, compiled: Compiled<S>): Catalog<S> =>
  Object.freeze(Object.defineProperty(catalog, COMPILED, { value: compiled, enumerable: false }));

/** @internal The compiled state of a catalog built by `compileCatalog`; throws for anything else. */
export const compiledOf = <S extends string>(catalog: Catalog<S>): Compiled<S> => {
  const compiled = (catalog as { [COMPILED]?: Compiled<S> } | null | undefined)?.[COMPILED];
  if (compiled === undefined) throw new TypeError("not a catalog: build one with parseCatalog or use dynamicCatalog");
  return compiled;
};
