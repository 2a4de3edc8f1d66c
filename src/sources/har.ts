import { parseTree } from "jsonc-parser";
import { parseJson } from "../util/parse-json.js";
import { countHost, sortedHostCounts } from "./base-url.js";
import { routeFor, type RecordingOptions } from "./recording.js";
import { lineIndex } from "../util/line-index.js";
import { isDenial } from "../matcher/sourced-call.js";
import type { SourceLocation, SourceProblem, SourcedCall } from "./types.js";

/** Options for {@link readHar}: where Dynamic is (`baseUrls`, `rewrites`), and the name shown in locations. */
export interface HarOptions extends RecordingOptions {
  /** Shown in locations; `har` by default. */
  readonly file?: string;
}

/** What a HAR file held, entry by entry. */
export interface HarSummary {
  readonly format: "har";
  readonly file: string;
  readonly entries: number;
  /** Entries sent to a base URL's origin (or with a relative URL): they became calls. */
  readonly used: number;
  /** Entries sent to other origins, counted per host and skipped. */
  readonly skipped: number;
  readonly otherHosts: readonly { readonly host: string; readonly count: number }[];
  /** Calls sent with the other scheme of their base URL (http: to an https: base, or the reverse): still calls. */
  readonly otherScheme: number;
  /** Calls whose path a rewrite changed. */
  readonly rewritten: number;
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

/**
 * A CORS preflight: an `OPTIONS` marked `_resourceType: "preflight"` (DevTools) or sent with
 * Access-Control-Request-Method. Only an OPTIONS is one: no marker makes another method a preflight.
 */
const isPreflight = (entry: unknown, method: string): boolean => {
  if (method !== "OPTIONS") return false;
  const e = entry as { _resourceType?: unknown; request?: { headers?: unknown } };
  if (e._resourceType === "preflight") return true;
  if (!Array.isArray(e.request?.headers)) return false;
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
 * Reads a HAR 1.2 document (text or parsed): every entry sent to a base URL's origin (any path,
 * http: or https:), or with a relative URL, becomes a call for the matcher to judge; entries sent to
 * other origins are counted per host and skipped, and so are CORS preflights; malformed entries are
 * reported with their JSON path and line, and the rest is still read. A call whose response was a
 * 401 or 403 keeps that status in its source (a `denied` finding). Throws an `InputError` for bad
 * options (a base URL or rewrite).
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
  const route = routeFor(options);
  const calls: SourcedCall[] = [];
  const problems: SourceProblem[] = [];
  const hosts = new Map<string, number>();
  let preflight = 0;
  let otherScheme = 0;
  let rewritten = 0;
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
    const d = route(request.url);
    if (d.kind === "other-host") {
      countHost(hosts, d.host);
      return;
    }
    if (d.otherScheme) otherScheme++;
    if (d.rewritten) rewritten++;
    const status = (entry as { response?: { status?: unknown } }).response?.status;
    calls.push({
      call: { method: request.method, url: d.url },
      source: typeof status === "number" && isDenial(status) ? { ...source, status } : source,
    });
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
      otherScheme,
      rewritten,
      preflight,
      bad: problems.length,
    },
  };
};
