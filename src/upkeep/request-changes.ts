import { compiledOf } from "../catalog/compiled.js";
import type { Catalog, Endpoint } from "../catalog/types.js";
import { matchCall } from "../matcher/required-scopes.js";
import type { MatchResult } from "../matcher/result.js";
import { PROBE_LIMITS, probeRequests, type ProbeLimits } from "./probe-requests.js";
import type { CatalogChange } from "./types.js";

const MAX_EXAMPLES = 3;
/** Why a diff could not compare every kind of request (the walk's limits are in probe-requests.ts). */
const UNCHECKED: Record<keyof ProbeLimits, string> = {
  probes: `more than ${PROBE_LIMITS.probes} kinds of request to compare`,
  work: `the catalogs' paths branch past ${PROBE_LIMITS.work} steps of comparison`,
  depth: `a path (base path included) longer than ${PROBE_LIMITS.depth} segments`,
};
/** Groups of requests listed one by one; the rest are counted in one line: a hostile pair cannot flood the report. */
export const MAX_REQUEST_GROUPS = 20;

const show = (e: { method: string; path: string }): string => `${e.method} ${e.path}`;
const shapeOf = (e: { method: string; path: string }): string => `${e.method} ${e.path.replace(/\/:[^/]+/g, "/:")}`;
const list = (scopes: readonly string[]): string => (scopes.length === 0 ? "no scope" : scopes.join(" or "));
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s) => b.includes(s));
const pathOf = (url: string): string => new URL(url).pathname.replace(/\/+$/, "");

/** A path and its shorter prefixes by whole segments, down to "" (the root): "/a/b", "/a", "". */
const prefixesOf = (path: string): string[] => {
  const out: string[] = [];
  for (let i = path.length; i > 0; i = path.lastIndexOf("/", i - 1)) out.push(path.slice(0, i));
  return [...out, ""];
};

/** Base paths and URLs of a pair, looked up by a path's prefixes: a hostile catalog may list thousands. */
interface Bases {
  /** The base path each catalog's matcher strips from a path (its longest that fits), or "" for none. */
  readonly stripped: (prefixes: readonly string[]) => readonly [string, string];
  /** The base URL of either catalog with the longest path a path falls under (first listed of a length). */
  readonly urlOf: (prefixes: readonly string[]) => string | undefined;
}

const basesOf = (pair: readonly [Catalog, Catalog]): Bases => {
  const [a, b] = pair.map((c) => new Set(compiledOf(c).basePaths));
  const urls = new Map<string, string>();
  for (const u of pair.flatMap((c) => c.baseUrls)) if (!urls.has(pathOf(u))) urls.set(pathOf(u), u);
  const longest = (set: { has: (p: string) => boolean }, prefixes: readonly string[]): string =>
    prefixes.find((p) => p !== "" && set.has(p)) ?? "";
  return {
    stripped: (prefixes) => [longest(a!, prefixes), longest(b!, prefixes)],
    urlOf: (prefixes) => urls.get(prefixes.find((p) => urls.has(p)) ?? ""),
  };
};

/**
 * A probe asked as its path, and as a URL under the longest base URL of either catalog it falls
 * under where that answers differently: only a catalog that strips no base path from it refuses
 * the URL (outside its base path) while reading the path as it is.
 */
const callsOf = (
  method: string,
  path: string,
  prefixes: readonly string[],
  stripped: readonly string[],
  pair: readonly Catalog[],
  bases: Bases,
): string[] => {
  const bare = `${method} ${path}`;
  if (!pair.some((c, i) => stripped[i] === "" && compiledOf(c).basePaths.length > 0)) return [bare];
  const base = bases.urlOf(prefixes);
  if (base === undefined) return [bare];
  const rest = path.slice(pathOf(base).length);
  return [`${method} ${base}${rest === "/" ? "" : rest}`, bare];
};

