import { parseTree } from "jsonc-parser";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import { parseJson } from "../util/parse-json.js";
import { hostOf, onBaseUrls, sortedHostCounts } from "./base-url.js";
import { lineIndex } from "../util/line-index.js";
import type { SourceLocation, SourceProblem, SourcedCall } from "./types.js";

/** Options for {@link readHar}. */
export interface HarOptions {
  /** Shown in locations; `har` by default. */
  readonly file?: string;
  /** Entries under these become calls; Dynamic's base URLs by default (pass `catalog.baseUrls`, plus a proxy's). */
  readonly baseUrls?: readonly string[];
}

/** What a HAR file held, entry by entry. */
export interface HarSummary {
  readonly format: "har";
  readonly file: string;
  readonly entries: number;
  /** Entries on a Dynamic base URL: they became calls. */
  readonly used: number;
  /** Entries on other hosts, counted per host and skipped. */
  readonly skipped: number;
  readonly otherHosts: readonly { readonly host: string; readonly count: number }[];
  /** CORS preflights the browser sent on its own (no token is used for them), skipped. */
  readonly preflight: number;
  /** Entries that are not a request with a method and URL. */
  readonly bad: number;
}

/** The result of {@link readHar}: calls and a summary, or why the document is not a HAR at all. */
export type HarResult =
  | {
      readonly ok: true;
      readonly calls: SourcedCall[];
      readonly problems: SourceProblem[];
      readonly summary: HarSummary;
    }
  | { readonly ok: false; readonly problem: SourceProblem };

/** A CORS preflight: marked `_resourceType: "preflight"`, or an OPTIONS with Access-Control-Request-Method. */
const isPreflight = (entry: unknown, method: string): boolean => {
  const e = entry as { _resourceType?: unknown; request?: { headers?: unknown } };
  if (e._resourceType === "preflight") return true;
  if (method.toUpperCase() !== "OPTIONS" || !Array.isArray(e.request?.headers)) return false;
  return e.request.headers.some(
    (h: { name?: unknown }) => typeof h?.name === "string" && h.name.toLowerCase() === "access-control-request-method",
  );
};

const fail = (source: SourceLocation, message: string): HarResult => ({
  ok: false,
  problem: { source, code: "not-har", message },
});

/** Line of every `log.entries[i]`, when the HAR came as text: for `file:line` locations. */
const entryLines = (text: string): ((i: number) => number | undefined) => {
  const entries = parseTree(text)
    ?.children?.find((p) => p.children?.[0]?.value === "log")
    ?.children?.[1]?.children?.find((p) => p.children?.[0]?.value === "entries")?.children?.[1]?.children;
  const at = lineIndex(text);
  return (i) => {
    const node = entries?.[i];
    return node === undefined ? undefined : at(node.offset).line;
  };
};

/**
 * Reads a HAR 1.2 document (text or parsed): every entry whose URL is on one of
 * `baseUrls` becomes a call; other hosts are counted and skipped; malformed entries
 * are reported with their JSON path and line, and the rest is still read.
 */
export const readHar = (input: string | object, options: HarOptions = {}): HarResult => {
  const file = options.file ?? "har";
  let doc: unknown = input;
  let lineOf: (i: number) => number | undefined = () => undefined;
  if (typeof input === "string") {
    const parsed = parseJson(input);
    if (!parsed.ok) return fail({ file, line: parsed.line, column: parsed.column }, `not JSON: ${parsed.message}`);
    doc = parsed.value;
    lineOf = entryLines(input);
  }
  const entries = (doc as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries))
    return fail({ file, path: "$.log.entries" }, "not a HAR file: expected an object with log.entries (an array)");
  const onBase = onBaseUrls(options.baseUrls ?? dynamicCatalog.baseUrls);
  const calls: SourcedCall[] = [];
  const problems: SourceProblem[] = [];
  const hosts = new Map<string, number>();
  let preflight = 0;
  entries.forEach((entry: unknown, i) => {
    const line = lineOf(i);
    const source: SourceLocation = { file, path: `$.log.entries[${i}]`, ...(line === undefined ? {} : { line }) };
    const request = (entry as { request?: { method?: unknown; url?: unknown } } | null)?.request;
    if (typeof request?.method !== "string" || typeof request.url !== "string") {
      problems.push({ source, code: "bad-entry", message: "entry has no request with a string method and url" });
      return;
    }
    if (isPreflight(entry, request.method)) {
      preflight++;
      return;
    }
    if (!onBase(request.url)) {
      const host = hostOf(request.url);
      hosts.set(host, (hosts.get(host) ?? 0) + 1);
      return;
    }
    calls.push({ call: { method: request.method, url: request.url }, source });
  });
  const otherHosts = sortedHostCounts(hosts);
  const skipped = otherHosts.reduce((n, h) => n + h.count, 0);
  return {
    ok: true,
    calls,
    problems,
    summary: {
      format: "har",
      file,
      entries: entries.length,
      used: calls.length,
      skipped,
      otherHosts,
      preflight,
      bad: problems.length,
    },
  };
};
