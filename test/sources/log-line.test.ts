import { describe, expect, test } from "vitest";
import { dynamicCatalog, onBaseUrls, parseLogLine } from "../../src/index.js";

const onBase = onBaseUrls(dynamicCatalog.baseUrls);

describe("parseLogLine", () => {
  test.each([
    [
      '10.0.0.1 - - [27/Nov/2026:10:00:01 +0000] "GET /api/v0/environments/e1/users?limit=5 HTTP/1.1" 200 512',
      "GET",
      "/api/v0/environments/e1/users?limit=5",
    ],
    [
      '10.0.0.1 - frank [27/Nov/2026:10:00:01 +0000] "POST /environments/e1/users HTTP/2.0" 201 12 "-" "curl/8"',
      "POST",
      "/environments/e1/users",
    ],
    [
      '1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "DELETE https://app.dynamic.xyz/api/v0/environments/e1/tokens/t1 HTTP/1.1" - -',
      "DELETE",
      "https://app.dynamic.xyz/api/v0/environments/e1/tokens/t1",
    ],
    ['{"method":"GET","url":"/environments/e1/webhooks"}', "GET", "/environments/e1/webhooks"],
    [
      '{"request_method":"PUT","request_uri":"/api/v0/environments/e1/webhooks/w1"}',
      "PUT",
      "/api/v0/environments/e1/webhooks/w1",
    ],
    ['{"req":{"method":"GET","url":"/environments/e1/events"}}', "GET", "/environments/e1/events"],
    [
      '{"httpRequest":{"requestMethod":"GET","requestUrl":"https://app.dynamicauth.com/api/v0/eventTypes"}}',
      "GET",
      "https://app.dynamicauth.com/api/v0/eventTypes",
    ],
  ])("%s is a call", async (line, method, url) => {
    expect(parseLogLine(line, onBase)).toEqual({ kind: "call", method, url });
  });

  test("a path logged with its host is that host's request", () => {
    expect(
      parseLogLine(
        '{"method":"GET","host":"app.dynamicauth.com","request_uri":"/api/v0/environments/e1/users"}',
        onBase,
      ),
    ).toEqual({
      kind: "call",
      method: "GET",
      url: "https://app.dynamicauth.com/api/v0/environments/e1/users",
    });
    expect(
      parseLogLine('{"method":"GET","host":"shop.example.com","request_uri":"/api/v0/environments/e1/users"}', onBase),
    ).toEqual({
      kind: "other-host",
      url: "https://shop.example.com/api/v0/environments/e1/users",
    });
  });

  test("absolute URLs on other hosts are skipped, blank lines are blank", () => {
    expect(
      parseLogLine('1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "GET https://api.github.com/x HTTP/1.1" 200 1', onBase),
    ).toEqual({ kind: "other-host", url: "https://api.github.com/x" });
    expect(parseLogLine("   ", onBase)).toEqual({ kind: "blank" });
  });

  test.each([
    ["garbage", "not a common/combined log format line or a JSON object"],
    ['1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "GET" 400 0', 'request line "GET" is not "METHOD target HTTP/x"'],
    ['{"method":"GET"}', "JSON line without a url or path field"],
    ['{"url":"/x"}', "JSON line without a method field"],
  ])("%s is a bad line: %s", async (line, message) => {
    expect(parseLogLine(line, onBase)).toEqual({ kind: "bad", message });
  });

  test('"-" for the request line: nginx got no request (a probe, a timeout), so there is no call', () => {
    expect(parseLogLine('1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "-" 400 0 "-" "-"', onBase)).toEqual({
      kind: "no-request",
    });
  });

  test("broken JSON is a bad line with the parser's reason", () => {
    expect(parseLogLine('{"method":', onBase)).toMatchObject({
      kind: "bad",
      message: expect.stringMatching(/^not JSON: /),
    });
  });
});
