import type { CatalogData, EndpointRef } from "./schema.js";
import { splitTemplate, type TemplateSegment } from "./split-template.js";
import { byName } from "../util/by-name.js";
import { routePattern } from "./route-pattern.js";

/** An endpoint as results report it. */
export interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly deprecated: boolean;
  readonly replacedBy?: EndpointRef;
}

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

/** @internal Trie node: literal children win over the param child. */
export interface Node<S extends string> {
  readonly literals: Map<string, Node<S>>;
  /** Literal children folded for the look-alike check; see matcher/walk-trie.ts. */
  readonly folded: Map<string, string>;
  /** Literal children by first character code (ASCII), for the fast matcher's in-place compare. */
  readonly byFirst: (readonly { readonly literal: string; readonly node: Node<S> }[] | undefined)[];
  /** Literal children by segment length, for the fast matcher's look-alike check. */
  readonly byLength: (readonly { readonly literal: string; readonly node: Node<S> }[] | undefined)[];
  param: Node<S> | undefined;
  route: Route<S> | undefined;
}

/** A loaded catalog, ready for matching. Build with `parseCatalog` or use `dynamicCatalog`. */
export interface Catalog<S extends string = string> {
  readonly name: string;
  readonly version: string;
  readonly formatVersion: number;
  readonly source: CatalogData["source"];
  readonly baseUrls: readonly string[];
  /** Scope names in catalog order. */
  readonly scopes: readonly S[];
  /** @internal */ readonly _data: CatalogData;
  /** @internal Path prefixes of the base URLs, e.g. `/api/v0`. */ readonly _basePaths: readonly string[];
  /** @internal Base URLs already in canonical form, which the fast path may compare raw. */ readonly _plainBaseUrls: readonly string[];
  /** @internal One trie per method. */ readonly _tries: ReadonlyMap<string, Node<S>>;
  /** @internal The methods of `_tries`, sorted. */ readonly _methods: readonly string[];
  /** @internal Every method's routes in one trie: a miss there is a miss for all methods. */ readonly _anyMethod: Node<S>;
  /** @internal */ readonly _routes: readonly Route<S>[];
  /** @internal Routes each scope unlocks, implications included. */ readonly _grants: ReadonlyMap<
    S,
    readonly Route<S>[]
  >;
  /** @internal Max segments of any template: longer paths cannot match. */ readonly _maxDepth: number;
}

const newNode = <S extends string>(): Node<S> => ({
  literals: new Map(),
  folded: new Map(),
  byFirst: [],
  byLength: [],
  param: undefined,
  route: undefined,
});

/** Folding used for look-alike detection: case and `;` path parameters. */
export const foldSegment = (segment: string): string => {
  const semi = segment.indexOf(";");
  return (semi === -1 ? segment : segment.slice(0, semi)).toLowerCase();
};

/** Adds the path of `segments` under `root`; returns its last node. */
const insert = <S extends string>(root: Node<S>, segments: readonly TemplateSegment[]): Node<S> => {
  let node = root;
  for (const seg of segments) {
    if (seg.kind === "param") {
      node = node.param ??= newNode();
      continue;
    }
    let child = node.literals.get(seg.value);
    if (!child) {
      node.literals.set(seg.value, (child = newNode()));
      node.folded.set(foldSegment(seg.value), seg.value);
      const entry = { literal: seg.value, node: child };
      ((node.byLength[seg.value.length] ??= []) as (typeof entry)[]).push(entry);
      // A full-width array: reads past a short holey array are slow in V8.
      if (node.byFirst.length === 0) (node.byFirst as unknown[]).push(...new Array<undefined>(128).fill(undefined));
      ((node.byFirst[seg.value.charCodeAt(0)] ??= []) as (typeof entry)[]).push(entry);
    }
    node = child;
  }
  return node;
};

