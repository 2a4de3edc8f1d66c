import type { Compiled } from "../catalog/compiled.js";
import { splitTemplate, type TemplateSegment } from "../catalog/split-template.js";
import type { UndocumentedEndpoint } from "../catalog/types.js";
import { PLACEHOLDER } from "./normalize-path.js";
import type { NormalizedRequest } from "./result.js";

interface Entry {
  readonly endpoint: UndocumentedEndpoint;
  readonly segments: readonly TemplateSegment[];
  /** Literal segments: the most specific entry wins, as a router's literal beats its param. */
  readonly literals: number;
}

// Indexed on first need (a miss), by method and segment count: a miss costs one short scan.
// Prefix entries (method `*`, path `/…/*`) are kept apart: they match a whole subtree, any method.
const indexes = new WeakMap<Compiled<string>, Map<string, Entry[]>>();
const PREFIXES = "*";

const indexOf = (catalog: Compiled<string>): Map<string, Entry[]> => {
  let index = indexes.get(catalog);
  if (index !== undefined) return index;
  index = new Map([[PREFIXES, []]]);
  for (const endpoint of catalog.undocumented) {
    if (endpoint.method === "*") {
      const segments = splitTemplate(endpoint.path.slice(0, -2));
      index.get(PREFIXES)!.push({ endpoint, segments, literals: segments.length });
      continue;
    }
    const segments = splitTemplate(endpoint.path);
    const key = `${endpoint.method} ${segments.length}`;
    const literals = segments.filter((s) => s.kind === "literal").length;
    (index.get(key) ?? index.set(key, []).get(key)!).push({ endpoint, segments, literals });
  }
  for (const list of index.values()) list.sort((a, b) => b.literals - a.literals);
  indexes.set(catalog, index);
  return index;
};

/**
 * @internal The undocumented endpoint a request the catalog has no scope for is known to be
 * (literal segments compared byte for byte, `:name` placeholders only in params), if any.
 * The call still answers `unknown`: knowing an endpoint exists says nothing of its scope.
 */
export const findUndocumented = <S extends string>(
  catalog: Compiled<S>,
  request: NormalizedRequest,
): UndocumentedEndpoint | undefined => {
  if (catalog.undocumented.length === 0) return undefined;
  const parts = request.path === "/" ? [] : request.path.slice(1).split("/");
  const index = indexOf(catalog);
  const fits = (c: Entry): boolean =>
    c.segments.every((s, i) => (s.kind === "param" ? true : s.value === parts[i] && !PLACEHOLDER.test(parts[i]!)));
  const found = (index.get(`${request.method} ${parts.length}`) ?? []).find(fits);
  return (found ?? index.get(PREFIXES)!.find((c) => c.segments.length <= parts.length && fits(c)))?.endpoint;
};