/** What one request's answers before and after say. */
interface Verdict {
  readonly kind: "requests-moved" | "requests-unidentified" | "requests-identified";
  readonly bump: "major" | "minor";
  readonly message: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const statusOf = (r: MatchResult): string => (r.status === "invalid" ? `invalid: ${r.reason}` : r.status);

/** Undefined when the request answers the same, or neither catalog identifies it. */
const judge = (call: string, a: MatchResult, b: MatchResult): Verdict | undefined => {
  if (a.status !== "matched") {
    if (b.status !== "matched") return undefined;
    const message = `now identified: ${call} needs ${list(b.anyOf)} (${show(b.endpoint)})`;
    return { kind: "requests-identified", bump: "minor", message, before: [], after: b.anyOf };
  }
  if (b.status !== "matched") {
    const message = `no longer identified: ${call} (${list(a.anyOf)}, ${show(a.endpoint)}) is ${statusOf(b)}`;
    return { kind: "requests-unidentified", bump: "major", message, before: a.anyOf, after: [] };
  }
  if (sameSet(a.anyOf, b.anyOf)) return undefined;
  const lost = a.anyOf.some((s) => !b.anyOf.includes(s));
  const where = show(a.endpoint) === show(b.endpoint) ? show(a.endpoint) : `${show(a.endpoint)} → ${show(b.endpoint)}`;
  const message = `moves: ${call} ${list(a.anyOf)} → ${list(b.anyOf)} (${where})`;
  return { kind: "requests-moved", bump: lost ? "major" : "minor", message, before: a.anyOf, after: b.anyOf };
};

/** Requests that moved alike: between the same endpoints, or between the same base paths. */
interface Group {
  /** The first request's: the one its message names. */
  readonly verdict: Verdict;
  readonly from: Endpoint | undefined;
  readonly to: Endpoint | undefined;
  /** The base paths old and new strip, when they differ: a base URL moved these requests. */
  readonly bases: readonly [string, string] | undefined;
  readonly examples: string[];
  count: number;
}

/** Which endpoint change says what of its requests: its shape and the scopes they need now. */
const saidOf = (endpoint: { method: string; path: string }, after: readonly string[]): string =>
  `${shapeOf(endpoint)} ${[...after].sort().join(" ")}`;

/**
 * Whether a change already listed says the same of a major group: a major change to the endpoint
 * its requests left, giving the scopes they need now, or the base path they were under gone (not
 * one that now shadows it). Looked up, not searched: thousands of groups meet thousands of changes.
 */
const explainedBy = (listed: readonly CatalogChange[], next: Catalog): ((g: Group) => boolean) => {
  const said = new Set(
    listed.flatMap((c) => (c.bump === "major" && c.endpoint ? [saidOf(c.endpoint, c.after ?? [])] : [])),
  );
  const basePaths = new Set(next.baseUrls.map(pathOf));
  return ({ verdict, from, bases }) =>
    bases !== undefined
      ? bases[0] !== "" && !basePaths.has(bases[0])
      : from !== undefined && said.has(saidOf(from, verdict.after));
};

const changeOf = ({ verdict, from, to, bases, examples, count }: Group): CatalogChange => {
  const where = bases
    ? `under ${bases[1] ? `base path ${bases[1]}` : "no base path"} (was ${bases[0] || "none"}): `
    : "";
  const more = count > 1 ? ` (and ${count - 1} more like it)` : "";
  const endpoint = from ?? to;
  return {
    kind: verdict.kind,
    bump: verdict.bump,
    message: `${where}${verdict.message}${more}`,
    ...(endpoint ? { endpoint: { method: endpoint.method, path: endpoint.path } } : {}),
    before: verdict.before,
    after: verdict.after,
    requests: examples,
    requestCount: count,
  };
};

/**
 * The requests whose answer moves from `old` to `next`, judged on probe requests that stand
 * for every request either catalog answers (probe-requests.ts), grouped by the endpoints they
 * move between (or by base path, when a base URL moved them), each with examples. A request
 * that loses a scope or is no longer identified is major; one newly identified, or unlocked
 * by more scopes, minor. Groups a `listed` change already explains are left out.
 */
export const requestChanges = (old: Catalog, next: Catalog, listed: readonly CatalogChange[]): CatalogChange[] => {
  const { probes, stoppedBy } = probeRequests(old, next);
  const groups = new Map<string, Group>();
  // GETs first, and paths under no base path before those under one: each group's first example is its plainest.
  const lookup = basesOf([old, next]);
  const asked = probes.map((probe) => {
    const path = `/${probe.segments.join("/")}`;
    const prefixes = prefixesOf(path);
    return { probe, path, prefixes, stripped: lookup.stripped(prefixes) };
  });
  const rank = (p: (typeof asked)[number]): number =>
    (p.probe.method === "GET" ? 0 : 2) + (p.stripped[0] === "" && p.stripped[1] === "" ? 0 : 1);
  for (const { probe, path, prefixes, stripped } of asked.sort((a, b) => rank(a) - rank(b))) {
    const bases = stripped[0] === stripped[1] ? undefined : stripped;
    for (const call of callsOf(probe.method, path, prefixes, stripped, [old, next], lookup)) {
      // Suggestions for a miss are no part of its answer, and on thousands of literals they cost milliseconds.
      const a = matchCall(compiledOf(old), call, false);
      const b = matchCall(compiledOf(next), call, false);
      const verdict = judge(call, a, b);
      if (verdict === undefined) continue;
      const from = a.status === "matched" ? a.endpoint : undefined;
      const to = b.status === "matched" ? b.endpoint : undefined;
      // Every example of a group moved alike (kind and weight), so none contradicts its message.
      const how = `${verdict.kind} ${verdict.bump}`;
      const key = bases ? `base ${bases.join(" ")} ${how}` : `${how} ${from && show(from)} ${to && show(to)}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { verdict, from, to, bases, examples: [], count: 0 }));
      group.count++;
      if (group.examples.length < MAX_EXAMPLES) group.examples.push(call);
    }
  }
  const major = [...groups.values()].filter((g) => g.verdict.bump === "major");
  const explained = explainedBy(listed, next);
  // A minor group is the evidence for minor only where nothing else calls for minor or more.
  const shown =
    major.length === 0 && listed.every((c) => c.bump === "patch")
      ? [...groups.values()]
      : major.filter((g) => !explained(g));
  const changes = shown.slice(0, MAX_REQUEST_GROUPS).map(changeOf);
  const rest = shown.slice(MAX_REQUEST_GROUPS);
  if (rest.length > 0)
    changes.push({
      kind: "requests-more",
      bump: rest[0]!.verdict.bump,
      message:
        `and ${rest.length} more groups of requests (${rest.reduce((n, g) => n + g.count, 0)} probe requests) ` +
        "that need other scopes or change identification, between other endpoints",
      requestCount: rest.reduce((n, g) => n + g.count, 0),
    });
  if (stoppedBy !== undefined)
    changes.push({
      kind: "requests-unchecked",
      bump: "major",
      message:
        `${UNCHECKED[stoppedBy]}: the rest were not checked, ` +
        "so the change is judged major rather than risk understating it",
    });
  return changes;
};
