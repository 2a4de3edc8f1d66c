import { NO_REQUEST, quote, request, type ParsedLine } from "./parsed.js";

/** `HTTP/` (any case) at `at`. */
const isProtocol = (text: string, at: number): boolean =>
  text.startsWith("HTTP/", at) || text.slice(at, at + 5).toUpperCase() === "HTTP/";
const C_ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v" };

/**
 * Undoes a web server's log escaping: nginx writes `"`, `\` and bytes outside printable ASCII as
 * `\xHH`; Apache writes `\"`, `\\`, C escapes (`\n`) and `\xHH`. Bytes are decoded as UTF-8; bytes
 * that are not UTF-8 come back percent-encoded, which the matcher refuses as they are (fail closed).
 * An unknown escape keeps its backslash, which the matcher refuses too.
 */
export const unescapeLogField = (text: string): string => {
  let out = "";
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    try {
      out += new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    }
    bytes = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const hex = c === "\\" && text[i + 1] === "x" ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 2, i + 4)) : null;
    if (hex) {
      const byte = parseInt(hex[0], 16);
      if (byte < 0x80) {
        flush();
        out += String.fromCharCode(byte);
      } else bytes.push(byte);
      i += 3;
      continue;
    }
    flush();
    const next = text[i + 1];
    if (c === "\\" && next !== undefined && (next === '"' || next === "\\" || next in C_ESCAPES)) {
      out += next === '"' || next === "\\" ? next : C_ESCAPES[next];
      i++;
    } else out += c;
  }
  flush();
  return out;
};

/**
 * Reads a logged request line, `METHOD target HTTP/x.y` (HTTP/0.9: `METHOD target`); `"-"` and
 * a `-` method (nginx, Apache, ALB and Envoy for a connection that sent no request) are no request,
 * and so is a single word the server refused with a 4xx status (`"\x16\x03\x01" 400`: a TLS hello on
 * a plain port, or other bytes that are not HTTP): the server could not route it anywhere.
 * A target with spaces (nginx accepts some) stays whole, for the matcher to refuse.
 */
export const readRequestLine = (
  field: string,
  status: number | undefined = undefined,
  host: string | undefined = undefined,
): ParsedLine => {
  const text = field.includes("\\") ? unescapeLogField(field) : field;
  if (text === "-" || text.startsWith("- ")) return NO_REQUEST;
  const space = text.indexOf(" ");
  if (space <= 0) {
    if (space === -1 && status !== undefined && status >= 400 && status < 500) return NO_REQUEST;
    return { kind: "bad", message: `request line ${quote(text)} is not "METHOD target HTTP/x"` };
  }
  let start = space + 1;
  while (text.charCodeAt(start) === 32) start++;
  let end = text.length;
  const last = text.lastIndexOf(" ");
  if (last >= start && isProtocol(text, last + 1)) {
    end = last;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
  }
  if (end <= start) return { kind: "bad", message: `request line ${quote(text)} has no target` };
  return request(text.slice(0, space), text.slice(start, end), status, host);
};
