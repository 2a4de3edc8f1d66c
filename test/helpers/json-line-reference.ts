// The JSON-line reader as it was before it gathered fields in one pass: every key probed in every place.
// Kept as the reference the one-pass reader is held to (test/sources/json-line.property.test.ts).
import { readRequestLine } from "../../src/sources/logs/request-line.js";
import { request, statusOf, type LineParser, type ParsedLine } from "../../src/sources/logs/parsed.js";
// The same keys and comparisons as the reader: what the reference holds it to is how they are looked up.
import {
  HEADER_HOST_KEYS,
  HOST_KEYS,
  hostName,
  METHOD_KEYS,
  NESTS,
  sameHost,
  sameTarget,
  STATUS_KEYS,
  STATUS_NESTS,
  URL_KEYS,
} from "../../src/sources/logs/json-fields.js";

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

/** Two places of one line naming different requests: reading either one would hide the other. */
class Conflict {
  constructor(readonly message: string) {}
}

/**
 * The first non-empty string under one of `keys` (in that order of preference) at the top level or in
 * one of `nests`. Several places of the line naming different values (a top-level `url` and an
 * `httpRequest.requestUrl`, say) are a {@link Conflict}: the line is read as neither.
 */
const pick = (
  o: Fields,
  keys: readonly string[],
  same: (a: string, b: string) => boolean = (a, b) => a === b,
  nests: readonly string[] = NESTS,
): string | undefined => {
  let found: { value: string; where: string } | undefined;
  for (let n = -1; n < nests.length; n++) {
    const scope = n === -1 ? o : o[nests[n] as string];
    if (!isObject(scope)) continue;
    for (const k of keys) {
      const v = scope[k];
      if (typeof v !== "string" || v === "") continue;
      const where = n === -1 ? k : `${nests[n]}.${k}`;
      if (found === undefined) found = { value: v, where };
      else if (!same(found.value, v)) throw new Conflict(`fields ${found.where} and ${where} name different requests`);
      break; // within one place, the first key by preference
    }
  }
  return found?.value;
};

/** The Host header as a logger records it with the request's headers (pino-http: `req.headers.host`). */
const headerHost = (o: Fields): string | undefined => {
  let found: string | undefined;
  for (let n = -1; n < NESTS.length; n++) {
    const scope = n === -1 ? o : o[NESTS[n] as string];
    const headers = isObject(scope) ? scope["headers"] : undefined;
    if (!isObject(headers)) continue;
    for (const key of HEADER_HOST_KEYS) {
      const host = headers[key];
      if (typeof host !== "string" || host === "") continue;
      if (found !== undefined && hostName(found) !== hostName(host))
        throw new Conflict("the request's headers name different hosts");
      found = host;
    }
  }
  return found;
};

const jsonStatus = (o: Fields): number | undefined => {
  for (let n = -1; n < STATUS_NESTS.length; n++) {
    const scope = n === -1 ? o : o[STATUS_NESTS[n] as string];
    if (!isObject(scope)) continue;
    for (const k of STATUS_KEYS) {
      const status = statusOf(scope[k]);
      if (status !== undefined) return status;
    }
  }
  return undefined;
};

/**
 * A JSON object: a method and a URL or path (top level or under `request`, `req`, `http`,
 * `httpRequest`), a host if the path needs one; or nginx `escape=json` lines whose `request` is the
 * request line (`"GET /path HTTP/1.1"`), preferred when present since it is what the client sent.
 */
export const fromJson = (o: Fields): ParsedLine => {
  const line = typeof o["request"] === "string" ? (o["request"] as string) : undefined;
  const field = pick(o, HOST_KEYS, sameHost);
  const header = headerHost(o);
  if (field !== undefined && header !== undefined && hostName(field) !== hostName(header))
    throw new Conflict("the host field and the Host header name different hosts");
  const host = field ?? header;
  const status = jsonStatus(o);
  const scheme = pick(o, ["scheme"], (a, b) => a.toLowerCase() === b.toLowerCase())?.toLowerCase();
  let parsed: ParsedLine | undefined;
  if (line !== undefined && !line.startsWith("/")) parsed = readRequestLine(line, status);
  if (parsed === undefined || parsed.kind === "bad") {
    const method = pick(o, METHOD_KEYS, (a, b) => a.toUpperCase() === b.toUpperCase());
    // `"request": "$request_uri"` (a path, not a line) is the URL when no URL field is logged.
    const target = pick(o, URL_KEYS, sameTarget) ?? (line !== undefined && line.startsWith("/") ? line : undefined);
    if (method === undefined || target === undefined) {
      if (parsed !== undefined) return parsed;
      return { kind: "bad", message: `JSON line without ${method === undefined ? "a method" : "a url or path"} field` };
    }
    return request(method, target, status, host, scheme === "http" || scheme === "https" ? scheme : undefined);
  }
  if (parsed.kind !== "request") return parsed;
  if (host === undefined && scheme === undefined) return parsed;
  return request(
    parsed.method,
    parsed.target,
    status,
    host,
    scheme === "http" || scheme === "https" ? scheme : undefined,
  );
};

/** JSON lines (one object a line). */
export const json: LineParser = (text) => {
  if (text.charCodeAt(0) !== 123) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "bad", message: `not JSON: ${(error as Error).message}` };
  }
  if (!isObject(value)) return { kind: "bad", message: "JSON line is not an object" };
  try {
    return fromJson(value);
  } catch (error) {
    if (error instanceof Conflict) return { kind: "bad", message: error.message };
    throw error;
  }
};
