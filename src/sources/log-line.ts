import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import { isAbsolute, onBaseUrls } from "./base-url.js";
import { trimAscii } from "../util/trim-ascii.js";

/** One access-log line, read: a call, a line to skip, or a line that is not a request. */
export type LogLine =
  | { readonly kind: "call"; readonly method: string; readonly url: string }
  | { readonly kind: "other-host"; readonly url: string }
  | { readonly kind: "blank" }
  /** `"-"` where the request line belongs: the client sent none (a probe, a timeout); no token was used. */
  | { readonly kind: "no-request" }
  | { readonly kind: "bad"; readonly message: string };

// Common and combined log format (Apache, nginx, proxies): the request line is the first quoted field.
// `host ident user [date] "METHOD target HTTP/x.y" status bytes …`; a log format, not source code.
const CLF = /^\S+ \S+ \S+ \[[^\]]*\] "([^"\\]*(?:\\.[^"\\]*)*)" (?:\d{3}|-)(?: |$)/;

const METHOD_KEYS = ["method", "request_method", "requestMethod", "httpMethod", "verb"] as const;
const URL_KEYS = ["url", "uri", "request_uri", "requestUrl", "request_url", "path"] as const;
const HOST_KEYS = ["host", "hostname", "server_name", "authority"] as const;
// Where JSON loggers nest the request: { request: {…} }, { http: {…} }, GCP's { httpRequest: {…} }.
const NESTS = ["request", "req", "http", "httpRequest"] as const;

const pick = (o: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const k of keys) if (typeof o[k] === "string" && o[k] !== "") return o[k] as string;
  return undefined;
};

const fromJson = (o: Record<string, unknown>): { method?: string; url?: string } => {
  const scopes = [
    o,
    ...NESTS.map((k) => o[k]).filter(
      (v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v),
    ),
  ];
  const method = scopes.map((s) => pick(s, METHOD_KEYS)).find((v) => v !== undefined);
  const target = scopes.map((s) => pick(s, URL_KEYS)).find((v) => v !== undefined);
  const host = scopes.map((s) => pick(s, HOST_KEYS)).find((v) => v !== undefined);
  // A path logged with the host it was sent to is that host's request: https is assumed, as for Dynamic's API.
  const url =
    target !== undefined && host !== undefined && target.startsWith("/") && !isAbsolute(target)
      ? `https://${host}${target}`
      : target;
  return { ...(method === undefined ? {} : { method }), ...(url === undefined ? {} : { url }) };
};

const toCall = (method: string, url: string, onBase: (url: string) => boolean): LogLine =>
  isAbsolute(url) && !onBase(url) ? { kind: "other-host", url } : { kind: "call", method, url };

// Built on first use: a test for Dynamic's own base URLs.
let dynamicTest: ((url: string) => boolean) | undefined;
const onDynamic = (url: string): boolean => (dynamicTest ??= onBaseUrls(dynamicCatalog.baseUrls))(url);

/**
 * Reads one access-log line: common/combined log format, or a JSON object with a
 * method and a URL or path (top level or under `request`, `http`, `httpRequest`), and a
 * host if the path needs one.
 * Absolute URLs off `onBase` are `other-host`; paths are taken as Dynamic calls.
 */
export const parseLogLine = (line: string, onBase: (url: string) => boolean = onDynamic): LogLine => {
  const text = trimAscii(line);
  if (text === "") return { kind: "blank" };
  if (text.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { kind: "bad", message: `not JSON: ${(error as Error).message}` };
    }
    const { method, url } = fromJson(value as Record<string, unknown>);
    if (method === undefined || url === undefined)
      return { kind: "bad", message: `JSON line without ${method === undefined ? "a method" : "a url or path"} field` };
    return toCall(method, url, onBase);
  }
  const m = CLF.exec(text);
  if (!m) return { kind: "bad", message: "not a common/combined log format line or a JSON object" };
  if (m[1] === "-") return { kind: "no-request" };
  const parts = (m[1] as string).split(" ");
  if (parts.length < 2 || parts.length > 3)
    return { kind: "bad", message: `request line ${JSON.stringify(m[1])} is not "METHOD target HTTP/x"` };
  return toCall(parts[0] as string, parts[1] as string, onBase);
};
