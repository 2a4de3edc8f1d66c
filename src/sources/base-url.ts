import { InputError } from "../util/errors.js";

// Where Dynamic is, and whether a recorded request went there. The rule (docs/call-sources.md):
// anything sent to a base URL's origin is a call, and the matcher decides what it is. Origins
// compare as URLs do (host case-insensitive, IDN and percent-encoded hosts mapped, numeric IPv4
// spellings read, trailing dots dropped), http: and https: of a base host are both Dynamic, and
// a base URL without a port covers its host on every port. A request is skipped only when it
// surely went elsewhere; anything this module cannot read for certain is a call.

/** A base host: the ports it is served on (none listed: every port) and its schemes. */
interface BaseHost {
  anyPort: boolean;
  readonly ports: Set<number>;
  readonly schemes: Set<string>;
}

/** Where a recorded request went: to Dynamic (a call), or to another origin (skipped, counted by `host`). */
export type Destination =
  | {
      readonly kind: "call";
      /** The URL or path the matcher reads. */
      readonly url: string;
      /** Sent with the other scheme of its base URL (http: to an https: base, or the reverse). */
      readonly otherScheme: boolean;
      /** Its path was rewritten (set by the recording's rewrites, never here). */
      readonly rewritten: boolean;
    }
  | { readonly kind: "other-host"; readonly host: string };

/** Base URLs compiled for cheap per-request tests. */
export interface Origins {
  /**
   * Where a request for `target` went: an absolute URL decides by its own origin; a path (or
   * anything without a scheme) is a call, on `host` when the log names one.
   */
  destination(target: string, host?: string, scheme?: string): Destination;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443 };
const WEB_SCHEME: Readonly<Record<string, string>> = { http: "http", https: "https", ws: "http", wss: "https" };
// Schemes that name no network origin: nothing is sent anywhere, so nothing is a call.
const LOCAL_SCHEMES = new Set(["data", "blob", "about", "javascript", "mailto", "tel"]);

