import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "scopewise-catalog-"));
const committed = JSON.parse(readFileSync("data/dynamic.catalog.json", "utf8"));
const page = readFileSync("test/fixtures/page/permissions.txt", "utf8");

/** Dynamic's catalog with GET …/users moved to a new environment.users.list scope. */
const moved = (() => {
  const c = structuredClone(committed);
  const users = c.scopes.find((s: { name: string }) => s.name === "environment.users.read");
  const i = users.endpoints.findIndex((e: { path: string }) => e.path === "/environments/:environmentId/users");
  const [endpoint] = users.endpoints.splice(i, 1);
  c.scopes.push({
    name: "environment.users.list",
    risk: { level: "read", rationale: "Lists users." },
    endpoints: [endpoint],
  });
  c.version = "2.0.0";
  const file = join(dir, "moved.json");
  writeFileSync(file, JSON.stringify(c));
  return file;
})();
const tokens = join(dir, "tokens.json");
writeFileSync(
  tokens,
  JSON.stringify({
    tokens: [
      { id: "t1", note: "deploy", scopes: ["environment.users.read", "environment.webhooks.read"] },
      { id: "t2", note: "ci", scopes: ["environment.users.list", "environment.webhooks.read"] },
    ],
  }),
);

describe("scopewise catalog: a command group", () => {
  test("alone it lists its subcommands (exit 2); with --help too (exit 0)", async () => {
    const bare = await cli(["catalog"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("scopewise catalog import PAGE");
    const help = await cli(["catalog", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("scopewise catalog sdk-drift");
  });

  test("each subcommand has its own help and option table", async () => {
    const help = await cli(["help", "catalog", "import"]);
    expect(help.stdout).toMatch(/^Usage: scopewise catalog import PAGE \[options\]/);
    expect(help.stdout).toContain("--out FILE");
    expect((await cli(["catalog", "diff", "--help"])).stdout).toContain("--token FILE");
    const bad = await cli(["catalog", "import", "--scopes", "x", "page.txt"]);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain("scopewise catalog import: unknown option --scopes");
  });

  test("an unknown subcommand gets a did-you-mean", async () => {
    const r = await cli(["catalog", "imprt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "catalog imprt"; did you mean catalog import?');
  });
});

describe("scopewise catalog import", () => {
  test("--out FILE writes a catalog that reproduces the committed one; the report says so", async () => {
    const out = join(dir, "imported.json");
    const r = await cli([
      "catalog",
      "import",
      "test/fixtures/page/permissions.txt",
      "--retrieved",
      "2026-11-28",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("text page test/fixtures/page/permissions.txt: 14 scopes, 131 endpoints");
    expect(r.stdout).toContain(`written: ${out}`);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.scopes).toEqual(committed.scopes);
    expect(written.source.retrieved).toBe("2026-11-28");
  });

  test.each(["txt", "md", "html"])(
    "the %s page, read on the day the catalog was, gives data/dynamic.catalog.json byte for byte",
    async (ext) => {
      const out = join(dir, `same-${ext}.json`);
      const r = await cli([
        "catalog",
        "import",
        `test/fixtures/page/permissions.${ext}`,
        "--retrieved",
        committed.source.retrieved,
        "--out",
        out,
      ]);
      expect(r.code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(readFileSync("data/dynamic.catalog.json", "utf8"));
    },
  );

  test("--out - puts the catalog on stdout and the report on stderr; stdin is a page too", async () => {
    const r = await cli(["catalog", "import", "-", "--out", "-", "--retrieved", "2026-11-28"], { input: page });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scopes).toEqual(committed.scopes);
    expect(r.stderr).toContain("text page <stdin>");
  });

  test("a line it cannot read: exit 1, the line reported, nothing written", async () => {
    const broken = join(dir, "broken.txt");
    writeFileSync(
      broken,
      page.replace("GET /environments/:environmentId/usersGet", "GET /environments/:environmentId/usersget"),
    );
    const out = join(dir, "never.json");
    const r = await cli(["catalog", "import", broken, "--out", out, "--retrieved", "2026-11-28"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Not read \(1\), so no catalog was written:\n {2}line \d+: cannot tell where the path ends/,
    );
    expect(existsSync(out)).toBe(false);
    const gh = await cli(["catalog", "import", broken, "--format", "github", "--retrieved", "2026-11-28"]);
    expect(gh.stdout).toMatch(/^::error file=.*broken\.txt,line=\d+,title=scopewise unread-page-line::/);
    const json = JSON.parse((await cli(["catalog", "import", broken, "--json", "--retrieved", "2026-11-28"])).stdout);
    expect(json).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/path ends/) }] });
  });

  test("markdown and sarif reports of an import", async () => {
    const md = await cli([
      "catalog",
      "import",
      "test/fixtures/page/permissions.html",
      "--format",
      "markdown",
      "--retrieved",
      "2026-11-28",
    ]);
    expect(md.stdout).toContain(
      "### scopewise: html page `test/fixtures/page/permissions.html`: 14 scopes, 131 endpoints",
    );
    expect(md.stdout).toContain("**Inferred (9)**");
    const sarif = JSON.parse(
      (
        await cli([
          "catalog",
          "import",
          "test/fixtures/page/permissions.md",
          "--format",
          "sarif",
          "--retrieved",
          "2026-11-28",
        ])
      ).stdout,
    );
    expect(sarif.runs[0].results).toEqual([]);
  });

  test("a bad --retrieved or --url is a usage error", async () => {
    expect((await cli(["catalog", "import", "x.txt", "--retrieved", "yesterday"])).code).toBe(2);
    expect((await cli(["catalog", "import", "x.txt", "--url", "http://insecure.test/"])).code).toBe(2);
  });
});

describe("scopewise catalog diff", () => {
  test("the impact: which calls need other scopes, which tokens will be denied (exit 1)", async () => {
    const r = await cli(["catalog", "diff", "@dynamic", moved, "--token", tokens, "examples/deploy-calls.txt"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "GET /environments/:environmentId/users now needs environment.users.list (was environment.users.read): your token deploy will be denied",
    );
    expect(r.stdout).toContain("semver: major; the new catalog should carry 2.0.0 (2.0.0 is right)");
    expect(r.stdout).toContain("token deploy: add environment.users.list");
  });

  test("calls the change does not touch: exit 0", async () => {
    const calls = join(dir, "webhooks.txt");
    writeFileSync(calls, "GET /environments/e1/webhooks\n");
    const r = await cli(["catalog", "diff", "@dynamic", moved, "--scopes", "environment.webhooks.read", calls]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Impact on 1 call and 1 token: not breaking");
  });

  test("a version that understates the change fails even without calls", async () => {
    const c = JSON.parse(readFileSync(moved, "utf8"));
    c.version = "1.2.0";
    const understated = join(dir, "understated.json");
    writeFileSync(understated, JSON.stringify(c));
    const r = await cli(["catalog", "diff", "@dynamic", understated]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("1.2.0 understates it");
    expect((await cli(["catalog", "diff", "@dynamic", moved])).code).toBe(0);
  });

  test("every format: json, markdown, sarif, github", async () => {
    const args = ["catalog", "diff", "@dynamic", moved, "--token", tokens, "examples/deploy-calls.txt"];
    const json = JSON.parse((await cli([...args, "--json"])).stdout);
    expect(json).toMatchObject({ bump: "major", expectedVersion: "2.0.0", impact: { breaking: true } });
    const md = (await cli([...args, "--format", "markdown"])).stdout;
    expect(md).toContain("**Impact on 8 calls: BREAKING**");
    expect(md).toContain("Token `deploy`: add `environment.users.list`");
    const sarif = JSON.parse((await cli([...args, "--format", "sarif"])).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("breaking-impact");
    const gh = (await cli([...args, "--format", "github"])).stdout;
    expect(gh).toContain(
      "::error file=examples/deploy-calls.txt,line=5,title=scopewise breaking-impact::GET /environments/:environmentId/users now needs",
    );
  });

  test("a format-1 catalog as OLD is migrated: every scope was unrated", async () => {
    const v1 = structuredClone(committed);
    v1.formatVersion = 1;
    delete v1.undocumented;
    for (const s of v1.scopes) {
      delete s.risk;
      for (const e of s.endpoints) delete e.risk;
    }
    v1.version = "1.0.0";
    const file = join(dir, "v1.json");
    writeFileSync(file, JSON.stringify(v1));
    const r = await cli(["catalog", "diff", file, "@dynamic", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ bump: "minor", expectedVersion: "1.1.0", versionOk: true });
  });
});

describe("scopewise catalog sdk-drift", () => {
  test("the installed SDK and the embedded catalog: no drift, exit 0", async () => {
    const r = await cli(["catalog", "sdk-drift"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no drift");
  });

  test("a fake SDK with a new undocumented operation: drift, exit 1, markdown for an issue", async () => {
    const r = await cli(["catalog", "sdk-drift", "--sdk", "test/fixtures/fake-sdk", "--format", "markdown"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("| new, no documented scope | `UsersApi.exportUserData` |");
  });

  test("no SDK there: exit 2", async () => {
    const r = await cli(["catalog", "sdk-drift", "--sdk", "test/fixtures/page"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not an @dynamic-labs/sdk-api folder");
  });
});

describe("risk in the other commands", () => {
  const calls = "examples/deploy-calls.txt";
  const enough =
    "environment.users.read,environment.users.write,environment.webhooks.read,environment.webhooks.write,environment.balances.read";

  test("check --max-unused-risk fails on unused scopes rated above the level, not on milder ones", async () => {
    const read = await cli([
      "check",
      "--scopes",
      `${enough},environment.analytics.read`,
      "--max-unused-risk",
      "read",
      calls,
    ]);
    expect(read.code).toBe(0);
    const critical = await cli([
      "check",
      "--scopes",
      `${enough},environment.apiTokens.write`,
      "--max-unused-risk",
      "admin",
      calls,
    ]);
    expect(critical.code).toBe(1);
    expect(critical.stdout).toContain(
      "environment.apiTokens.write  [critical]  unlocks 2 endpoints no call needs  over --max-unused-risk",
    );
    expect((await cli(["check", "--scopes", enough, "--max-unused-risk", "severe", calls])).code).toBe(2);
  });

  test("scopes and grants show each scope's rating", async () => {
    const scopes = await cli(["scopes"]);
    expect(scopes.stdout).toMatch(/environment\.apiTokens\.write +2 +\[critical\]/);
    const grants = await cli(["grants", "environment.users.read", "--json"]);
    expect(JSON.parse(grants.stdout).risk.level).toBe("critical");
  });
});

describe("scopewise catalog diff on a config's token policies", () => {
  // PUT …/users/:userId moves from environment.users.write to a new environment.users.update.
  const putMoved = (() => {
    const c = structuredClone(committed);
    const write = c.scopes.find((s: { name: string }) => s.name === "environment.users.write");
    const i = write.endpoints.findIndex(
      (e: { method: string; path: string }) =>
        e.method === "PUT" && e.path === "/environments/:environmentId/users/:userId",
    );
    const [endpoint] = write.endpoints.splice(i, 1);
    c.scopes.push({
      name: "environment.users.update",
      risk: { level: "write", rationale: "Updates users." },
      endpoints: [endpoint],
    });
    c.version = "2.0.0";
    const file = join(dir, "put-moved.json");
    writeFileSync(file, JSON.stringify(c));
    return file;
  })();

  test("each token is judged on its own inputs; the one relying on the old scope is named", async () => {
    const r = await cli(["catalog", "diff", "@dynamic", putMoved, "--config", "examples/gate/scopewise.config.json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "PUT /environments/:environmentId/users/:userId now needs environment.users.update (was environment.users.write): your token backend will be denied",
    );
    expect(r.stdout).toContain("Impact on 7 calls and 2 tokens: BREAKING");
    expect(r.stdout).toContain("token backend: add environment.users.update");
    // The config's ignores still apply and are listed.
    expect(r.stdout).toContain("Ignored by examples/gate/scopewise.config.json (7 calls)");
  });

  test("calls or a token given on the command line win over the config", async () => {
    const r = await cli([
      "catalog",
      "diff",
      "@dynamic",
      putMoved,
      "--scopes",
      "environment.webhooks.read",
      "examples/deploy-calls.txt",
    ]);
    expect(r.stdout).not.toContain("token backend");
  });
});
