/** The keys a JSON log line is read by and how its fields compare: one vocabulary for the reader and its checks. */

// Also Traefik's (RequestMethod, RequestPath, RequestHost, DownstreamStatus) and Azure Application Gateway's
// (under `properties`: httpMethod, requestUri, host, httpStatus).
export const METHOD_KEYS = ["method", "request_method", "requestMethod", "httpMethod", "verb", "RequestMethod"];
// Raw spellings first: nginx's $request_uri is what the client sent, $uri is decoded and merged.
export const URL_KEYS = ["url", "request_uri", "requestUrl", "request_url", "requestUri", "uri", "path", "RequestPath"];
// The request's Host. Not `hostname`: pino and bunyan write the logging machine's name there, on every line.
export const HOST_KEYS = ["host", "http_host", "server_name", "authority", ":authority", "RequestHost"];
export const STATUS_KEYS = ["status", "statusCode", "status_code", "response_code", "httpStatus", "DownstreamStatus"];
// Where JSON loggers nest the request: { request: {…} }, { http: {…} }, GCP's { httpRequest: {…} }.
export const NESTS = ["request", "req", "http", "httpRequest", "properties"];
export const STATUS_NESTS = [...NESTS, "response", "res"];
// The Host header as a logger records it with the request's headers (pino-http: `req.headers.host`).
export const HEADER_HOST_KEYS = ["host", "Host", "HOST", ":authority"];
// What a key says: each list above is a role, its order the preference within one place.
export const ROLE_KEYS: readonly (readonly string[])[] = [METHOD_KEYS, URL_KEYS, HOST_KEYS, STATUS_KEYS, ["scheme"]];

// Hosts compared as names: case, a port and a trailing dot do not make two hosts (`$host` vs `$http_host`).
/** @internal A host as a name: lower case, without a port or a trailing dot. */
export const hostName = (host: string): string => host.toLowerCase().replace(/:\d*$/, "").replace(/\.$/, "");
/** @internal True when two host fields name one host. */
export const sameHost = (a: string, b: string): boolean => hostName(a) === hostName(b);
// A path and an absolute URL with that path name one request.
const withoutOrigin = (target: string): string => target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
/** @internal True when two URL fields name one request. */
export const sameTarget = (a: string, b: string): boolean => a === b || withoutOrigin(a) === withoutOrigin(b);
