import { hasHole, HOLE_CLOSE, HOLE_OPEN, PARAM_OPEN, showHoles } from "./value.js";

/** What a string's text says about Dynamic. */
export type UrlKind =
  /** Not a Dynamic URL or path. */
  | { readonly kind: "none" }
  /**
   * A Dynamic base URL alone: names no endpoint. `outside` when it is Dynamic's host without the API
   * base path (`https://app.dynamicauth.com/`, `…?x=/api/v0/…`, `…/#/api/v0/…`): requested, the
   * server decides what it is.
   */
  | { readonly kind: "base"; readonly outside?: boolean }
  /**
   * A call's path for the matcher: the part after the base URL, or the whole URL when its path is not
   * spelled as the base path (`/API/V0`, `//api/v0`, `/%61pi/v0`…), which the matcher answers invalid
   * or unknown. `definite` when a Dynamic host or `/api/v0` says so; a bare path is not.
   */
  | { readonly kind: "path"; readonly path: string; readonly definite: boolean }
  /** Dynamic's, but the endpoint is built at run time (the path starts with a run-time value). */
  | { readonly kind: "undetermined"; readonly why: string };

interface Base {
  readonly host: string;
  /** The port when not the scheme's default, else "". */
  readonly port: string;
  readonly origin: string;
  readonly path: string;
}

const API_PREFIX = "/api/v0";
const ENVIRONMENTS = "/environments/";

/** Base URLs split once: lower-case host without port, canonical origin, base path. */
export const parseBases = (baseUrls: readonly string[]): Base[] =>
  baseUrls.flatMap((b) => {
    try {
      const u = new URL(b);
      return [
        {
          host: u.hostname.toLowerCase().replace(/\.$/, ""),
          port: u.port,
          origin: u.origin,
          path: u.pathname.replace(/\/+$/, ""),
        },
      ];
    } catch {
      return [];
    }
  });

const LEADING_HOLES = new RegExp(`^(?:[${HOLE_OPEN}${PARAM_OPEN}][^${HOLE_CLOSE}]*${HOLE_CLOSE})+`);
/** True when `text` starts with a run-time part. */
const holeFirst = (text: string): boolean => text.startsWith(HOLE_OPEN) || text.startsWith(PARAM_OPEN);
const ABSOLUTE = /^(?:([a-z][a-z\d+\-.]*):)?\/\/([^/]*)(.*)$/is;

const RUN_TIME = /[\uE000\uE002][^\uE001]*\uE001/g;
const TOKEN = /h0le(\d+)x/g;

/**
 * An absolute or protocol-relative URL as fetch sends it: parsed by the WHATWG URL parser, which drops
 * surrounding spaces and control characters and every tab and newline, reads `\` as `/`, `https:host`
 * and `https:/host` as `https://host`, maps the host through IDNA (full-width letters) and percent-
 * decoding, drops a default port and user info, and resolves dot segments. Run-time parts survive as
 * tokens; anything else is left as written.
 */
export const canonicalUrl = (text: string): string => {
  const t = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const scheme = /^https?:/i.test(t);
  if (!scheme && !/^[\\/]{2}/.test(t)) return text;
  const parts: string[] = [];
  const safe = t.replace(RUN_TIME, (part) => `h0le${parts.push(part) - 1}x`);
  let u: URL;
  try {
    u = new URL(scheme ? safe : `https:${safe}`);
  } catch {
    return text;
  }
  const port = u.port === "" ? "" : `:${u.port}`;
  const path = `${u.pathname}${u.search}`.replace(/%7B/gi, "{").replace(/%7D/gi, "}");
  return `${scheme ? u.protocol : ""}//${u.hostname}${port}${path}`.replace(TOKEN, (_, i: string) => parts[+i] ?? "");
};

/** True for a path whose first two segments read `api`/`v0` once case, escapes, `;x` and empty segments are undone. */
const spelledApiV0 = (path: string): boolean => {
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .slice(0, 2)
    .map((s) => {
      let d = s.replace(/;.*$/s, "");
      try {
        d = decodeURIComponent(d);
      } catch {
        // a malformed escape stays as written
      }
      return d.toLowerCase();
    });
  return segments[0] === "api" && segments[1] === "v0";
};

// A caller's value glued into a segment (`/environments/${ENV}${path}`) may carry more segments.
const GLUED_PARAM = new RegExp(`[^/]${PARAM_OPEN}|${PARAM_OPEN}[^${HOLE_CLOSE}]*${HOLE_CLOSE}[^/]`);

