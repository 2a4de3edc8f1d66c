import { compiledOf, type Compiled, type Route } from "../catalog/compiled.js";
import type { Catalog } from "../catalog/types.js";
import { byName } from "../util/by-name.js";
import { setParam } from "../util/set-param.js";
import { fastMatch } from "./fast/match.js";
import { MAX_URL_LENGTH } from "./limits.js";
import { decodeSegment, normalizePath, type ParsedPath } from "./normalize-path.js";
import { readCall } from "./read-call.js";
import { invalid, type MatchResult } from "./result.js";
import { callOf } from "./sourced-call.js";
import { suggest } from "./suggest.js";
import { findUndocumented } from "./undocumented.js";
import { findLookAlike, walkTrie } from "./walk-trie.js";

const paramsOf = <S extends string>(route: Route<S>, path: ParsedPath): Record<string, string> => {
  const params: Record<string, string> = {};
  route.params.forEach((name, i) => {
    if (name === undefined) return;
    const raw = path.segments[i] as string;
    setParam(params, name, path.placeholders[i] ? raw : decodeSegment(raw));
  });
  return params;
};

const find = <S extends string>(catalog: Compiled<S>, method: string, path: ParsedPath): Route<S> | undefined => {
  if (path.segments.length > catalog.maxDepth) return undefined;
  const root = catalog.tries.get(method);
  return root ? walkTrie(root, path) : undefined;
};

/**
 * @internal The careful path: every rule in full. Decides all misses and anything
 * unusual. Exported so tests can hold the fast path to it.
 */
export const requiredScopesCareful = <S extends string>(catalog: Compiled<S>, call: unknown): MatchResult<S> => {
  const raw = readCall(call);
  if ("status" in raw) return raw;
  const path = normalizePath(raw.target, catalog.basePaths);
  if ("status" in path) return path;
  const request = { method: raw.method, path: path.path };
  const route = find(catalog, raw.method, path);
  if (route) {
    const lookAlike = findLookAlike(catalog.tries.get(raw.method)!, route, path);
    if (lookAlike) {
      const { segment, literal } = lookAlike;
      return invalid(
        "look-alike",
        `segment ${JSON.stringify(segment)} differs from the literal ${JSON.stringify(literal)} only by case, ` +
          "a ;suffix or its encoding; servers disagree on which endpoint it is",
      );
    }
    return { status: "matched", anyOf: route.anyOf, endpoint: route.endpoint, params: paramsOf(route, path) };
  }
  const undocumented = findUndocumented(catalog, raw.method, path.segments);
  if (undocumented) return { status: "unknown", request, suggestions: [], undocumented };
  const allowedMethods = [...catalog.tries.keys()]
    .filter((m) => m !== raw.method && find(catalog, m, path))
    .sort(byName);
  if (allowedMethods.length > 0) return { status: "method-not-allowed", allowedMethods, request };
  return { status: "unknown", request, suggestions: suggest(catalog, raw.method, path.segments) };
};

/**
 * @internal One call, already taken out of any `{ call, source }` pair: the fast path when it
 * can decide, else the careful one.
 */
export const matchCall = <S extends string>(catalog: Compiled<S>, call: unknown): MatchResult<S> => {
  let method: unknown;
  let url: unknown;
  if (typeof call === "string") {
    const space = call.indexOf(" ");
    if (space > 0) {
      method = call.slice(0, space);
      url = call.slice(space + 1);
    }
  } else if (typeof call === "object" && call !== null) {
    try {
      // The common shapes only; url and path together go the careful way.
      const o = call as { method?: unknown; url?: unknown; path?: unknown };
      if (o.path === undefined) ({ method, url } = o);
      else if (o.url === undefined) ({ method, path: url } = o);
    } catch {
      // a throwing getter: the careful path reports it
    }
  }
  if (typeof method === "string" && typeof url === "string" && url.length <= MAX_URL_LENGTH) {
    const fast = fastMatch(catalog, method, url);
    if (fast !== undefined) return fast;
  }
  return requiredScopesCareful(catalog, call);
};

/**
 * Which scopes one call needs, per `catalog`. Never throws: bad input is
 * `invalid`, a path the catalog lacks is `unknown` (fail closed).
 */
export const requiredScopesIn = <S extends string>(catalog: Catalog<S>, call: unknown): MatchResult<S> =>
  // One level only: a `{ call: { call: … } }` is a call object without a method, so invalid.
  matchCall(compiledOf(catalog), callOf(call));
