import { byName } from "../util/by-name.js";
import { withCompiled, type LiteralChild, type Node, type Route } from "./compiled.js";
import { routePattern } from "./route-pattern.js";
import { splitTemplate, type TemplateSegment } from "./split-template.js";
import type {
  Catalog,
  CatalogData,
  CatalogEndpoint,
  Endpoint,
  Risk,
  ScopeInfo,
  UndocumentedEndpoint,
} from "./types.js";

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
      const entry: LiteralChild<S> = { literal: seg.value, node: child };
      ((node.byLength[seg.value.length] ??= []) as LiteralChild<S>[]).push(entry);
      // A full-width array: reads past a short holey array are slow in V8.
      if (node.byFirst.length === 0) (node.byFirst as unknown[]).push(...new Array<undefined>(128).fill(undefined));
      ((node.byFirst[seg.value.charCodeAt(0)] ??= []) as LiteralChild<S>[]).push(entry);
    }
    node = child;
  }
  return node;
};

const riskOf = (risk: { level: Risk["level"]; rationale: string } | undefined): { risk?: Risk } =>
  risk === undefined ? {} : { risk: Object.freeze({ level: risk.level, rationale: risk.rationale }) };

/** The `undocumented` lists of catalog data, one entry per `METHOD /template`, first source kept. */
export const undocumentedOf = (data: CatalogData): UndocumentedEndpoint[] => {
  const seen = new Map<string, UndocumentedEndpoint>();
  for (const group of data.undocumented ?? []) {
    const keys = [...group.endpoints, ...(group.prefixes ?? []).map((p) => `* ${p}/*`)];
    for (const key of keys) {
      const space = key.indexOf(" ");
      const entry = { method: key.slice(0, space), path: key.slice(space + 1), source: group.source };
      if (!seen.has(key)) seen.set(key, Object.freeze(entry));
    }
  }
  return [...seen.values()];
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
        ...riskOf(e.risk),
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
  // The fast path strips a base URL it knows whole, the careful path the longest base path: a base
  // URL whose path another one extends (a root one, whenever there are base paths) is left to the latter.
  // Every proper prefix of a base path, by whole segments: linear, however many base URLs a catalog lists.
  const extended = new Set(basePaths.flatMap((b) => [...b.matchAll(/\//g)].map((m) => b.slice(0, m.index))));
  const shadowed = (path: string): boolean => extended.has(path);
  const compiled = {
    data,
    // parseCatalog insists on canonical base URLs; data compiled directly may not be.
    plainBaseUrls: data.baseUrls.filter((u) => {
      const url = new URL(u);
      return url.href.replace(/\/$/, "") === u && !shadowed(url.pathname.replace(/\/+$/, ""));
    }),
    basePaths: basePaths.sort((a, b) => b.length - a.length || byName(a, b)),
    tries,
    methods: [...tries.keys()].sort(byName),
    anyMethod,
    routes,
    grants,
    maxDepth,
    undocumented: undocumentedOf(data),
    risks: new Map(data.scopes.flatMap((s) => (s.risk ? [[s.name as S, riskOf(s.risk).risk!] as const] : []))),
  };
  const infos = new Map<string, ScopeInfo<S>>(
    data.scopes.map((s) => [
      s.name,
      Object.freeze({
        name: s.name as S,
        ...(s.group === undefined ? {} : { group: s.group }),
        ...(s.description === undefined ? {} : { description: s.description }),
        implies: Object.freeze([...(s.implies ?? [])]) as readonly S[],
        unlocks: grants.get(s.name as S)?.length ?? 0,
        ...riskOf(s.risk),
      }),
    ]),
  );
  const endpoints: CatalogEndpoint<S>[] = routes.map((r) => Object.freeze({ ...r.endpoint, anyOf: r.anyOf }));
  const catalog: Catalog<S> = {
    name: data.name,
    version: data.version,
    formatVersion: data.formatVersion,
    source: Object.freeze({ ...data.source }),
    baseUrls: Object.freeze([...data.baseUrls]),
    scopes: Object.freeze(data.scopes.map((s) => s.name as S)),
    endpoints: Object.freeze(endpoints),
    undocumented: Object.freeze(compiled.undocumented),
    scope: (name) => infos.get(name),
  };
  return withCompiled(catalog, compiled);
};