/**
 * After a base path: a path whose first segment holds a run-time value could be any endpoint, and so
 * could one with a caller's value glued into a segment. A run-time value filling a whole later segment
 * is a param, as the matcher reads `{name}`.
 */
const after = (rest: string): UrlKind => {
  if (rest === "" || rest === "/") return { kind: "base" };
  const first = rest.startsWith("/") ? (rest.slice(1).split("/")[0] ?? "") : rest;
  if (!rest.startsWith("/") || hasHole(first) || GLUED_PARAM.test(rest))
    return { kind: "undetermined", why: `the path after the base URL comes from ${showHoles(rest)}` };
  return { kind: "path", path: showHoles(rest), definite: true };
};

/** A root-relative path: `/api/v0/…` (however spelled) is Dynamic's; another path is bare. */
const relative = (path: string, origin?: string): UrlKind => {
  if (path === API_PREFIX || path === `${API_PREFIX}/`) return { kind: "base" };
  if (path.startsWith(`${API_PREFIX}/`) || (path.startsWith(API_PREFIX) && holeFirst(path.slice(API_PREFIX.length))))
    return after(path.slice(API_PREFIX.length));
  if (spelledApiV0(path)) return { kind: "path", path: showHoles(`${origin ?? ""}${path}`), definite: true };
  const first = path.slice(1).split("/")[0] ?? "";
  if (first === "" || hasHole(first) || GLUED_PARAM.test(path)) return { kind: "none" };
  return { kind: "path", path: showHoles(path), definite: false };
};

/**
 * Reads a string's text (run-time parts as holes) as a Dynamic URL. Scheme and host compare
 * case-insensitively, a trailing dot and a port do not change the host, `//host/…` counts, and a
 * path under a Dynamic host that is not spelled as the base path still is a call (the matcher says
 * what is wrong with it), so no spelling makes a request to Dynamic's origin disappear.
 */
export const classifyUrl = (text: string, bases: readonly Base[]): UrlKind => {
  const t = canonicalUrl(text)
    .trim()
    .replace(/[?#].*$/s, "");
  const abs = ABSOLUTE.exec(t);
  if (abs) {
    const scheme = abs[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== "http" && scheme !== "https") return { kind: "none" };
    const authority = abs[2] ?? "";
    const rest = abs[3] ?? "";
    const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
    const portMatch = /:([^:\]]*)$/.exec(hostPort);
    const port = portMatch?.[1] === "80" || portMatch?.[1] === "443" ? "" : (portMatch?.[1] ?? "");
    const host = (portMatch ? hostPort.slice(0, portMatch.index) : hostPort).toLowerCase().replace(/\.$/, "");
    const base = bases.find((b) => b.host === host && (b.port === port || hasHole(port)));
    if (base !== undefined) {
      if (holeFirst(rest)) return { kind: "undetermined", why: `the path comes from ${showHoles(rest)}` };
      if (rest === "" || rest === "/") return base.path === "" ? { kind: "base" } : { kind: "base", outside: true };
      if (rest === base.path || rest === `${base.path}/`) return { kind: "base" };
      if (rest.startsWith(`${base.path}/`) || (rest.startsWith(base.path) && holeFirst(rest.slice(base.path.length))))
        return after(rest.slice(base.path.length));
      return { kind: "path", path: showHoles(`${base.origin}${rest}`), definite: true };
    }
    if (!hasHole(host)) {
      // Another host: Dynamic's only under the exact `/api/v0`.
      if (rest === API_PREFIX || rest === `${API_PREFIX}/`) return { kind: "base" };
      if (
        rest.startsWith(`${API_PREFIX}/`) ||
        (rest.startsWith(API_PREFIX) && holeFirst(rest.slice(API_PREFIX.length)))
      )
        return after(rest.slice(API_PREFIX.length));
      // A proxy mounting Dynamic's API elsewhere (`https://proxy.internal/dynamic/environments/…`): read
      // from `/environments/` on as a bare path, which counts when the catalog knows it.
      const mount = rest.indexOf(ENVIRONMENTS);
      return mount > 0 ? relative(rest.slice(mount)) : { kind: "none" };
    }
    // A host known only at run time may be Dynamic's.
    return rest.startsWith("/") ? relative(rest) : { kind: "none" };
  }
  const lead = LEADING_HOLES.exec(t);
  if (lead) {
    const rest = t.slice(lead[0].length);
    // `${base}/environments/…`: the run-time part is taken for a base URL.
    return rest.startsWith("/") && !rest.startsWith("//") ? relative(rest) : { kind: "none" };
  }
  return t.startsWith("/") && !t.startsWith("//") ? relative(t) : { kind: "none" };
};
