import { DYNAMIC_SCOPES } from "../../catalog/dynamic-scopes.js";
import { sdkOperations } from "../../sources/sdk-operations.js";
import { parseCatalog } from "../../catalog/parse-catalog.js";
import type { Catalog, CatalogData, EndpointData, ScopeData } from "../../catalog/types.js";
import { CatalogError } from "../../util/errors.js";
import { diffCatalogs } from "../../upkeep/diff-catalogs.js";
import { bumpVersion } from "../../upkeep/semver.js";
import type { CatalogImport, PageLineNote } from "../../upkeep/types.js";
import { detectShape, pageBlocks, type PageShape } from "./page-blocks.js";
import { readPage, type PageScope } from "./read-page.js";

/** Options for {@link importCatalog}. */
export interface ImportOptions {
  /** The catalog the page is read on top of: ratings, undocumented endpoints and version come from it. */
  readonly base: Catalog;
  readonly shape?: PageShape | "auto";
  /** Name shown in the result. */
  readonly file?: string;
  /** `source.url`: this, else the URL a saved HTML page names, else the base's. */
  readonly url?: string;
  /** `source.retrieved`, YYYY-MM-DD. */
  readonly retrieved: string;
}

const shapeKey = (method: string, path: string): string => `${method} ${path.replace(/\/:[^/]+/g, "/:")}`;

/** Endpoints known to exist: the base catalog's, its undocumented list, and the shipped SDK mapping's operations. */
const knownEndpoints = (base: Catalog): ((method: string, path: string) => boolean) => {
  const sdk = sdkOperations().map((o) => shapeKey(o.method, o.path.replace(/\{(\w+)\}/g, ":$1")));
  const keys = new Set([...base.endpoints, ...base.undocumented].map((e) => shapeKey(e.method, e.path)).concat(sdk));
  return (method, path) => keys.has(shapeKey(method, path));
};

/** The base's scopes with no endpoints that the page does not list (a TokenScopes member like events.write). */
const keptScopes = (base: Catalog, page: readonly PageScope[]): string[] =>
  base.scopes.filter((s) => base.scope(s)!.unlocks === 0 && !page.some((p) => p.name === s));

const toData = (base: Catalog, page: readonly PageScope[], inferences: PageLineNote[], notes: PageLineNote[]) => {
  const baseEndpoints = new Map(base.endpoints.map((e) => [shapeKey(e.method, e.path), e]));
  const all = new Set(page.flatMap((s) => s.endpoints.map((e) => `${e.method} ${e.path}`)));
  const scopes: ScopeData[] = page.map((p) => {
    const info = base.scope(p.name);
    if (info === undefined) notes.push({ line: p.line, message: `${p.name} is new: it has no risk rating; rate it` });
    else if (info.risk === undefined) notes.push({ line: p.line, message: `${p.name} has no risk rating; rate it` });
    if (base.name === "dynamic" && !(DYNAMIC_SCOPES as readonly string[]).includes(p.name))
      notes.push({ line: p.line, message: `${p.name} is not in the TokenScopes list scopewise knows` });
    const endpoints = p.endpoints.map((e): EndpointData => {
      const twin = `${e.method} /environments/:environmentId${e.path}`;
      const replaced = e.deprecated && all.has(twin);
      if (replaced)
        inferences.push({ line: e.line, message: `${e.method} ${e.path} → ${twin} (its environment-scoped twin)` });
      else if (e.deprecated)
        notes.push({ line: e.line, message: `${e.method} ${e.path} is deprecated with no environment-scoped twin` });
      const before = baseEndpoints.get(shapeKey(e.method, e.path));
      // An endpoint's own rating is carried only while it stays under the same scope.
      const risk = before?.risk && before.anyOf.includes(p.name) ? { risk: { ...before.risk } } : {};
      return {
        method: e.method,
        path: e.path,
        summary: e.summary,
        ...(e.deprecated ? { deprecated: true } : {}),
        ...(replaced ? { replacedBy: { method: e.method, path: twin.slice(e.method.length + 1) } } : {}),
        ...risk,
      };
    });
    return {
      name: p.name,
      ...(p.group === undefined ? {} : { group: p.group }),
      ...(p.description === undefined ? {} : { description: p.description }),
      ...(info?.risk ? { risk: { ...info.risk } } : {}),
      endpoints,
    };
  });
  for (const name of keptScopes(base, page)) {
    const info = base.scope(name)!;
    const after = base.scopes
      .slice(0, base.scopes.indexOf(name))
      .reverse()
      .find((s) => scopes.some((x) => x.name === s));
    const at = after === undefined ? 0 : scopes.findIndex((x) => x.name === after) + 1;
    scopes.splice(at, 0, {
      name,
      ...(info.group === undefined ? {} : { group: info.group }),
      ...(info.description === undefined ? {} : { description: info.description }),
      ...(info.risk ? { risk: { ...info.risk } } : {}),
      endpoints: [],
    });
    inferences.push({ message: `${name}: not on the page and unlocks nothing; kept from the base catalog` });
  }
  for (const name of base.scopes)
    if (!scopes.some((s) => s.name === name)) notes.push({ message: `${name} is not on the page: dropped` });
  return scopes;
};

