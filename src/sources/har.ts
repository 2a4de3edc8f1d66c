import { stripBom } from "../util/bom.js";
import { givenTwice } from "../util/json-keys.js";
import { createJsonStream, JsonStreamError, TOO_LONG, type Keep, type Repeat } from "../util/json-stream.js";
import { countHost, sortedHostCounts } from "./base-url.js";
import { routeFor, type RecordingOptions } from "./recording.js";
import { isDenial } from "../matcher/sourced-call.js";
import { MAX_LINE_LENGTH } from "./limits.js";
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

/** Bad entries reported one by one; past this they are counted. */
export const MAX_REPORTED_BAD_ENTRIES = 100;

const isPreflightHeader = (h: unknown): boolean => {
  const name = (h as { name?: unknown } | null)?.name;
  return typeof name === "string" && name.toLowerCase() === "access-control-request-method";
};

/**
 * A CORS preflight: an `OPTIONS` marked `_resourceType: "preflight"` (DevTools) or sent with
 * Access-Control-Request-Method. Only an OPTIONS is one: no marker makes another method a preflight.
 */
const isPreflight = (entry: unknown, method: string): boolean => {
  if (method !== "OPTIONS") return false;
  const e = entry as { _resourceType?: unknown; request?: { headers?: unknown } };
  if (e._resourceType === "preflight") return true;
  return Array.isArray(e.request?.headers) && e.request.headers.some(isPreflightHeader);
};

/** What an entry is read for: the rest of it (bodies, timings, other headers) is checked as JSON and dropped. */
const ENTRY: Keep = {
  keys: {
    _resourceType: true,
    request: {
      keys: {
        method: true,
        url: true,
        headers: { items: { keys: { name: true } }, filter: isPreflightHeader, max: 1 },
      },
    },
    response: { keys: { status: true } },
  },
};

/** A HAR fed in pieces (see {@link readHar}); `onCall` takes each call as it is read instead of keeping it. */
export interface HarReader {
  write(text: string): void;
  end(): HarResult;
}

const fail = (source: SourceLocation, message: string): HarResult => ({
  ok: false,
  problem: { source, code: "not-har", message },
});
const NOT_HAR = "not a HAR file: expected an object with log.entries (an array)";

/**
 * Reads a HAR text in pieces, never holding the document: each entry of `log.entries` is read and
 * dropped as it completes (see {@link readHar} for what becomes a call). Throws an `InputError` for
 * bad options. With `onCall`, calls are handed over as they are read (a caller that folds them keeps
 * memory bounded); else they are kept in the result.
 */
export const createHarReader = (options: HarOptions = {}, onCall?: (call: SourcedCall) => void): HarReader => {
  const file = options.file ?? "har";
  const entries = readEntries(options, onCall);
  const stream = createJsonStream(
    { keys: { log: { once: true, keys: { entries: { once: true, items: ENTRY, each: entries.entry } } } } },
    MAX_LINE_LENGTH,
  );
  let first = true;
  let failed: HarResult | undefined;
  const guard = (f: () => void): void => {
    if (failed !== undefined) return;
    try {
      f();
    } catch (error) {
      if (!(error instanceof JsonStreamError)) throw error;
      const { line, column } = error;
      failed = fail(
        { file, line, column },
        error.twice ? `not a HAR file: ${error.message}` : `not JSON: ${error.message}`,
      );
    }
  };
  return {
    write(text) {
      guard(() => stream.write(first ? stripBom(text) : text));
      first = false;
    },
    end() {
      let doc: unknown;
      guard(() => (doc = stream.end()));
      if (failed !== undefined) return failed;
      if (!Array.isArray((doc as { log?: { entries?: unknown } } | null)?.log?.entries))
        return fail({ file, path: "$.log.entries" }, NOT_HAR);
      return entries.finish();
    },
  };
};