/** Scopes that grant `scope`, itself included, following `implies` transitively. */
const implierClosure = (data: CatalogData): Map<string, Set<string>> => {
  const implies = new Map(data.scopes.map((s) => [s.name, s.implies ?? []]));
  // Depth-first with memo: linear in the implication graph, whatever order it is listed in.
  // A cycle (only possible in data that skipped validation) just stops the descent.
  const reach = new Map<string, Set<string>>();
  const reachOf = (name: string, path: Set<string>): Set<string> => {
    const known = reach.get(name);
    if (known) return known;
    const set = new Set([name]);
    path.add(name);
    for (const next of implies.get(name) ?? []) if (!path.has(next)) for (const r of reachOf(next, path)) set.add(r);
    path.delete(name);
    reach.set(name, set);
    return set;
  };
  const impliers = new Map<string, Set<string>>(data.scopes.map((s) => [s.name, new Set<string>()]));
  for (const s of data.scopes) for (const target of reachOf(s.name, new Set())) impliers.get(target)?.add(s.name);
  return impliers;
};

/**
 * Compiles catalog data that has already been validated (by `parseCatalog`, or by
 * the build for the embedded catalog). Later duplicates are ignored, never merged.
 */
export const compileCatalog = <S extends string = string>(data: CatalogData): Catalog<S> => {
  const impliers = implierClosure(data);
  const tries = new Map<string, Node<S>>();
  const anyMethod = newNode<S>();
  const routes: Route<S>[] = [];
  let maxDepth = 0;
  for (const scope of data.scopes) {
    for (const e of scope.endpoints) {
      const direct = [scope.name, ...(e.alsoUnlockedBy ?? [])];
      const anyOf = [...new Set(direct.flatMap((d) => [...(impliers.get(d) ?? [d])]))].sort(byName) as S[];
      const segments = splitTemplate(e.path);
      const endpoint: Endpoint = {
        method: e.method,
        path: e.path,
        summary: e.summary,
        deprecated: e.deprecated === true,
        ...(e.replacedBy ? { replacedBy: { method: e.replacedBy.method, path: e.replacedBy.path } } : {}),
      };
      const route: Route<S> = {
        endpoint,
        anyOf,
        params: segments.map((s) => (s.kind === "param" ? s.name : undefined)),
        literals: segments.map((s) => (s.kind === "literal" ? s.value : "")),
        lowerLiterals: segments.map((s) => (s.kind === "literal" ? s.value.toLowerCase() : "")),
        id: routes.length,
        pattern: routePattern(segments),
      };
      let root = tries.get(e.method);
      if (!root) tries.set(e.method, (root = newNode()));
      const node = insert(root, segments);
      if (node.route) continue;
      node.route = route;
      insert(anyMethod, segments).route ??= route;
      routes.push(route);
      maxDepth = Math.max(maxDepth, segments.length);
    }
  }
  const grants = new Map<S, Route<S>[]>(data.scopes.map((s) => [s.name as S, []]));
  for (const r of routes) for (const s of r.anyOf) grants.get(s)?.push(r);
  for (const list of grants.values()) {
    list.sort((a, b) => byName(a.endpoint.path, b.endpoint.path) || byName(a.endpoint.method, b.endpoint.method));
  }
  const basePaths = [...new Set(data.baseUrls.map((u) => new URL(u).pathname.replace(/\/+$/, "")))].filter(
    (p) => p !== "",
  );
  return {
    name: data.name,
    version: data.version,
    formatVersion: data.formatVersion,
    source: data.source,
    baseUrls: data.baseUrls,
    scopes: data.scopes.map((s) => s.name as S),
    _data: data,
    // parseCatalog insists on canonical base URLs; data compiled directly may not be.
    _plainBaseUrls: data.baseUrls.filter((u) => new URL(u).href.replace(/\/$/, "") === u),
    _basePaths: basePaths.sort((a, b) => b.length - a.length || byName(a, b)),
    _tries: tries,
    _methods: [...tries.keys()].sort(byName),
    _anyMethod: anyMethod,
    _routes: routes,
    _grants: grants,
    _maxDepth: maxDepth,
  };
};