/**
 * Reads Dynamic's "API Token Permissions" page (text copied from a browser, saved HTML, or
 * markdown) into a catalog on top of `base`: the page gives groups, scopes, descriptions,
 * endpoints and deprecations; replacements are inferred (each listed); ratings, base URLs and
 * undocumented endpoints come from the base; the version is the base's, bumped by the diff.
 */
export const importCatalog = (
  page: string,
  options: ImportOptions,
): { result: CatalogImport; catalog?: CatalogData } => {
  const shape = options.shape === undefined || options.shape === "auto" ? detectShape(page) : options.shape;
  const { blocks, url: pageUrl } = pageBlocks(page, shape);
  const { base } = options;
  const read = readPage(blocks, knownEndpoints(base));
  const problems: PageLineNote[] = [...read.problems];
  const inferences: PageLineNote[] = [];
  const notes: PageLineNote[] = [...read.skipped];
  if (read.scopes.length === 0)
    problems.push({ message: "no scope found: is this Dynamic's API Token Permissions page?" });
  for (const s of read.scopes)
    if (s.endpoints.length === 0 && base.scope(s.name)?.unlocks !== 0)
      notes.push({ line: s.line, message: `${s.name} lists no endpoint` });
  const scopes = toData(base, read.scopes, inferences, notes);
  const documented = new Set(scopes.flatMap((s) => s.endpoints.map((e) => shapeKey(e.method, e.path))));
  const undocumented = base.undocumented.filter((u) => {
    const now = u.method !== "*" && documented.has(shapeKey(u.method, u.path));
    if (now) notes.push({ message: `${u.method} ${u.path} is documented now: off the undocumented list` });
    return !now;
  });
  const sources = [...new Set(undocumented.map((u) => u.source))];
  const groups = sources.map((source) => {
    const of = undocumented.filter((u) => u.source === source);
    const prefixes = of.filter((u) => u.method === "*").map((u) => u.path.slice(0, -2));
    const endpoints = of.filter((u) => u.method !== "*").map((u) => `${u.method} ${u.path}`);
    return { source, endpoints, ...(prefixes.length > 0 ? { prefixes } : {}) };
  });
  const data: CatalogData = {
    formatVersion: 2,
    name: base.name,
    version: base.version,
    source: {
      title: base.source.title ?? "API Token Permissions",
      url: options.url ?? pageUrl ?? base.source.url,
      retrieved: options.retrieved,
    },
    baseUrls: [...base.baseUrls],
    scopes,
    ...(groups.length === 0 ? {} : { undocumented: groups }),
  };
  const summary = { file: options.file ?? "<page>", shape, bytes: page.length };
  const counts = { scopes: scopes.length, endpoints: documented.size };
  if (problems.length > 0) return { result: { page: summary, ok: false, ...counts, problems, inferences, notes } };
  let diff;
  try {
    diff = diffCatalogs(base, parseCatalog(data));
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const found = error.issues.map((i) => ({ message: `the imported catalog is invalid: ${i.path}: ${i.message}` }));
    return { result: { page: summary, ok: false, ...counts, problems: found, inferences, notes } };
  }
  const catalog: CatalogData = { ...data, version: bumpVersion(base.version, diff.bump) };
  const final = { ...diff, new: { name: catalog.name, version: catalog.version }, versionOk: true };
  return { result: { page: summary, ok: true, ...counts, problems, inferences, notes, diff: final }, catalog };
};
