import { describe, expect, test } from "vitest";
import { dynamicCatalog, InputError, parseLogFormat, parseLogLine, type LogLine } from "../../src/index.js";

const options = { baseUrls: dynamicCatalog.baseUrls };
const call = (method: string, url: string, format: string, status?: number): LogLine =>
  ({
    kind: "call",
    method,
    url,
    ...(status === undefined ? {} : { status }),
    otherScheme: false,
    rewritten: false,
    format,
  }) as LogLine;

describe("parseLogLine: every format, detected line by line", () => {
  test.each([
    [
      "nginx combined",
      '10.0.0.1 - - [27/Nov/2026:10:00:01 +0000] "GET /api/v0/environments/e1/users?limit=5 HTTP/1.1" 200 512 "-" "curl/8"',
      call("GET", "/api/v0/environments/e1/users?limit=5", "combined", 200),
    ],
    [
      "Apache common, a user, HTTP/2.0",
      '10.0.0.1 - frank [27/Nov/2026:10:00:01 +0000] "POST /environments/e1/users HTTP/2.0" 201 12',
      call("POST", "/environments/e1/users", "combined", 201),
    ],
    [
      "a proxy's absolute-form target on a Dynamic host, no status",
      '1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "DELETE https://app.dynamic.xyz/api/v0/environments/e1/tokens/t1 HTTP/1.1" - -',
      call("DELETE", "https://app.dynamic.xyz/api/v0/environments/e1/tokens/t1", "combined"),
    ],
    [
      "a // target is a bare path, not a protocol-relative URL",
      '1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "DELETE //evil.example/api/v0/environments/e1/tokens/t1 HTTP/1.1" 204 0',
      call("DELETE", "//evil.example/api/v0/environments/e1/tokens/t1", "combined", 204),
    ],
    [
      "nginx escapes a quote and a non-ASCII byte as \\xHH: unescaped, UTF-8 decoded",
      '1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "GET /environments/e1/users/\\x22\\xC3\\xA9 HTTP/1.1" 404 0',
      call("GET", '/environments/e1/users/"é', "combined", 404),
    ],
    [
      "nginx escape=json: the request field is the request line",
      '{"time_local":"27/Nov/2026:10:00:01 +0000","remote_addr":"10.0.0.1","request":"PUT /api/v0/environments/e1/webhooks/w1 HTTP/1.1","status": "200","http_host":"app.dynamicauth.com"}',
      call("PUT", "https://app.dynamicauth.com/api/v0/environments/e1/webhooks/w1", "json", 200),
    ],
    [
      "nginx escape=json: the raw request line wins over the decoded $uri",
      '{"request":"GET /api/v0/environments/e1//users HTTP/1.1","request_method":"GET","uri":"/api/v0/environments/e1/users"}',
      call("GET", "/api/v0/environments/e1//users", "json"),
    ],
    [
      "JSON method + url",
      '{"method":"GET","url":"/environments/e1/webhooks"}',
      call("GET", "/environments/e1/webhooks", "json"),
    ],
    [
      "JSON nested req, numeric status under res",
      '{"req":{"method":"GET","url":"/environments/e1/events"},"res":{"statusCode":403}}',
      call("GET", "/environments/e1/events", "json", 403),
    ],
    [
      "GCP httpRequest",
      '{"httpRequest":{"requestMethod":"GET","requestUrl":"https://app.dynamicauth.com/api/v0/eventTypes","status":200}}',
      call("GET", "https://app.dynamicauth.com/api/v0/eventTypes", "json", 200),
    ],
    [
      "Istio's JSON access log: path, authority, response_code",
      '{"method":"GET","path":"/api/v0/environments/e1/users","authority":"APP.DYNAMICAUTH.COM.","response_code":200}',
      call("GET", "https://APP.DYNAMICAUTH.COM./api/v0/environments/e1/users", "json", 200),
    ],
    [
      "Traefik's JSON access log",
      '{"ClientHost":"10.0.0.1","DownstreamStatus":204,"RequestHost":"app.dynamicauth.com","RequestMethod":"DELETE","RequestPath":"/api/v0/environments/e1/tokens/t1","RequestProtocol":"HTTP/1.1","hostname":"traefik-7d9"}',
      call("DELETE", "https://app.dynamicauth.com/api/v0/environments/e1/tokens/t1", "json", 204),
    ],
    [
      "Azure Application Gateway (under properties)",
      '{"category":"ApplicationGatewayAccessLog","properties":{"httpMethod":"GET","requestUri":"/api/v0/environments/e1/users","host":"app.dynamicauth.com","httpStatus":200}}',
      call("GET", "https://app.dynamicauth.com/api/v0/environments/e1/users", "json", 200),
    ],
    [
      "Caddy's JSON access log (request nested, headers as arrays)",
      '{"level":"info","logger":"http.log.access","msg":"handled request","request":{"method":"GET","host":"app.dynamicauth.com","uri":"/api/v0/environments/e1/users","headers":{"User-Agent":["curl/8"]}},"status":200}',
      call("GET", "https://app.dynamicauth.com/api/v0/environments/e1/users", "json", 200),
    ],
    [
      "Envoy default format",
      '[2026-11-27T10:00:01.310Z] "GET /api/v0/environments/e1/users HTTP/1.1" 200 - 0 512 12 10 "10.0.0.1" "curl/8.5.0" "6f9d1c2e-0d5b-4a63-9b0e-1e2f3a4b5c6d" "app.dynamicauth.com" "10.0.0.9:443"',
      call("GET", "https://app.dynamicauth.com/api/v0/environments/e1/users", "envoy", 200),
    ],
    [
      "Istio default text format (six fields after the upstream host)",
      '[2026-11-27T10:00:01.310Z] "POST /api/v0/environments/e1/users HTTP/2" 201 - via_upstream - "-" 88 310 15 14 "-" "node" "0b9e" "app.dynamicauth.com:443" "104.18.1.1:443" outbound|443||app.dynamicauth.com 10.1.0.5:40000 104.18.1.1:443 10.1.0.5:39998 app.dynamicauth.com -',
      call("POST", "https://app.dynamicauth.com:443/api/v0/environments/e1/users", "envoy", 201),
    ],
    [
      "AWS ALB entry: the request's URL has its port",
      'https 2026-11-27T10:00:01.186641Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://app.dynamicauth.com:443/api/v0/environments/e1/users HTTP/1.1" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2026-11-27T10:00:00.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1',
      call("GET", "https://app.dynamicauth.com:443/api/v0/environments/e1/users", "alb", 200),
    ],
    [
      "Classic ELB entry (no type field)",
      '2026-11-27T10:00:01.945958Z my-lb 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET https://app.dynamicauth.com:443/api/v0/environments/e1/users HTTP/1.1" "curl/7.38.0" - -',
      call("GET", "https://app.dynamicauth.com:443/api/v0/environments/e1/users", "alb", 200),
    ],
  ])("%s", (_name, line, expected) => {
    expect(parseLogLine(line, options)).toEqual(expected);
  });

  test("pino-http: the Host header under req.headers; the logging machine's hostname is not the request's host", () => {
    const line = JSON.stringify({
      level: 30,
      pid: 7,
      hostname: "worker-7f9c",
      req: {
        id: 1,
        method: "DELETE",
        url: "/api/v0/environments/e1/tokens/t1",
        headers: { host: "app.dynamicauth.com" },
      },
      res: { statusCode: 204 },
    });
    expect(parseLogLine(line)).toEqual(
      call("DELETE", "https://app.dynamicauth.com/api/v0/environments/e1/tokens/t1", "json", 204),
    );
    const elsewhere = line.replace('"host":"app.dynamicauth.com"', '"host":"shop.example.com"');
    expect(parseLogLine(elsewhere)).toMatchObject({ kind: "other-host", host: "shop.example.com" });
  });

  test("http: to an https: base is Dynamic's, and says so", () => {
    expect(parseLogLine('{"method":"GET","url":"http://app.dynamicauth.com/api/v0/eventTypes"}')).toMatchObject({
      kind: "call",
      otherScheme: true,
    });
  });

  test("requests to other origins are skipped and named; blank lines are blank", () => {
    expect(
      parseLogLine('1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "GET https://api.github.com/x HTTP/1.1" 200 1'),
    ).toEqual({ kind: "other-host", host: "api.github.com", format: "combined" });
    expect(
      parseLogLine('{"method":"GET","host":"Shop.Example.com:8443","request_uri":"/api/v0/environments/e1/users"}'),
    ).toEqual({ kind: "other-host", host: "shop.example.com:8443", format: "json" });
    expect(parseLogLine("   ")).toEqual({ kind: "blank" });
  });

  test.each([
    ['1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "-" 400 0 "-" "-"', "combined"],
    ['{"request":"-","status":"400"}', "json"],
    ['[2026-11-27T10:00:01.310Z] "- - -" 0 NR 0 0 0 - "-" "-" "-" "-" "-"', "envoy"],
  ])("%s records a connection that sent no request: counted, not bad", (line, format) => {
    expect(parseLogLine(line)).toEqual({ kind: "no-request", format });
  });

  test.each([
    ["garbage", "not a line of a known log format (common/combined, JSON, Envoy, ALB)"],
    ['{"method":"GET"}', "JSON line without a url or path field"],
    ['{"url":"/x"}', "JSON line without a method field"],
    ["[1,2]", "not a line of a known log format (common/combined, JSON, Envoy, ALB)"],
    ['{"request":"GET"}', 'request line "GET" is not "METHOD target HTTP/x"'],
  ])("%s is a bad line: %s", (line, message) => {
    expect(parseLogLine(line)).toMatchObject({ kind: "bad", message });
  });

  test("broken JSON is a bad line with the parser's reason", () => {
    expect(parseLogLine('{"method":')).toMatchObject({ kind: "bad", message: expect.stringMatching(/^not JSON: /) });
  });

  test("a CONNECT tunnel to a Dynamic host is a problem (its calls are not in the log); elsewhere it is skipped", () => {
    const tunnel = (host: string) => `1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "CONNECT ${host} HTTP/1.1" 200 0`;
    expect(parseLogLine(tunnel("app.dynamicauth.com:443"))).toMatchObject({
      kind: "bad",
      message: expect.stringContaining("CONNECT tunnel"),
    });
    expect(parseLogLine(tunnel("api.github.com:443"))).toMatchObject({
      kind: "other-host",
      host: "api.github.com:443",
    });
  });
});

