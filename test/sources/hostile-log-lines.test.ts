import { describe, expect, test } from "vitest";
import { parseCallsFile, parseLogLine } from "../../src/index.js";

// Found by an outside attack: log lines that read as one harmless request (or another host's) while
// they hold a Dynamic call. Each must read as the call, or as a bad line (exit 1), never as a skip.
const date = "[28/Nov/2026:10:00:03 +0000]";
const put = `"PUT /api/v0/environments/e1/users/u1 HTTP/1.1" 200 1204 "-" "ua"`;

describe("hostile access-log lines are a call or a bad line, never a skip or a harmless request", () => {
  test.each([
    ["a Basic-auth user name with a space", `10.0.0.9 - sync bot ${date} ${put}`, "call"],
    ["a user name with several spaces", `10.0.0.9 - a b c d ${date} ${put}`, "call"],
    [
      "a second line after a vertical tab",
      `10.0.0.9 - - ${date} "GET /healthz HTTP/1.1" 200 2\u000b10.0.0.9 - - ${date} ${put}`,
      "bad",
    ],
    ["a second line after a form feed", `10.0.0.9 - - ${date} "GET /healthz HTTP/1.1" 200 2\f${put}`, "bad"],
    [
      "a second line after a bare CR",
      `10.0.0.9 - - ${date} "GET /healthz HTTP/1.1" 200 2\r10.0.0.9 - - ${date} ${put}`,
      "bad",
    ],
    ["a second line after NEL", `10.0.0.9 - - ${date} "GET /healthz HTTP/1.1" 200 2\u0085${put}`, "bad"],
    ["a second line after U+2028", `10.0.0.9 - - ${date} "GET /healthz HTTP/1.1" 200 2\u2028${put}`, "bad"],
    ["a NUL inside the line", `10.0.0.9 - - ${date} "GET /healthz HTTP/1.1" 200 2\u0000${put}`, "bad"],
  ])("%s", (_name, line, kind) => {
    expect(parseLogLine(line).kind).toBe(kind);
  });
});

describe("JSON lines naming two different requests are bad lines, not the harmless one", () => {
  const dynamic = "https://app.dynamicauth.com/api/v0/environments/e1/users/u1";
  test.each([
    [
      "a top-level url and httpRequest.requestUrl",
      { method: "GET", url: "/healthz", httpRequest: { requestMethod: "GET", requestUrl: dynamic } },
    ],
    [
      "a top-level method and httpRequest.requestMethod",
      { method: "GET", httpRequest: { requestMethod: "PUT", requestUrl: dynamic } },
    ],
    [
      "request.url and a top-level url",
      { url: "https://status.example.com/x", method: "PUT", request: { url: dynamic } },
    ],
    [
      "a host field and a Host header",
      {
        method: "PUT",
        url: "/api/v0/environments/e1/users/u1",
        host: "status.example.com",
        headers: { host: "app.dynamicauth.com" },
      },
    ],
    [
      "two Host headers",
      {
        method: "PUT",
        url: "/api/v0/environments/e1/users/u1",
        headers: { host: "status.example.com", Host: "app.dynamicauth.com" },
      },
    ],
  ])("%s", (_name, object) => {
    const r = parseLogLine(JSON.stringify(object));
    expect(r.kind).toBe("bad");
    expect(r.kind === "bad" && r.message).toMatch(/different/);
  });

  test.each([
    [
      "the same URL as a path and as an absolute URL",
      {
        method: "GET",
        url: "/api/v0/environments/e1/users",
        httpRequest: { requestUrl: "https://app.dynamicauth.com/api/v0/environments/e1/users" },
      },
    ],
    [
      "a host field and a Host header with a port",
      {
        method: "GET",
        url: "/api/v0/environments/e1/users",
        host: "app.dynamicauth.com",
        headers: { host: "App.DynamicAuth.com:443" },
      },
    ],
  ])("%s is one request", (_name, object) => {
    expect(parseLogLine(JSON.stringify(object)).kind).toBe("call");
  });
});

describe("calls files: a comment holding a hidden line break is read as a call, and refused", () => {
  test.each(["\r", "\u0085", "\u2028", "\u000b"])("%j", (separator) => {
    const r = parseCallsFile(`GET /environments/e1/users\n# note${separator}PUT /environments/e1/users/u1\n`);
    expect(r.calls).toHaveLength(2);
  });
});
