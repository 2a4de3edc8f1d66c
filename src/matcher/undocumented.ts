import type { Compiled } from "../catalog/compiled.js";
import { splitTemplate, type TemplateSegment } from "../catalog/split-template.js";
import type { UndocumentedEndpoint } from "../catalog/types.js";
import { PLACEHOLDER } from "./normalize-path.js";

interface Entry {
  readonly endpoint: UndocumentedEndpoint;
  readonly segments: readonly TemplateSegment[];
  /** Literal segments: the most specific entry wins, as a router's literal beats its param. */
  readonly literals: number;
}

// Indexed on first need (a miss), by method and segment count: a miss costs one short scan.
// Prefix entries (method `*`, path `/…/*`) are kept apart: they match a whole subtree, any method.
interface Index {
  readonly byMethod: Map<string, (Entry[] | undefined)[]>;
  readonly prefixes: Entry[];
}
const indexes = new WeakMap<Compiled<string>, Index>();

const indexOf = (catalog: Compiled<string>): Index => {
  let index = indexes.get(catalog);
  if (index !== undefined) return index;
  index = { byMethod: new Map(), prefixes: [] };
  for (const endpoint of catalog.undocumented) {
    if (endpoint.method === "*") {
      const segments = splitTemplate(endpoint.path.slice(0, -2));
      index.prefixes.push({ endpoint, segments, literals: segments.length });
      continue;
    }
    const segments = splitTemplate(endpoint.path);
    const literals = segments.filter((s) => s.kind === "literal").length;
    let bySize = index.byMethod.get(endpoint.method);
    if (bySize === undefined) index.byMethod.set(endpoint.method, (bySize = []));
    (bySize[segments.length] ??= []).push({ endpoint, segments, literals });
  }
  for (const bySize of index.byMethod.values())
    for (const list of bySize) list?.sort((a, b) => b.literals - a.literals);
  index.prefixes.sort((a, b) => b.literals - a.literals);
  indexes.set(catalog, index);
  return index;
};

// Literal segments compared byte for byte; a placeholder (`:name`, `{name}`) fills only a param.
const fits = (entry: Entry, parts: readonly string[]): boolean => {
  const { segments } = entry;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.kind === "literal" && (s.value !== parts[i] || PLACEHOLDER.test(s.value))) return false;
  }
  return true;
};

const first = (entries: readonly Entry[] | undefined, parts: readonly string[]): Entry | undefined => {
  if (entries !== undefined) for (const entry of entries) if (fits(entry, parts)) return entry;
  return undefined;
};

/**
 * @internal The undocumented endpoint a request the catalog has no scope for is known to be
 * (literal segments compared byte for byte, `:name` placeholders only in params), if any.
 * The call still answers `unknown`: knowing an endpoint exists says nothing of its scope.
 * `segments` are the request's path segments relative to the base path.
 */
export const findUndocumented = <S extends string>(
  catalog: Compiled<S>,
  method: string,
  segments: readonly string[],
): UndocumentedEndpoint | undefined => {
  if (catalog.undocumented.length === 0) return undefined;
  const index = indexOf(catalog);
  const found = first(index.byMethod.get(method)?.[segments.length], segments);
  if (found !== undefined) return found.endpoint;
  for (const entry of index.prefixes)
    if (entry.segments.length <= segments.length && fits(entry, segments)) return entry.endpoint;
  return undefined;
};
