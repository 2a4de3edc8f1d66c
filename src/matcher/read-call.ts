import { MAX_METHOD_LENGTH, MAX_URL_LENGTH } from "./limits.js";
import { invalid, type Invalid } from "./result.js";
import { trimAscii } from "../util/trim-ascii.js";
import { describeError } from "../util/describe-error.js";

/** A call to look up: `"GET /path"`, `{ method, url }`, `{ method, path }`, or a fetch `Request`. */
export type CallInput =
  | string
  | { readonly method: string; readonly url: string | { readonly href: string } }
  | { readonly method: string; readonly path: string };

/** @internal A call split into an upper-case method and a URL or path, not yet checked. */
export interface RawCall {
  readonly method: string;
  readonly target: string;
}

const METHOD = /^[A-Za-z][A-Za-z-]*$/;

const checkMethod = (method: string, target: string): RawCall | Invalid => {
  if (method.length > MAX_METHOD_LENGTH || !METHOD.test(method)) {
    return invalid("bad-method", `method ${JSON.stringify(method.slice(0, 40))} is not an HTTP method name`);
  }
  if (target.length > MAX_URL_LENGTH)
    return invalid("too-long", `URL is ${target.length} characters; the limit is ${MAX_URL_LENGTH}`);
  return { method: method.toUpperCase(), target };
};

const fromString = (input: string): RawCall | Invalid => {
  if (input.length > MAX_URL_LENGTH + 2 * MAX_METHOD_LENGTH) {
    return invalid("too-long", `call is ${input.length} characters; URLs are limited to ${MAX_URL_LENGTH}`);
  }
  const parts = trimAscii(input).split(/[ \t]+/);
  if (parts.length !== 2 || parts[0] === "" || parts[1] === undefined) {
    return invalid(
      "bad-call",
      parts.length > 2 ? "expected METHOD URL, found extra text after the URL" : "expected METHOD URL",
    );
  }
  return checkMethod(parts[0] ?? "", parts[1]);
};

const asUrlString = (value: unknown): string | undefined => {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { href?: unknown }).href === "string") {
    return (value as { href: string }).href;
  }
  return undefined;
};

const fromObject = (input: object): RawCall | Invalid => {
  const { method, url, path } = input as { method?: unknown; url?: unknown; path?: unknown };
  if (typeof method !== "string") return invalid("bad-call", "call object needs a string method");
  const u = url === undefined ? undefined : asUrlString(url);
  const p = path === undefined ? undefined : asUrlString(path);
  if (u === undefined && p === undefined) return invalid("bad-call", "call object needs a string url or path");
  if (u !== undefined && p !== undefined && u !== p)
    return invalid("bad-call", "call object has both url and path; give one");
  return checkMethod(method, (u ?? p) as string);
};

/** @internal Reads any value as a call; never throws (a throwing getter makes it `invalid`). */
export const readCall = (input: unknown): RawCall | Invalid => {
  if (typeof input === "string") return fromString(input);
  if (typeof input !== "object" || input === null) {
    return invalid(
      "bad-call",
      `a call is a "METHOD URL" string or an object with method and url, not ${input === null ? "null" : typeof input}`,
    );
  }
  try {
    return fromObject(input);
  } catch (error) {
    return invalid("bad-call", `reading the call object threw: ${describeError(error)}`);
  }
};
