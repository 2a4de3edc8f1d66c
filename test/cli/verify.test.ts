import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../helpers/cli.js";
import { cliIn, editConfig, project } from "../helpers/gate.js";

const example = join(root, "examples/gate");
const dropScope = (scope: string) => (t: string) => t.replace(`"${scope}", `, "");

describe("scopewise verify on examples/gate", () => {
  test("passes with its ignores: health checks and the browser SDK's calls counted and listed", async () => {
    const r = await cliIn(example, ["verify"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "log logs/access.log (combined): 8 lines: 6 calls (3 distinct), 0 skipped, 2 without a request, 0 bad; " +
        "3 calls rewritten",
    );
    expect(r.stdout).toContain(
      "tokens.backend.scopes: covered by the minimal set for 5 calls  scopewise.config.json:26",
    );
    expect(r.stdout).toContain("Ignored by scopewise.config.json (7 calls):");
    expect(r.stdout).toContain(
      '  ignore[0] "GET /healthz" (Kubernetes liveness probe, answered by the proxy itself): 3 calls',
    );
    expect(r.stdout).toContain("    logs/access.log:1 (×3)  GET /healthz");
    expect(r.stdout.trimEnd()).toMatch(/verify passed \(0 errors, 0 warnings\)$/);
  });

  test("the config is found from a folder below it; paths are shown from the working directory", async () => {
    const r = await cliIn(join(example, "src/jobs"), ["verify"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("config ../../scopewise.config.json: 2 tokens");
  });

  test("fails when a scope is missing, naming the file:line and where to add it", async () => {
    const dir = project();
    editConfig(dir, dropScope("environment.users.write"));
    const r = await cliIn(dir, ["verify", "--format", "github"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::error file=src/jobs/sync.ts,line=13,col=17,title=scopewise missing-scope::this change needs " +
        "environment.users.write for src/jobs/sync.ts:13:17 (UsersApi.updateUser); add it to tokens.backend.scopes " +
        "in scopewise.config.json (a reviewed change)",
    );
    const text = await cliIn(dir, ["verify"]);
    expect(text.stdout).toContain("  needs environment.users.write for 2 calls: add it to tokens.backend.scopes");
    expect(text.stdout).toContain("    logs/access.log:3  PUT /api/v0/environments/");
    expect(text.stdout.trimEnd()).toMatch(/verify failed: 2 errors, 0 warnings$/);
  });

  test("an unused scope is a warning; --strict, --max-warnings 0 make it fail; --quiet hides it", async () => {
    const dir = project();
    editConfig(dir, (t) =>
      t.replace('"environment.webhooks.read"]', '"environment.webhooks.read", "environment.webhooks.write"]'),
    );
    const warn = await cliIn(dir, ["verify"]);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain(
      "  unused: remove environment.webhooks.write (unlocks 4 endpoints)  scopewise.config.json:26",
    );
    expect(warn.stdout.trimEnd()).toMatch(/verify passed \(0 errors, 1 warning\)$/);
    expect((await cliIn(dir, ["verify", "--strict"])).stdout.trimEnd()).toMatch(/verify failed: 1 error, 0 warnings$/);
    const capped = await cliIn(dir, ["verify", "--max-warnings", "0"]);
    expect(capped.code).toBe(1);
    expect(capped.stdout.trimEnd()).toMatch(/1 warning; more warnings than --max-warnings 0 allows$/);
    const quiet = await cliIn(dir, ["verify", "--quiet", "--max-warnings", "0"]);
    expect([quiet.code, quiet.stdout.includes("unused:"), quiet.stdout.includes("Ignored by")]).toEqual([
      1,
      false,
      false,
    ]);
    const json = JSON.parse((await cliIn(dir, ["verify", "--json", "--quiet"])).stdout);
    expect([json.ok, json.errors, json.warnings, json.findings]).toEqual([true, 0, 1, []]);
  });

  test("a scope name the catalog lacks is an error with a did-you-mean", async () => {
    const dir = project();
    editConfig(dir, (t) => t.replace('"environment.webhooks.read"]', '"environment.webhooks.red"]'));
    const r = await cliIn(dir, ["verify"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  unknown scope environment.webhooks.red (did you mean environment.webhooks.read?)");
  });

  test("TOKEN names limit the run; an unknown one is a usage error with a did-you-mean", async () => {
    expect((await cliIn(example, ["verify", "e2e"])).stdout).not.toContain("tokens.backend");
    const r = await cliIn(example, ["verify", "backnd"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('has no token "backnd"; did you mean backend?')]);
  });
});

describe("verify --update", () => {
  test("writes the minimal sets, keeping comments and layout, then passes", async () => {
    const dir = project();
    editConfig(dir, (t) =>
      t.replace(
        '"environment.users.write", "environment.webhooks.read"]',
        '"environment.webhooks.read", "environment.apiTokens.write"]',
      ),
    );
    const before = readFileSync(join(dir, "scopewise.config.json"), "utf8");
    const r = await cliIn(dir, ["verify", "--update"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "updated tokens.backend.scopes in scopewise.config.json: +environment.users.write -environment.apiTokens.write",
    );
    const after = readFileSync(join(dir, "scopewise.config.json"), "utf8");
    expect(after).toBe(
      before.replace(
        '"environment.webhooks.read", "environment.apiTokens.write"]',
        '"environment.webhooks.read", "environment.users.write"]',
      ),
    );
    expect((await cliIn(dir, ["verify"])).code).toBe(0);
  });

  test("writes nothing when calls are not identified: the minimal set would not cover them", async () => {
    const dir = project({
      "logs/access.log": '1.2.3.4 - - [28/Nov/2026:10:00:01 +0000] "GET /dynamic/nope HTTP/1.1" 404 0\n',
    });
    const before = readFileSync(join(dir, "scopewise.config.json"), "utf8");
    const r = await cliIn(dir, ["verify", "--update"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("not updated: 1 calls are not identified; fix them first");
    expect(readFileSync(join(dir, "scopewise.config.json"), "utf8")).toBe(before);
  });
});

describe("ignores fail closed", () => {
  test("an expired entry is an error, and the calls it ignored are back as errors", async () => {
    const r = await cliIn(example, ["verify", "--format", "github"], "2027-06-30");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error file=scopewise.config.json,line=15,title=scopewise expired-ignore::ignore[1] "SDKApi.*" expired on 2027-06-30',
    );
    expect(r.stdout).toMatch(/::error file=recordings\/checkout.har,line=45,.*\/sdk\/.*: unknown/);
  });

  test("ignores that hide every call of a token leave nothing to vouch for: an error", async () => {
    const dir = project({ "recordings/checkout.har": JSON.stringify({ log: { entries: [] } }) });
    const r = await cliIn(dir, ["verify"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("tokens.e2e.scopes: NOT covered for 0 calls");
    expect(r.stdout).toContain("its inputs hold no calls: nothing to vouch for");
  });

  test("an ignore that matches nothing is a warning; one hiding a Dynamic endpoint is a warning naming its scope", async () => {
    const dir = project();
    editConfig(dir, (t) =>
      t.replace(
        '"ignore": [',
        '"ignore": [{ "match": "GET /environments/*/webhooks", "reason": "x" }, { "match": "GET /gone", "reason": "y" },',
      ),
    );
    const r = await cliIn(dir, ["verify", "--format", "github"]);
    // The call as the matcher reads it: the proxy's /dynamic mount already rewritten onto /api/v0.
    expect(r.stdout).toContain("title=scopewise ignored-endpoint::GET /api/v0/environments/");
    expect(r.stdout).toContain("which needs environment.webhooks.read: no scope is vouched for it");
    expect(r.stdout).toContain('title=scopewise unused-ignore::ignore[1] "GET /gone" matches no call; remove it');
  });
});

describe("hostile configs are refused with exit 2, naming the entry", () => {
  test.each([
    [
      "a glob out of the project",
      '"inputs": ["../*.har"]',
      'line 1: $.inputs[0]: "../*.har" leaves the config\'s directory',
    ],
    ["an absolute path", '"inputs": ["/etc/passwd"]', '$.inputs[0]: "/etc/passwd" leaves the config\'s directory'],
    ["a hidden file", '"inputs": [".env"]', '$.inputs[0]: ".env" names a hidden file or folder; those are never read'],
    ["a glob that matches nothing", '"inputs": ["recordings/*.log"]', '"recordings/*.log" matches no file'],
    ["a missing file", '"inputs": ["nope.har"]', '"nope.har": no such file or directory'],
    [
      "a log format that is neither a name nor a pattern",
      '"logFormat": "(unclosed"',
      "$.logFormat: logFormat is neither a format name",
    ],
    [
      "a rewrite inside the API, which would change what a call needs",
      '"rewrites": [{ "from": "/api/v0/environments/e1/apiTokens", "to": "/api/v0/environments/e1/users" }]',
      "$.rewrites[0].to: rewrites map onto the API's base path (/api/v0)",
    ],
    ["a catalog of its own, which would change every answer", '"catalog": "mine.json"', 'unknown key "catalog"'],
    ["a file over 1 MiB", `"inputs": [${'"a",'.repeat(300_000)} "a"]`, "bytes; the limit is 1048576"],
  ])("%s", async (_name, key, message) => {
    const dir = project({ "scopewise.config.json": `{ ${key}, "tokens": { "t": { "scopes": [] } } }` }, null);
    const r = await cliIn(dir, ["verify"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("scopewise: invalid config in scopewise.config.json");
    expect(r.stderr).toContain(message);
  });

  test("a link out of the project is refused by name; globs follow no link, so a loop cannot hang them", async () => {
    const { symlinkSync } = await import("node:fs");
    const dir = project();
    symlinkSync("/etc/hostname", join(dir, "logs/host.log"));
    symlinkSync("..", join(dir, "recordings/loop"));
    editConfig(dir, (t) =>
      t
        .replace('"inputs": ["logs/access.log", "src/"]', '"inputs": ["logs/*.log", "src/"]')
        .replace('"recordings/*.har"', '"recordings/**/*.har"'),
    );
    const globbed = await cliIn(dir, ["verify"]);
    expect(globbed.code).toBe(0);
    expect(globbed.stdout).not.toContain("host.log");
    editConfig(dir, (t) => t.replace('"logs/*.log"', '"logs/host.log"'));
    const r = await cliIn(dir, ["verify"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.inputs[0]: "logs/host.log" leads outside the config\'s directory (a link?)');
  });

  test("a config above the repository root is never read", async () => {
    const outer = project(
      { "scopewise.config.json": '{ "tokens": { "t": { "scopes": [] } } }', "repo/.git/HEAD": "x\n" },
      null,
    );
    const r = await cliIn(join(outer, "repo"), ["verify"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("no scopewise.config.json in")]);
  });

  test("no config: a usage error that says where it looked", async () => {
    const dir = project({ ".git/HEAD": "ref: refs/heads/main\n" }, null);
    const r = await cliIn(dir, ["verify"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no scopewise.config.json in ${dir} or above (up to the repository root)`);
  });
});

describe("every format carries the verdict and the ignored calls", () => {
  test("json, markdown, sarif (valid, ignored calls suppressed with their reason), github", async () => {
    const { Ajv } = await import("ajv");
    const addFormats = (await import("ajv-formats")).default;
    const schema = JSON.parse(readFileSync(join(root, "test/fixtures/sarif-schema-2.1.0.json"), "utf8"));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const dir = project();
    editConfig(dir, dropScope("environment.users.write"));
    const json = JSON.parse((await cliIn(dir, ["verify", "--json"])).stdout);
    expect([json.ok, json.errors, json.warnings]).toEqual([false, 2, 0]);
    expect(json.tokens[0]).toMatchObject({
      name: "backend",
      minimal: expect.arrayContaining(["environment.users.write"]),
    });
    expect(json.ignored.rules[1]).toMatchObject({ match: "SDKApi.*", count: 3, status: "applied" });
    const sarif = JSON.parse((await cliIn(dir, ["verify", "--format", "sarif"])).stdout);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = sarif.runs[0].results as { ruleId: string; suppressions?: { justification: string }[] }[];
    expect(results.filter((r) => r.ruleId === "missing-scope")).toHaveLength(2);
    expect(results.filter((r) => r.ruleId === "ignored-call").map((r) => r.suppressions?.[0]?.justification)).toContain(
      "Kubernetes liveness probe, answered by the proxy itself",
    );
    const md = (await cliIn(dir, ["verify", "--format", "markdown"])).stdout;
    expect(md).toContain("### scopewise verify: ❌ failed: 2 errors, 0 warnings");
    expect(md).toContain("**Ignored by `scopewise.config.json` (7 calls)**");
  });
});

test("docs/gate.md shows what verify prints on examples/gate", async () => {
  const doc = readFileSync(join(root, "docs/gate.md"), "utf8");
  const r = await cliIn(example, ["verify"]);
  expect(doc).toContain(`$ scopewise verify\n${r.stdout}\`\`\``);
  const dir = project();
  editConfig(dir, (t) =>
    t.replace(
      '"environment.users.write", "environment.webhooks.read"]',
      '"environment.webhooks.read", "environment.webhooks.write"]',
    ),
  );
  const failed = (await cliIn(dir, ["verify", "--quiet"])).stdout.split("\n");
  expect(doc).toContain(failed.slice(4, 11).join("\n"));
  expect(doc).toContain(`…\n${failed.at(-2)}\n$ echo $?\n1`);
});
