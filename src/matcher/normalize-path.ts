import { invalid, type Invalid } from "./result.js";

/** @internal A request path cut into segments, relative to the API base path. */
export interface ParsedPath {
  /** Normalized path: base path, query, fragment and one trailing slash removed. */
  readonly path: string;
  /** Raw segments, compared byte for byte with catalog literals. */
  readonly segments: readonly string[];
  /** Segments written as `:name` or `{name}`: they may only fill a param. */
  readonly placeholders: readonly boolean[];
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** @internal A segment written `:name` or `{name}`: it stands for any id, so it may only fill a param. */
export const PLACEHOLDER = /^(?::[A-Za-z_$][\w$-]*|\{[A-Za-z_$][\w$-]*\})$/;
const UNRESERVED = /^[A-Za-z0-9._~-]$/;
const ESCAPE = /%([0-9A-Fa-f]{2})/g;
const CONTROL = /[\u0000-\u001f\u007f]/;

const NON_ASCII = /[^\x00-\x7f]/;

// A server that applies Unicode compatibility normalization (NFKC) reads full-width
// `／` as `/` and `．．` or `‥` as `..`: such a segment is a delimiter or dot segment in disguise.
const checkCompatible = (decoded: string): Invalid | undefined => {
  if (!NON_ASCII.test(decoded)) return undefined;
  const compatible = decoded.normalize("NFKC");
  if (compatible.includes("/") || compatible.includes("\\")) {
    return invalid(
      "encoded-delimiter",
      `${JSON.stringify(decoded.slice(0, 80))} holds a character that Unicode normalization turns into a ` +
        "path delimiter",
    );
  }
  if (compatible === "." || compatible === "..") {
    return invalid("dot-segment", `${JSON.stringify(decoded)} is a dot segment after Unicode normalization`);
  }
  return undefined;
};

const checkSegment = (segment: string): Invalid | undefined => {
  if (segment === "") return invalid("empty-segment", "empty path segment (//): servers disagree on how to route it");
  if (segment === "." || segment === "..")
    return invalid("dot-segment", `dot segment ${JSON.stringify(segment)}: servers and clients resolve it differently`);
  if (!segment.includes("%")) return checkCompatible(segment);
  if (/%(?![0-9A-Fa-f]{2})/.test(segment))
    return invalid("bad-escape", `malformed percent-escape in ${JSON.stringify(segment.slice(0, 80))}`);
  for (const [, hex] of segment.matchAll(ESCAPE)) {
    const ch = String.fromCharCode(parseInt(hex as string, 16));
    if (UNRESERVED.test(ch)) {
      return invalid(
        "encoded-unreserved",
        `%${hex} encodes ${JSON.stringify(ch)}, which routers compare either encoded or decoded; write it plainly`,
      );
    }
    if (ch === "/" || ch === "\\")
      return invalid(
        "encoded-delimiter",
        `%${hex} encodes a path delimiter; servers disagree on whether it splits the path`,
      );
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return invalid("bad-escape", `percent-escapes in ${JSON.stringify(segment.slice(0, 80))} are not valid UTF-8`);
  }
  if (CONTROL.test(decoded)) return invalid("control-character", "percent-encoded control character in the path");
  // %25 followed by an escape decodes to an escape: a server that decodes twice reads another segment.
  if (/%[0-9A-Fa-f]{2}/.test(decoded))
    return invalid(
      "bad-escape",
      `double-encoded escape in ${JSON.stringify(segment.slice(0, 80))}: servers that decode twice read another path`,
    );
  return checkCompatible(decoded);
};

const stripBase = (path: string, basePaths: readonly string[]): string | undefined => {
  for (const base of basePaths) {
    if (path === base) return "/";
    if (path.startsWith(base) && path.charCodeAt(base.length) === 47) return path.slice(base.length);
  }
  return undefined;
};

/**
 * @internal Reads a URL or path the way a careful server would, or says why it
 * cannot be read unambiguously. See "Matching rules" in the README.
 */
export const normalizePath = (target: string, basePaths: readonly string[]): ParsedPath | Invalid => {
  if (CONTROL.test(target)) return invalid("control-character", "control character in the URL");
  if (target.includes("\\"))
    return invalid("backslash", "backslash in the URL: clients and servers disagree on whether it is a /");
  let rest = target;
  const scheme = SCHEME.exec(target);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1] as string) || !target.slice(scheme[0].length).startsWith("//")) {
      return invalid(
        "bad-url",
        `unsupported URL ${JSON.stringify(target.slice(0, 80))}: use http(s)://host/path or a path`,
      );
    }
    const afterAuthority = target.slice(scheme[0].length + 2).search(/[/?#]/);
    const authority =
      afterAuthority === -1
        ? target.slice(scheme[0].length + 2)
        : target.slice(scheme[0].length + 2, scheme[0].length + 2 + afterAuthority);
    if (authority === "" || authority.endsWith("@")) return invalid("bad-url", "URL has no host");
    rest = afterAuthority === -1 ? "/" : target.slice(scheme[0].length + 2 + afterAuthority);
    if (!rest.startsWith("/")) rest = `/${rest}`;
  } else if (!target.startsWith("/")) {
    return invalid(
      "bad-url",
      `${JSON.stringify(target.slice(0, 80))} is neither an absolute http(s) URL nor a path starting with /`,
    );
  } else if (target.startsWith("//")) {
    return invalid("empty-segment", "path starts with //, which clients read as a host");
  }
  const end = rest.search(/[?#]/);
  let path = end === -1 ? rest : rest.slice(0, end);
  const stripped = stripBase(path, basePaths);
  if (stripped !== undefined) path = stripped;
  else if (scheme && basePaths.length > 0) {
    return invalid("outside-base-path", `absolute URL is not under the API base path ${basePaths.join(" or ")}`);
  }
  if (path.length > 1 && path.endsWith("/")) {
    path = path.slice(0, -1);
    // A second trailing slash (even right after the base path: /api/v0//) is an empty segment.
    if (path.endsWith("/"))
      return invalid("empty-segment", "empty path segment (//): servers disagree on how to route it");
  }
  if (path.includes(" "))
    return invalid(
      "bad-url",
      "raw space in the path: a server answers 400 or cuts the request line there; encode it as %20",
    );
  const segments = path === "/" ? [] : path.slice(1).split("/");
  for (const segment of segments) {
    const problem = checkSegment(segment);
    if (problem) return problem;
  }
  return { path, segments, placeholders: segments.map((s) => PLACEHOLDER.test(s)) };
};

/** @internal Percent-decodes a param value that {@link normalizePath} already accepted. */
export const decodeSegment = (segment: string): string =>
  segment.includes("%") ? decodeURIComponent(segment) : segment;
