import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readSource } from "../../src/node/index.js";
import { dynamicCatalog, minimalScopes, parseLogFormat, type LogFormat } from "../../src/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url));
const read = (name: string, options: Parameters<typeof readSource>[1] = {}) =>
  readSource(fixture(name), { name, ...options });
const pattern = (source: string): LogFormat => {
  const r = parseLogFormat(source);
  if (!r.ok) throw new Error(r.message);
  return r.format;
};

describe("the logs people have, written by the tools themselves (test/fixtures/logs)", () => {
  test.each(["nginx-combined.log", "apache-common.log", "apache-combined.log"])(
    "%s: Dynamic calls, /healthz and odd spellings are calls; cut-off and non-HTTP lines are counted",
    async (name) => {
      const r = await read(name);
      expect(r.summary).toMatchObject({ logFormats: ["combined"], skipped: 0, bad: 0 });
      expect(r.summary).toMatchObject(
        name.startsWith("nginx") ? { lines: 11, used: 9, noRequest: 2 } : { lines: 10, used: 8, noRequest: 2 },
      );
      const plan = minimalScopes(r.calls);
      expect(plan.scopes).toEqual(["environment.users.read", "environment.users.write", "environment.webhooks.read"]);
      // /healthz, /API/V0/… and //api/v0/… are reported, never skipped: the gate fails until they are ignored.
      expect(plan.unidentified).toHaveLength(3);
      expect(plan.complete).toBe(false);
    },
  );

  test("Apache vhost_combined: the virtual host places each path; a proxy's vhost is Dynamic's when it is a base URL", async () => {
    const skipped = await read("apache-vhost.log");
    expect(skipped.summary).toMatchObject({
      logFormats: ["combined"],
      used: 1, // the absolute-form request to app.dynamicauth.com, whatever the vhost
      otherHosts: [{ host: "dynamic-proxy.example.com:80", count: 7 }],
      noRequest: 2,
    });
    const proxy = "https://dynamic-proxy.example.com/api/v0";
    const r = await read("apache-vhost.log", { baseUrls: [...dynamicCatalog.baseUrls, proxy] });
    expect(r.summary).toMatchObject({ used: 8, skipped: 0, noRequest: 2, bad: 0 });
    expect(minimalScopes(r.calls).scopes).toEqual([
      "environment.users.read",
      "environment.users.write",
      "environment.webhooks.read",
    ]);
  });

  test("nginx escape=json: the request line, the Host header, numeric status", async () => {
    const r = await read("nginx-json.log");
    expect(r.summary).toMatchObject({
      logFormats: ["json"],
      lines: 11,
      used: 8,
      otherHosts: [{ host: "127.0.0.1", count: 1 }],
      noRequest: 2,
      bad: 0,
    });
    const plan = minimalScopes(r.calls);
    expect(plan.scopes).toEqual(["environment.users.read", "environment.users.write", "environment.webhooks.read"]);
    expect(plan.unidentified).toHaveLength(2);
  });

  test("Envoy's default format: the authority decides, quotes in the user agent do not", async () => {
    const r = await read("envoy.log");
    expect(r.summary).toMatchObject({
      logFormats: ["envoy"],
      used: 3,
      otherHosts: [
        { host: "10.1.4.21:8080", count: 1 },
        { host: "hooks.slack.com", count: 1 },
      ],
      noRequest: 1,
      bad: 0,
    });
    expect(minimalScopes(r.calls).scopes).toEqual([
      "environment.apiTokens.write",
      "environment.users.read",
      "environment.users.write",
    ]);
  });

  test("Istio's default text format", async () => {
    const r = await read("istio.log");
    expect(r.summary).toMatchObject({ logFormats: ["envoy"], used: 2, skipped: 2, bad: 0 });
    expect(minimalScopes(r.calls).scopes).toEqual(["environment.users.read", "environment.users.write"]);
  });

  test("AWS ALB: a proxy mounting the API at /dynamic, with its base URL and a rewrite", async () => {
    const options = {
      baseUrls: [...dynamicCatalog.baseUrls, "https://dynamic-proxy.example.com/dynamic"],
      rewrites: [{ from: "/dynamic", to: "/api/v0" }],
    };
    const r = await read("alb.log", options);
    expect(r.summary).toMatchObject({
      logFormats: ["alb"],
      used: 2,
      rewritten: 2,
      otherHosts: [{ host: "10.0.0.5", count: 1 }],
      noRequest: 1,
      bad: 0,
    });
    const plan = minimalScopes(r.calls);
    expect(plan).toMatchObject({ complete: true, scopes: ["environment.users.read", "environment.users.write"] });
    // Without the rewrite the proxy's calls are Dynamic's all the same, and refused: never skipped.
    const bare = await read("alb.log", { baseUrls: options.baseUrls });
    expect(bare.summary).toMatchObject({ used: 2, rewritten: 0 });
    expect(minimalScopes(bare.calls).complete).toBe(false);
  });

  test("HAProxy's httplog format, read with a custom pattern (also makes a .log a log without --from)", async () => {
    const logFormat = pattern(
      '(?<status>\\d{3}) \\d+ .* \\{(?<host>[^}|]*)\\} \\{[^}]*\\} "(?<method>\\S+) (?<url>\\S+)',
    );
    const r = await read("haproxy.log", { logFormat });
    expect(r.summary).toMatchObject({
      logFormats: ["pattern"],
      used: 2,
      otherHosts: [{ host: "status.example.com", count: 1 }],
      bad: 0,
    });
    expect(minimalScopes(r.calls).scopes).toEqual(["environment.apiTokens.write", "environment.users.read"]);
  });

  test("auto reads a file of mixed formats line by line", async () => {
    const r = await readSource("-", {
      from: "log",
      stdin: (async function* () {
        yield* [
          '10.0.0.1 - - [27/Nov/2026:10:00:01 +0000] "GET /api/v0/environments/e1/users HTTP/1.1" 200 1\n',
          '[2026-11-27T10:00:01.310Z] "GET /api/v0/environments/e1/webhooks HTTP/1.1" 200 - 0 5 1 1 "-" "ua" "r" "-" "-"\n',
          '{"method":"GET","url":"/api/v0/environments/e1/users/u1"}\n',
        ];
      })(),
    });
    expect(r.summary).toMatchObject({ logFormats: ["combined", "envoy", "json"], used: 3, bad: 0 });
  });
});