const PLAIN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;
// A last label of digits or 0x-hex makes WHATWG read the host as an IPv4 number (127.1, 0x7f.1).
const NUMERIC_LAST = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/;
const MAPPED_V4 = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/;
const DOTTED_V4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
// Characters that end or confuse an authority, or that servers and clients read differently.
const UNSAFE_HOST = /[\s\u0000-\u001f\u007f/?#@\\]/;
const AMBIGUOUS_AUTHORITY = /[\s\u0000-\u001f\u007f\\]/;

const stripDots = (host: string): string => {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end--;
  return end === host.length ? host : host.slice(0, end);
};

/**
 * The canonical name of a host as a URL parser reads it (lowercase, ASCII, IPv4 as dotted
 * decimal, IPv4-mapped IPv6 as IPv4, no trailing dot), or undefined when it is not a host.
 * Plain names are read without `new URL()`; anything else goes through it.
 */
export const canonicalHost = (raw: string): string | undefined => {
  if (raw === "" || UNSAFE_HOST.test(raw)) return undefined;
  const lower = stripDots(raw.toLowerCase());
  if (PLAIN_HOST.test(lower) && (!NUMERIC_LAST.test(lower) || DOTTED_V4.test(lower))) return lower;
  const known = slowHosts.get(raw);
  if (known !== undefined || slowHosts.has(raw)) return known;
  if (slowHosts.size >= 1000) slowHosts.clear();
  const host = parseHost(raw);
  slowHosts.set(raw, host);
  return host;
};

// Hosts read through `new URL()`, remembered (a bounded few) so a log full of one odd spelling stays cheap.
const slowHosts = new Map<string, string | undefined>();

const parseHost = (raw: string): string | undefined => {
  let hostname: string;
  try {
    hostname = new URL(`http://${raw}/`).hostname;
  } catch {
    return undefined;
  }
  const mapped = MAPPED_V4.exec(hostname);
  if (mapped) {
    const hi = parseInt(mapped[1] as string, 16);
    const lo = parseInt(mapped[2] as string, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return stripDots(hostname) || undefined;
};

/** `host[:port]` split at the first colon outside brackets; undefined when the port is not digits. */
const splitHostPort = (text: string): { host: string; port: number | undefined } | undefined => {
  const close = text.startsWith("[") ? text.indexOf("]") : -1;
  const colon = text.indexOf(":", close + 1);
  if (colon === -1) return { host: text, port: undefined };
  const digits = text.slice(colon + 1);
  if (!/^\d*$/.test(digits)) return undefined;
  return { host: text.slice(0, colon), port: digits === "" ? undefined : Number(digits) };
};

const badOption = (path: string, message: string): InputError =>
  new InputError("bad-option", [{ code: "bad-option", path, message }]);

const compileBases = (baseUrls: readonly string[]): Map<string, BaseHost> => {
  const hosts = new Map<string, BaseHost>();
  baseUrls.forEach((text, i) => {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    const scheme = url?.protocol.slice(0, -1);
    if (url === undefined || (scheme !== "http" && scheme !== "https") || url.hostname === "")
      throw badOption(`$.baseUrls[${i}]`, `${JSON.stringify(text)} is not an absolute http(s) URL`);
    const host = canonicalHost(url.hostname) as string;
    const entry = hosts.get(host) ?? { anyPort: false, ports: new Set<number>(), schemes: new Set<string>() };
    if (url.port === "") entry.anyPort = true;
    else entry.ports.add(Number(url.port));
    entry.schemes.add(scheme);
    hosts.set(host, entry);
  });
  return hosts;
};

/** Compiles base URLs (absolute http(s) URLs; an `InputError` names a bad one) into {@link Origins}. */
export const createOrigins = (baseUrls: readonly string[]): Origins => {
  const hosts = compileBases(baseUrls);
  const call = (url: string, otherScheme = false): Destination => ({
    kind: "call",
    url,
    otherScheme,
    rewritten: false,
  });
  const other = (host: string): Destination => ({ kind: "other-host", host });

  /** A request on a host named apart from the URL (a log's `host` field): the path is the request. */
  const onHost = (target: string, hostText: string, scheme: string | undefined): Destination => {
    // `-` is how logs write an empty field: no host named, so the request may have gone anywhere.
    if (hostText === "-") return call(target);
    const split = splitHostPort(hostText);
    const host = split && canonicalHost(split.host);
    // A host that cannot be read for certain: the request may have gone anywhere, Dynamic too.
    if (split === undefined || host === undefined) return call(target);
    const base = hosts.get(host);
    // Without a scheme the port is unknown, so a logged host without one matches a base host on any port.
    if (base === undefined || (split.port !== undefined && !base.anyPort && !base.ports.has(split.port)))
      return other(split.port === undefined ? host : `${host}:${split.port}`);
    if (!target.startsWith("/")) return call(target);
    const s = scheme === "http" || scheme === "https" ? scheme : (base.schemes.values().next().value as string);
    return call(`${s}://${hostText}${target}`, !base.schemes.has(s));
  };

  const destination = (target: string, hostText?: string, schemeText?: string): Destination => {
    const colon = schemeEnd(target);
    if (colon === -1) return hostText === undefined ? call(target) : onHost(target, hostText, schemeText);
    const scheme = target.slice(0, colon).toLowerCase();
    if (target.charCodeAt(colon + 1) !== 47 || target.charCodeAt(colon + 2) !== 47)
      return LOCAL_SCHEMES.has(scheme) ? other(`${scheme}:`) : call(target);
    // The authority as RFC 3986 reads it; WHATWG also ends it at a backslash, so one inside is ambiguous.
    let end = colon + 3;
    while (end < target.length) {
      const c = target.charCodeAt(end);
      if (c === 47 || c === 63 || c === 35) break;
      end++;
    }
    const authority = target.slice(colon + 3, end);
    const split = splitHostPort(authority.slice(authority.lastIndexOf("@") + 1));
    const host = split && canonicalHost(split.host);
    if (split === undefined || host === undefined || AMBIGUOUS_AUTHORITY.test(authority)) return call(target);
    const base = hosts.get(host);
    const web = WEB_SCHEME[scheme];
    if (web === undefined) return base === undefined ? other(`${scheme}:`) : call(target);
    const port = split.port ?? (DEFAULT_PORTS[scheme] as number);
    if (base === undefined || (!base.anyPort && !base.ports.has(port)))
      return other(port === DEFAULT_PORTS[scheme] ? host : `${host}:${port}`);
    return call(target, !base.schemes.has(web));
  };
  return { destination };
};

/** Index of the colon ending `target`'s URL scheme (`[A-Za-z][A-Za-z0-9+.-]*:`), or -1 when it has none. */
const schemeEnd = (target: string): number => {
  const first = target.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
  for (let i = 1; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c === 58) return i;
    const ok =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    if (!ok) return -1;
  }
  return -1;
};

/** Returns a test for "a request for this URL went to one of `baseUrls`' origins" (a path always did). */
export const onBaseUrls = (baseUrls: readonly string[]): ((url: string) => boolean) => {
  const origins = createOrigins(baseUrls);
  return (url) => origins.destination(url).kind === "call";
};

/** Distinct other hosts counted by name; past this they are counted under one entry, so memory stays bounded. */
export const MAX_DISTINCT_HOSTS = 1000;
const MORE_HOSTS = "(more hosts)";

/** Counts one request to another origin's `host`. */
export const countHost = (hosts: Map<string, number>, host: string): void => {
  const key = hosts.size >= MAX_DISTINCT_HOSTS && !hosts.has(host) ? MORE_HOSTS : host;
  hosts.set(key, (hosts.get(key) ?? 0) + 1);
};

/** Counts per host, most first, then by name: for "skipped: other hosts" summaries. */
export const sortedHostCounts = (hosts: ReadonlyMap<string, number>): { host: string; count: number }[] =>
  [...hosts]
    .map(([host, count]) => ({ host, count }))
    .sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