describe("a named or custom log format", () => {
  test("a named format reads only its own lines", () => {
    const envoy = { logFormat: "envoy" as const };
    expect(parseLogLine('{"method":"GET","url":"/x"}', envoy)).toEqual({
      kind: "bad",
      message: "not an Envoy/Istio default-format line",
      format: "envoy",
    });
  });

  test("a pattern with named groups: method, path, host, status", () => {
    const r = parseLogFormat("^(?<host>\\S+) (?<method>[A-Z]+) (?<path>\\S+) (?<status>\\d{3})$");
    if (!r.ok) throw new Error(r.message);
    const opts = { logFormat: r.format };
    expect(parseLogLine("app.dynamicauth.com DELETE /api/v0/environments/e1/tokens/t1 204", opts)).toEqual(
      call("DELETE", "https://app.dynamicauth.com/api/v0/environments/e1/tokens/t1", "pattern", 204),
    );
    expect(parseLogLine("status.example.com GET /healthz 200", opts)).toMatchObject({ kind: "other-host" });
    expect(parseLogLine("not matching", opts)).toMatchObject({ kind: "bad", format: "pattern" });
  });

  test.each([
    ["nginx", /is not a format name .* as a pattern has no named group \(\?<method>/],
    ["(?<method>\\S+) (?<verb>\\S+)", /no named group \(\?<url>…\) or \(\?<path>…\)/],
    ["(?<method>[", /neither a format name .* nor a regular expression/],
    // Found by an outside attack: one 41-character line held a run for minutes.
    ["^(?<method>(a+)+)$(?<url>x)", /may backtrack catastrophically/],
    ["(?<method>(\\w*)*) (?<url>\\S+)", /may backtrack catastrophically/],
  ])("%s is refused: %s", (value, message) => {
    const r = parseLogFormat(value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  test("bad options are an InputError naming the option", () => {
    expect(() => parseLogLine("x", { logFormat: /(?<verb>\S+)/ })).toThrow(InputError);
    expect(() => parseLogLine("x", { baseUrls: ["ftp://x"] })).toThrow(/\$\.baseUrls\[0\]/);
    expect(() => parseLogLine("x", { rewrites: [{ from: "dynamic", to: "/api/v0" }] })).toThrow(
      /\$\.rewrites\[0\]\.from/,
    );
  });
});
