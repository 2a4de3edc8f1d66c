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

// Found by an outside attack (F7): JSON.parse keeps the last of a key given twice, another reader the first.
describe("JSON lines giving a key the reader looks at twice are bad lines, naming the key's path", () => {
  const users = "/api/v0/environments/e1/users/u1";
  const tokens = "/api/v0/environments/e1/tokens";
  test.each([
    ["two methods", `{"method":"DELETE","method":"GET","url":"${users}"}`, "$.method"],
    ["two urls", `{"method":"GET","url":"${tokens}/t1","url":"${tokens}"}`, "$.url"],
    [
      "two req objects (pino)",
      `{"req":{"method":"DELETE","url":"${tokens}/t1"},"req":{"method":"GET","url":"${tokens}"}}`,
      "$.req",
    ],
    ["a method spelled with an escape", `{"\\u006dethod":"DELETE","method":"GET","url":"${users}"}`, "$.method"],
    [
      "a nest spelled with an escape",
      `{"r\\u0065q":{"method":"DELETE","url":"${users}"},"req":{"method":"GET"}}`,
      "$.req",
    ],
    [
      "two requestMethods under httpRequest",
      `{"httpRequest":{"requestMethod":"PUT","requestMethod":"GET","requestUrl":"${users}"}}`,
      "$.httpRequest.requestMethod",
    ],
    [
      "two Host headers of one spelling",
      `{"req":{"method":"GET","url":"${users}","headers":{"host":"a.example","host":"app.dynamicauth.com"}}}`,
      "$.req.headers.host",
    ],
    [
      "two statuses under res",
      `{"method":"GET","url":"${users}","res":{"statusCode":403,"statusCode":200}}`,
      "$.res.statusCode",
    ],
    [
      "a nginx request line given twice",
      `{"request":"DELETE ${users} HTTP/1.1","request":"GET ${users} HTTP/1.1"}`,
      "$.request",
    ],
    [
      "a method given twice with spaces before the colons",
      `{"method" : "DELETE", "method" : "GET", "url" : "${users}"}`,
      "$.method",
    ],
  ])("%s", (_name, line, path) => {
    const r = parseLogLine(line);
    expect(r).toMatchObject({
      kind: "bad",
      message: `${path} is given twice: JSON readers disagree on which one counts`,
    });
  });

  test.each([
    ["a message given twice (pino's bindings and log object)", `{"msg":"a","msg":"b","method":"GET","url":"${users}"}`],
    ["a url given twice where nothing is read", `{"method":"GET","url":"${users}","err":{"url":"x","url":"y"}}`],
    ["a query key given twice under req", `{"req":{"method":"GET","url":"${users}","query":{"a":"1","a":"2"}}}`],
    ["an escaped colon in a value", `{"method":"GET","url":"${users}","msg":"a\\u003ab"}`],
    [
      "colons in values and keys",
      `{"method":"GET","url":"https://app.dynamicauth.com${users}",":authority":"app.dynamicauth.com","t":"10:00:01"}`,
    ],
  ])("%s is still read", (_name, line) => {
    expect(parseLogLine(line).kind).toBe("call");
  });
});

describe("JSON calls arrays: an object giving a key a call is read by twice is a problem, never a call", () => {
  test.each([
    ["two methods", '[{"method":"DELETE","method":"GET","url":"/environments/e1/users/u1"}]', "$[0].method", 1],
    [
      "two urls, the object on line 2",
      '[\n"GET /environments/e1/users",\n{"method":"GET","url":"/environments/e1/users","url":"/environments/e1/users/u1"}]',
      "$[1].url",
      3,
    ],
    ["two paths", '[{"method":"GET","path":"/environments/e1/users","path":"/x"}]', "$[0].path", 1],
    [
      "two hrefs of a url",
      '[{"method":"GET","url":{"href":"/environments/e1/users","href":"/x"}}]',
      "$[0].url.href",
      1,
    ],
    [
      "a method spelled with an escape",
      '[{"\\u006dethod":"DELETE","method":"GET","url":"/environments/e1/users/u1"}]',
      "$[0].method",
      1,
    ],
  ])("%s", (_name, text, path, line) => {
    const r = parseCallsFile(text, { file: "c.json" });
    const item = path.slice(0, path.indexOf("]") + 1);
    expect(r.problems).toEqual([
      {
        source: { file: "c.json", path: item, line },
        code: "duplicate-key",
        message: `${path} is given twice: JSON readers disagree on which one counts`,
      },
    ]);
    expect(r.calls.map((c) => c.source.path)).not.toContain(item);
  });

  test("a key given twice that no call is read by is not a problem", () => {
    const r = parseCallsFile('[{"method":"GET","url":"/environments/e1/users","note":"a","note":"b"}]');
    expect(r.problems).toEqual([]);
    expect(r.calls).toHaveLength(1);
  });
});

describe("calls files: a comment holding a hidden line break is read as a call, and refused", () => {
  test.each(["\r", "\u0085", "\u2028", "\u000b"])("%j", (separator) => {
    const r = parseCallsFile(`GET /environments/e1/users\n# note${separator}PUT /environments/e1/users/u1\n`);
    expect(r.calls).toHaveLength(2);
  });
});
