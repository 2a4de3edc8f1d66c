import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "scopewise-sources-"));
const file = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const har = "test/fixtures/browser-session.har";
const localApi = ["--base-url", "http://127.0.0.1:47102/api/v0"];

describe("--from: HAR files", async () => {
  test("a HAR is auto-detected; entries on --base-url become calls, the summary counts used, skipped and unknown", async () => {
    const r = await cli(["plan", ...localApi, har]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "HAR test/fixtures/browser-session.har: 9 entries: 7 used, 2 skipped (other hosts: 127.0.0.1:47101 ×2), 0 bad",
    );
    expect(r.stdout).toContain(`${har}:277  GET /environments/:environmentId/users`);
    expect(r.stdout).toContain(
      "scopes: environment.analytics.read,environment.apiTokens.write,environment.users.read,environment.users.write,environment.webhooks.read",
    );
  });

  test("check --token against a recorded session: the pre-deploy gate", async () => {
    const token = file("token.json", JSON.stringify({ scopes: ["environment.users.read", "environment.users.write"] }));
    const r = await cli(["check", "--json", "--token", token, ...localApi, har]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.add).toEqual(["environment.analytics.read", "environment.apiTokens.write", "environment.webhooks.read"]);
    expect(out.missing[0].source).toEqual({ file: har, path: "$.log.entries[5]", line: 723 });
    expect(out.inputs[0]).toMatchObject({ format: "har", entries: 9, used: 7 });
  });

  test("--from har on something that is not a HAR is an input error (2) naming the file, with nothing on stdout", async () => {
    const r = await cli(["plan", "--from", "har", "examples/calls.json"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain("examples/calls.json");
    expect(r.stderr).toContain("not a HAR file");
  });

  test("broken HAR JSON names the line and column", async () => {
    const r = await cli(["plan", file("broken.har", '{\n  "log": {\n    "entries": [\n      { "request": }\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.har.*line 4: .*not JSON/s);
  });
});

// Found by an outside attack (F7): JSON.parse keeps the last of a key given twice; the check must not pass on it.
describe("a key given twice where a request is read fails the gate, naming the key", async () => {
  const tokens = "https://app.dynamicauth.com/api/v0/environments/e/tokens";
  const req = (method: string, url: string) => `{"method":"${method}","url":"${url}","headers":[]}`;
  test.each([
    [
      "a HAR entry with two requests",
      "dupreq.har",
      `{"log":{"version":"1.2","entries":[\n{"request":${req("DELETE", `${tokens}/t`)},"request":${req("GET", tokens)}}\n]}}`,
      "dupreq.har:2  $.log.entries[0].request is given twice (line 2)",
    ],
    [
      "a JSON log line with two req objects",
      "dup.jsonl",
      `{"req":{"method":"DELETE","url":"${tokens}/t"},"req":{"method":"GET","url":"${tokens}"}}\n`,
      "dup.jsonl:1  $.req is given twice",
    ],
    [
      "a calls array item with two methods",
      "dup.json",
      `[{"method":"DELETE","method":"GET","url":"${tokens}/t"}]`,
      "dup.json:1  $[0].method is given twice",
    ],
  ])("%s", async (_name, name, content, shown) => {
    const r = await cli(["check", "--no-config", "--scopes", "environment.apiTokens.read", file(name, content)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${shown}: JSON readers disagree on which one counts`);
    expect(r.stdout).not.toContain("Token is sufficient");
  });
});

describe("--from: access logs", async () => {
  test("a combined log is auto-detected and streamed; bad lines are listed with file:line and exit 1", async () => {
    const r = await cli(["plan", "test/fixtures/access.log"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "log test/fixtures/access.log (combined): 8 lines: 5 calls (4 distinct), 1 skipped (other hosts: api.github.com ×1), 1 without a request, 1 bad",
    );
    expect(r.stdout).toContain("test/fixtures/access.log:1 (×2)  GET /environments/:environmentId/users");
    expect(r.stdout).toContain(
      "test/fixtures/access.log:6  not a line of a known log format (common/combined, JSON, Envoy, ALB) [bad-log-line]",
    );
  });

  test("JSON lines from stdin with --from log", async () => {
    const r = await cli(["plan", "--json", "--from", "log", "-"], {
      input:
        '{"method":"GET","path":"/environments/e1/webhooks"}\n{"method":"DELETE","url":"/api/v0/environments/e1/tokens/t1"}\n',
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scopes).toEqual(["environment.apiTokens.write", "environment.webhooks.read"]);
    expect(out.calls[1].source).toEqual({ file: "<stdin>", line: 2 });
  });

  test("JSON lines on stdin are auto-detected too", async () => {
    const r = await cli(["plan", "-"], { input: '{"method":"GET","path":"/environments/e1/webhooks"}\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("log <stdin> (json): 1 line: 1 calls (1 distinct)");
  });
});

describe("log formats: detected, or named with --log-format", async () => {
  test("an Envoy log and an ALB log are detected from their first line, whatever their name", async () => {
    const envoy = file("envoy.txt", readFileSync("test/fixtures/logs/envoy.log", "utf8"));
    expect((await cli(["plan", envoy])).stdout).toContain(`log ${envoy} (envoy): 6 lines: 3 calls (3 distinct)`);
    const alb = file("alb.txt", readFileSync("test/fixtures/logs/alb.log", "utf8"));
    expect((await cli(["plan", alb])).stdout).toContain(`log ${alb} (alb): 4 lines: 0 calls`);
  });

  test("--log-format REGEX reads a format scopewise does not know, and makes the file a log", async () => {
    const f = file("app.txt", "DELETE /api/v0/environments/e1/tokens/t1 -> 204\nGET /healthz -> 200\n");
    const r = await cli(["plan", "--json", "--log-format", "^(?<method>[A-Z]+) (?<path>\\S+) -> (?<status>\\d+)$", f]);
    const out = JSON.parse(r.stdout);
    expect(out.inputs[0]).toMatchObject({ format: "log", logFormats: ["pattern"], used: 2, bad: 0 });
    expect(out.scopes).toEqual(["environment.apiTokens.write"]);
    expect(r.code).toBe(1); // /healthz is not Dynamic's: unknown until a config ignores it
  });

  test("--log-format NAME reads only that format; other lines are bad, with the format named", async () => {
    const r = await cli(["plan", "--log-format", "envoy", "test/fixtures/access.log"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("test/fixtures/access.log:1  not an Envoy/Istio default-format line [bad-log-line]");
  });

  test.each([
    ["nginx", "--log-format is not a format name (auto, combined, common, json, envoy, alb)"],
    ["(?<method>\\S+) (?<verb>\\S+)", "no named group (?<url>…) or (?<path>…)"],
    ["(?<method>[", "is neither a format name"],
  ])("--log-format %s is a usage error (2)", async (value, message) => {
    const r = await cli(["plan", "--log-format", value, "test/fixtures/access.log"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain(message);
  });

  test("a calls list saved as .log or .jsonl gets a hint to read it with --from calls", async () => {
    const calls = "GET /environments/e1/users\nUsersApi.getUser\nDELETE /environments/e1/tokens/t1\n";
    for (const name of ["calls.log", "calls.jsonl"]) {
      const r = await cli(["plan", file(name, calls)]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("3 of 3 bad lines look like a calls list");
      expect(r.stdout).toContain("(--from calls)");
    }
    const array = await cli(["plan", file("array.jsonl", '[\n"GET /environments/e1/users"\n]\n')]);
    expect(array.stdout).toContain("look like a calls list");
  });
});

describe("calls files with SDK operation names", async () => {
  test("operation names resolve through the mapping; an undocumented one is unidentified (fail closed)", async () => {
    const f = file(
      "ops.txt",
      "UsersApi.getEnvironmentUsers\nTokensApi.deleteTokenById\nWalletsApi.getWalletsByEnvironmentId\nUsersApi.getUsr\n",
    );
    const r = await cli(["plan", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f}:1 UsersApi.getEnvironmentUsers  GET /environments/:environmentId/users`);
    expect(r.stdout).toContain(
      `${f}:3 WalletsApi.getWalletsByEnvironmentId  GET /environments/{environmentId}/wallets: unknown`,
    );
    expect(r.stdout).toContain("(WalletsApi.getWalletsByEnvironmentId has no documented scope)");
    expect(r.stdout).toContain("did you mean UsersApi.getUser?");
    expect(r.stdout).toContain("scopes: environment.apiTokens.write,environment.users.read");
  });
});

describe("--format", async () => {
  test("--json equals --format json", async () => {
    expect((await cli(["plan", "--json", "examples/deploy-calls.txt"])).stdout).toBe(
      (await cli(["plan", "--format", "json", "examples/deploy-calls.txt"])).stdout,
    );
  });

  test.each([
    [["--format", "yaml"], "--format must be one of text, json, markdown, sarif, github"],
    [["--json", "--format", "markdown"], "--json and --format markdown disagree"],
    [["--from", "pcap"], "--from must be one of auto, calls, har, log"],
    [["--base-url", "127.0.0.1:47102"], '--base-url must be an absolute http(s) URL, not "127.0.0.1:47102"'],
  ])("%j is a usage error (2)", async (flags, message) => {
    const r = await cli(["plan", ...flags, "examples/deploy-calls.txt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test("plan --format markdown is a PR-comment table", async () => {
    const r = await cli(["plan", "--format", "markdown", "examples/deploy-calls.txt"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("### scopewise: 5 scopes for 8 calls");
    expect(r.stdout).toContain("| Scope | Risk | Needed by | Unlocks |");
    expect(r.stdout).toContain("| `environment.users.read` | **critical**: `Returns users' OAuth access tokens");
  });

  test("check --format sarif is one SARIF log; --format github is workflow commands", async () => {
    const args = ["--scopes", "environment.users.read,environment.settings.read", "examples/deploy-calls.txt"];
    const sarif = await cli(["check", "--format", "sarif", ...args]);
    expect(sarif.code).toBe(1);
    expect(JSON.parse(sarif.stdout)).toMatchObject({
      version: "2.1.0",
      runs: [{ tool: { driver: { name: "scopewise", version: "0.1.0" } } }],
    });
    const gh = await cli(["check", "--format", "github", ...args]);
    expect(gh.stdout.split("\n")[0]).toMatch(
      /^::error file=examples\/deploy-calls\.txt,line=7,title=scopewise missing-scope::POST /,
    );
    expect(gh.stdout).toContain(
      "::warning title=scopewise unused-scope::environment.settings.read (read: Reads environment configuration: wallets, gates, providers, allowlists, origins, policies, public keys.) is granted but no call needs it; it unlocks 26 endpoints for nothing",
    );
  });
});

describe("scopewise scan", async () => {
  test("finds SDK and URL calls with file:line:column, lists what it cannot classify, exits 1", async () => {
    const r = await cli(["scan", "test/fixtures/scan"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("scan (project mode): 2 files: 9 calls (3 SDK, 6 URL), 2 unclassified");
    expect(r.stdout).toContain(
      "test/fixtures/scan/src/user-sync.ts:12:17 UsersApi.getEnvironmentUsers  GET /environments/:environmentId/users",
    );
    expect(r.stdout).toContain(
      "test/fixtures/scan/src/user-sync.ts:22:17  https://app.dynamicauth.com/api/v0/environments/{envId}/gates: cannot tell the HTTP method",
    );
    expect(r.stdout).toContain("test/fixtures/scan/src/broken.jsx:2:10  cannot parse");
  });

  test("--format github annotates each call site; --format sarif has regions with columns", async () => {
    const gh = (await cli(["scan", "--format", "github", "test/fixtures/scan/src/user-sync.ts"])).stdout.split("\n");
    expect(gh).toContain(
      "::notice file=test/fixtures/scan/src/user-sync.ts,line=13,col=22,title=scopewise required-scope::WebhooksApi.getWebhooks (GET /environments/{environmentId}/webhooks) needs environment.webhooks.read (read)",
    );
    const sarif = JSON.parse((await cli(["scan", "--format", "sarif", "test/fixtures/scan/src/user-sync.ts"])).stdout);
    const unknown = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "unidentified-call");
    expect(unknown.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "test/fixtures/scan/src/user-sync.ts" },
      region: { startLine: 20, startColumn: 17 },
    });
  });

  test("with --scopes it checks the token against what the code calls", async () => {
    const r = await cli([
      "scan",
      "--json",
      "--scopes",
      "environment.users.read",
      "test/fixtures/scan/src/user-sync.ts",
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).add).toEqual([
      "environment.analytics.read",
      "environment.apiTokens.write",
      "environment.users.write",
      "environment.webhooks.read",
      "environment.webhooks.write",
    ]);
  });

  test("a file with only documented calls passes (exit 0)", async () => {
    const f = file(
      "ok.ts",
      'import { UsersApi } from "@dynamic-labs/sdk-api";\nnew UsersApi().getEnvironmentUsers({ environmentId: "e" });\n',
    );
    const r = await cli(["scan", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scopes: environment.users.read");
  });

  test.each([
    [[], "expected at least one PATH (or --changed-since REF)"],
    [[join(tmp, "missing")], "no such file or directory"],
  ])("scan %j is an error (2)", async (paths, message) => {
    const r = await cli(["scan", ...paths]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain(message);
  });
});

describe("token locations", async () => {
  test("--format github places unused scopes on their line in the token file", async () => {
    const r = await cli([
      "check",
      "--format",
      "github",
      "--token",
      "examples/token-ci.json",
      "examples/deploy-calls.txt",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::warning file=examples/token-ci.json,line=9,col=7,title=scopewise unused-scope::environment.settings.write (critical: Resets users' MFA",
    );
  });
});

describe("--format on the other commands", async () => {
  test("--format json is --json for need", async () => {
    expect((await cli(["need", "--format", "json", "GET", "/environments/e1/users"])).stdout).toBe(
      (await cli(["need", "--json", "GET", "/environments/e1/users"])).stdout,
    );
  });

  test("report formats are refused where there is nothing to report (2)", async () => {
    const r = await cli(["scopes", "--format", "sarif"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain("--format must be one of text, json");
  });
});

describe("scan on a diff's files", async () => {
  test("named files that are not JS/TS are skipped and counted, not parsed into errors", async () => {
    const r = await cli(["scan", "README.md", "examples/worker/sync-users.ts"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "scan (project mode): 1 file (1 not JS/TS, skipped): 4 calls (3 SDK, 1 URL), 0 unclassified",
    );
  });
});
