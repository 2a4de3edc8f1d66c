import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dynamicCatalog, parseLogLine, readHar } from "../../src/index.js";
import { numRuns, timeout } from "../helpers/fc.js";

// Every recording of any request to a base origin yields a call or a counted, reported problem,
// never a silent skip; and a request is skipped only where a URL parser agrees it went elsewhere.

const LOCAL = "http://127.0.0.1:47102/api/v0";
const baseUrls = [...dynamicCatalog.baseUrls, LOCAL];

const anyCase = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(""));

/** A spelling of a DNS host that URL parsers read as that host. */
const nameSpelling = (host: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      anyCase(host),
      fc.array(fc.constantFrom("plain", "percent", "fullwidth", "ideographic-dot"), {
        minLength: host.length,
        maxLength: host.length,
      }),
      fc.constantFrom("", ".", ".."),
    )
    .map(([cased, how, dots]) =>
      [...cased]
        .map((ch, i) => {
          if (how[i] === "percent") return `%${ch.charCodeAt(0).toString(16)}`;
          if (how[i] === "fullwidth" && /[a-z]/i.test(ch)) return String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
          if (how[i] === "ideographic-dot" && ch === ".") return "。";
          return ch;
        })
        .join("")
        .concat(dots),
    );

const loopbackSpelling = fc.constantFrom(
  "127.0.0.1",
  "127.1",
  "2130706433",
  "0x7f.0.0.1",
  "0177.0.0.1",
  "[::ffff:127.0.0.1]",
);

const userinfo = fc.constantFrom("", "user@", "user:pw@", "app.dynamicauth.com@", "a@b@", "evil.example@");

const odd = fc.constantFrom(
  "/api/v0",
  "/API/V0",
  "//api/v0",
  "/api//v0",
  "/%61pi/v0",
  "/api/v0;x",
  "/api/v0%2F",
  "",
  "/dynamic",
  "/api/v0/..",
);
const segment = fc.stringMatching(/^[A-Za-z0-9._~%;:@!$&'()*+,=-]{0,12}$/);
const path = fc
  .tuple(odd, fc.array(segment, { maxLength: 5 }), fc.constantFrom("", "?limit=5", "#x", "?next=https://evil.example/"))
  .map(([start, segments, tail]) => `${start}${segments.map((s) => `/${s}`).join("")}${tail}`);

/** A request to one of the base origins, spelled any way a client or log might. */
const toBase = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("https", "http"),
      fc.constantFrom("app.dynamicauth.com", "app.dynamic.xyz"),
      fc.constantFrom("", ":443", ":80", ":8443", ":0443", ":"),
    )
    .chain(([scheme, host, port]) =>
      fc.record({ scheme: anyCase(scheme), host: nameSpelling(host), port: fc.constant(port) }),
    ),
  fc.record({
    scheme: anyCase("http"),
    host: loopbackSpelling,
    port: fc.constantFrom(":47102", ":047102"),
  }),
);

const request = fc.tuple(toBase, userinfo, path, fc.constantFrom("GET", "DELETE", "post"));

const isCall = (kind: string): boolean => kind === "call" || kind === "bad";

describe("recordings never drop a request to a base origin", () => {
  test(
    "in a HAR, a JSON log line (url, or host + path) and a combined log line",
    () => {
      fc.assert(
        fc.property(request, ([{ scheme, host, port }, info, p, method]) => {
          const url = `${scheme}://${info}${host}${port}${p}`;
          const har = readHar({ log: { entries: [{ request: { method, url } }] } }, { baseUrls });
          expect(har.ok && har.calls.length + har.problems.length).toBe(1);
          expect(isCall(parseLogLine(JSON.stringify({ method, url }), { baseUrls }).kind)).toBe(true);
          const withHost = JSON.stringify({ method, host: `${host}${port}`, path: p || "/" });
          expect(isCall(parseLogLine(withHost, { baseUrls }).kind)).toBe(true);
          const request = `"${method} ${url.replace(/[\s"\\]/g, "")} HTTP/1.1"`;
          expect(
            isCall(parseLogLine(`10.0.0.1 - - [27/Nov/2026:10:00:01 +0000] ${request} 200 1`, { baseUrls }).kind),
          ).toBe(true);
        }),
        { numRuns },
      );
    },
    timeout,
  );
});

// Pieces that make URL-like strings, hostile and plain.
const piece = fc.constantFrom(
  "http",
  "https",
  "HTTPS",
  "ws",
  "ftp",
  "data",
  "blob",
  "://",
  ":",
  "/",
  "//",
  "\\",
  "@",
  ".",
  "%2e",
  "%61",
  "[",
  "]",
  "::ffff:",
  "127.0.0.1",
  "127.1",
  "app.dynamicauth.com",
  "APP.DYNAMIC.XYZ",
  "evil.example",
  "ａｐｐ",
  "。",
  ":443",
  ":47102",
  ":8080",
  "/api/v0",
  "?",
  "#",
  " ",
  "\t",
  "xn--pp-6kc",
);

const ORIGINS = new Set(["app.dynamicauth.com", "app.dynamic.xyz"]);

describe("a request is skipped only when a URL parser agrees it went to another origin", () => {
  test(
    "random URL-like strings: every other-host verdict is confirmed by WHATWG URL",
    () => {
      fc.assert(
        fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (pieces) => {
          const url = pieces.join("");
          const r = parseLogLine(JSON.stringify({ method: "GET", url }), { baseUrls });
          if (r.kind !== "other-host") return;
          if (/^(data|blob|about|javascript|mailto|tel):$/.test(r.host)) {
            expect(url.toLowerCase().startsWith(r.host)).toBe(true);
            return;
          }
          const parsed = new URL(url);
          const host = parsed.hostname.replace(/\.+$/, "").toLowerCase();
          if (host === "127.0.0.1")
            expect(parsed.port || (parsed.protocol === "https:" ? "443" : "80")).not.toBe("47102");
          expect(ORIGINS.has(host)).toBe(false);
        }),
        { numRuns: numRuns * 3 },
      );
    },
    timeout,
  );
});

const linePiece = fc.constantFrom(
  "1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] ",
  "[2026-11-27T10:00:01.310Z] ",
  "https 2026-11-27T10:00:01Z app/lb/1 1.2.3.4:1 - 0 0 0 200 200 0 0 ",
  '"',
  '\\"',
  "\\x",
  "\\xC3",
  "\\x0A",
  " ",
  "-",
  "GET",
  "CONNECT",
  "/api/v0/environments/e1/users",
  "https://app.dynamicauth.com",
  " HTTP/1.1",
  " 200 ",
  " 400 ",
  "{",
  "}",
  '"request":',
  '"method":"GET",',
  '"url":',
  '"host":',
  '"headers":{"host":',
  "[",
  "]",
  ",",
  ":",
  "\u2028",
  "\u0000",
);

describe("no line crashes a reader", () => {
  test(
    "arbitrary text and log-shaped fragments: every line is one of call, other-host, no-request, blank or bad",
    () => {
      const kinds = new Set(["call", "other-host", "no-request", "blank", "bad"]);
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "binary", maxLength: 200 }),
            fc.array(linePiece, { maxLength: 14 }).map((p) => p.join("")),
          ),
          (line) => {
            const r = parseLogLine(line, { baseUrls });
            expect(kinds.has(r.kind)).toBe(true);
            if (r.kind === "call") expect(typeof r.url).toBe("string");
          },
        ),
        { numRuns: numRuns * 3 },
      );
    },
    timeout,
  );
});