/** The per-entry rules, shared by a HAR read as text and one given as objects. */
const readEntries = (options: HarOptions, onCall?: (call: SourcedCall) => void) => {
  const file = options.file ?? "har";
  const route = routeFor(options);
  const calls: SourcedCall[] = [];
  const problems: SourceProblem[] = [];
  const hosts = new Map<string, number>();
  const n = { entries: 0, used: 0, bad: 0, preflight: 0, otherScheme: 0, rewritten: 0 };
  const bad = (source: SourceLocation, message: string): void => {
    if (++n.bad <= MAX_REPORTED_BAD_ENTRIES) problems.push({ source, code: "bad-entry", message });
  };
  const entry = (value: unknown, i: number, line: number | undefined, repeat?: Repeat): void => {
    n.entries = i + 1;
    const source: SourceLocation = { file, path: `$.log.entries[${i}]`, ...(line === undefined ? {} : { line }) };
    // JSON.parse keeps the last of the two, another reader the first: the entry is read as neither.
    if (repeat !== undefined) return bad(source, givenTwice(repeat.path, repeat.line));
    const request = (value as { request?: { method?: unknown; url?: unknown } } | null)?.request;
    if (request?.method === TOO_LONG || request?.url === TOO_LONG)
      return bad(source, `entry's request method or url is longer than ${MAX_LINE_LENGTH} characters; not read`);
    if (typeof request?.method !== "string" || typeof request.url !== "string")
      return bad(source, "entry has no request with a string method and url");
    if (isPreflight(value, request.method)) {
      n.preflight++;
      return;
    }
    const d = route(request.url);
    if (d.kind === "other-host") return countHost(hosts, d.host);
    if (d.otherScheme) n.otherScheme++;
    if (d.rewritten) n.rewritten++;
    n.used++;
    const status = (value as { response?: { status?: unknown } }).response?.status;
    const call = {
      call: { method: request.method, url: d.url },
      source: typeof status === "number" && isDenial(status) ? { ...source, status } : source,
    };
    if (onCall === undefined) calls.push(call);
    else onCall(call);
  };
  const finish = (): HarResult => {
    if (n.bad > MAX_REPORTED_BAD_ENTRIES)
      problems.push({
        source: { file },
        code: "bad-entry",
        message: `${n.bad - MAX_REPORTED_BAD_ENTRIES} more bad entries not listed`,
      });
    const otherHosts = sortedHostCounts(hosts);
    const skipped = otherHosts.reduce((sum, h) => sum + h.count, 0);
    const { entries, used, otherScheme, rewritten, preflight, bad } = n;
    const summary: HarSummary = {
      format: "har",
      file,
      entries,
      used,
      skipped,
      otherHosts,
      otherScheme,
      rewritten,
      preflight,
      bad,
    };
    return { ok: true, calls, problems, summary };
  };
  return { entry, finish };
};

/**
 * Reads a HAR 1.2 document (text or parsed): every entry sent to a base URL's origin (any path,
 * http: or https:), or with a relative URL, becomes a call for the matcher to judge; entries sent to
 * other origins are counted per host and skipped, and so are CORS preflights; malformed entries are
 * reported with their JSON path and line (the first 100, then a count), and the rest is still read.
 * A call whose response was a 401 or 403 keeps that status in its source (a `denied` finding). Text
 * is read as it streams (see {@link createHarReader}); a `log` or `log.entries` given twice is not a
 * HAR, and an entry giving a key read from it twice (`request`, its `method` or `url`…) is a bad entry.
 * Throws an `InputError` for bad options (a base URL or rewrite).
 */
export const readHar = (input: string | object, options: HarOptions = {}): HarResult => {
  if (typeof input === "string") {
    const reader = createHarReader(options);
    reader.write(input);
    return reader.end();
  }
  const list = (input as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(list)) return fail({ file: options.file ?? "har", path: "$.log.entries" }, NOT_HAR);
  const entries = readEntries(options);
  list.forEach((entry: unknown, i) => entries.entry(entry, i, undefined));
  return entries.finish();
};
