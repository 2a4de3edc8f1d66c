import { readRequestLine } from "./request-line.js";
import { request, statusOf, type LineParser, type ParsedLine } from "./parsed.js";

type Fields = Record<string, unknown>;

// Also Traefik's (RequestMethod, RequestPath, RequestHost, DownstreamStatus) and Azure Application Gateway's
// (under `properties`: httpMethod, requestUri, host, httpStatus).
const METHOD_KEYS = ["method", "request_method", "requestMethod", "httpMethod", "verb", "RequestMethod"];
// Raw spellings first: nginx's $request_uri is what the client sent, $uri is decoded and merged.
const URL_KEYS = ["url", "request_uri", "requestUrl", "request_url", "requestUri", "uri", "path", "RequestPath"];
// The request's Host. Not `hostname`: pino and bunyan write the logging machine's name there, on every line.
const HOST_KEYS = ["host", "http_host", "server_name", "authority", ":authority", "RequestHost"];
const STATUS_KEYS = ["status", "statusCode", "status_code", "response_code", "httpStatus", "DownstreamStatus"];
// Where JSON loggers nest the request: { request: {…} }, { http: {…} }, GCP's { httpRequest: {…} }.
const NESTS = ["request", "req", "http", "httpRequest", "properties"];
const STATUS_NESTS = [...NESTS, "response", "res"];

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

/** The first non-empty string under one of `keys`, at the top level or in one of `nests`. */
const pick = (o: Fields, keys: readonly string[], nests: readonly string[] = NESTS): string | undefined => {
  for (let n = -1; n < nests.length; n++) {
    const scope = n === -1 ? o : o[nests[n] as string];
    if (!isObject(scope)) continue;
    for (const k of keys) {
      const v = scope[k];
      if (typeof v === "string" && v !== "") return v;
    }
  }
  return undefined;
};

/** The Host header as a logger records it with the request's headers (pino-http: `req.headers.host`). */
const headerHost = (o: Fields): string | undefined => {
  for (let n = -1; n < NESTS.length; n++) {
    const scope = n === -1 ? o : o[NESTS[n] as string];
    const headers = isObject(scope) ? scope["headers"] : undefined;
    if (!isObject(headers)) continue;
    const host = headers["host"] ?? headers["Host"] ?? headers[":authority"];
    if (typeof host === "string" && host !== "") return host;
  }
  return undefined;
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
  const host = pick(o, HOST_KEYS) ?? headerHost(o);
  const status = jsonStatus(o);
  const scheme = pick(o, ["scheme"])?.toLowerCase();
  let parsed: ParsedLine | undefined;
  if (line !== undefined && !line.startsWith("/")) parsed = readRequestLine(line, status);
  if (parsed === undefined || parsed.kind === "bad") {
    const method = pick(o, METHOD_KEYS);
    // `"request": "$request_uri"` (a path, not a line) is the URL when no URL field is logged.
    const target = pick(o, URL_KEYS) ?? (line !== undefined && line.startsWith("/") ? line : undefined);
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
  return isObject(value) ? fromJson(value) : { kind: "bad", message: "JSON line is not an object" };
};
