import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "scopewise-cli-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("scopewise need", async () => {
  test("prints the scope of a matched request and exits 0", async () => {
    const r = await cli(["need", "GET", "https://app.dynamicauth.com/api/v0/environments/e1/users?limit=5"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("environment.users.read");
    expect(r.stdout).toContain("GET /environments/:environmentId/users");
    expect(r.stdout).not.toContain("\u001b[");
  });

  test("--json has status, anyOf and endpoint", async () => {
    const r = await cli(["need", "--json", "POST", "/environments/e1/users/u1/balances"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: "matched",
      anyOf: ["environment.balances.read"],
      endpoint: { method: "POST" },
    });
  });

  test.each([
    ["GET", "/environments/e1/userz", "unknown"],
    ["GET", "/environments/../users", "invalid"],
    ["HEAD", "/environments/e1/users", "method-not-allowed"],
  ])("%s %s is %s and exits 1", async (method, url, status) => {
    const r = await cli(["need", "--json", method, url]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).status).toBe(status);
  });

  test("a missing argument is a usage error (2)", async () => {
    const r = await cli(["need", "GET"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("expected METHOD URL");
  });
});

describe("scopewise plan", async () => {
  test("the README example: minimal scopes for examples/deploy-calls.txt", async () => {
    const r = await cli(["plan", "examples/deploy-calls.txt"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "scopes: environment.balances.read,environment.users.read,environment.users.write,environment.webhooks.read,environment.webhooks.write",
    );
    expect(r.stdout).toContain("examples/deploy-calls.txt:14  GET /users/:userId");
  });

  test("--json has scopes, calls and unknown, with file and line for each call", async () => {
    const f = file("calls.txt", "# comment\n\nGET /environments/e1/users\nbogus line\nGET /environments/e1/nope\n");
    const r = await cli(["plan", "--json", f]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.scopes).toEqual(["environment.users.read"]);
    expect(out.calls).toHaveLength(3);
    expect(
      out.unidentified.map((u: { source: { line: number }; status: string }) => [u.source.line, u.status]),
    ).toEqual([
      [4, "invalid"],
      [5, "unknown"],
    ]);
  });

  test("a bad line is reported with its line and the rest is still analysed", async () => {
    const f = file("mixed.txt", "GET /environments/e1/users\nGET\nPOST /environments/e1/webhooks\n");
    const r = await cli(["plan", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f}:2  GET: invalid: expected METHOD URL`);
    expect(r.stdout).toContain("environment.webhooks.write");
  });

  test("reads a JSON array of strings and objects", async () => {
    const r = await cli(["plan", "--json", "examples/calls.json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scopes).toEqual([
      "environment.analytics.read",
      "environment.users.read",
      "environment.users.write",
    ]);
  });

  test("reads stdin with -", async () => {
    const r = await cli(["plan", "-"], { input: "DELETE /environments/e1/tokens/t1\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scopes: environment.apiTokens.write");
  });

  test.each([
    ["a missing file", () => join(tmp, "missing.txt"), /missing\.txt.*no such file/s],
    ["a directory", () => tmp, /is a directory/],
    ["bad JSON", () => file("bad.json", '[\n  "GET /a",\n  oops\n]'), /bad\.json.*line 3, column 3/s],
    ["a binary file", () => file("bin.dat", Buffer.from([0x47, 0x45, 0x00, 0x01])), /bin\.dat.*binary/s],
  ])("%s is an input error (2) naming the file", async (_name, path, message) => {
    const r = await cli(["plan", path()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

describe("scopewise check", async () => {
  const calls = () => file("check.txt", "GET /environments/e1/users\nPOST /environments/e1/users\n");

  test("sufficient scopes exit 0", async () => {
    const r = await cli(["check", "--scopes", "environment.users.read,environment.users.write", calls()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("sufficient");
  });

  test("missing scopes exit 1 and --json has sufficient, missing and unused", async () => {
    const r = await cli(["check", "--json", "--scopes", "environment.users.read,environment.settings.read", calls()]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.sufficient).toBe(false);
    expect(out.missing.map((m: { anyOf: string[] }) => m.anyOf)).toEqual([["environment.users.write"]]);
    expect(out.unused).toEqual([
      { scope: "environment.settings.read", unlocks: 26, risk: expect.objectContaining({ level: "read" }) },
    ]);
    expect(out.remove).toEqual(["environment.settings.read"]);
  });

  test("--strict also fails on unused scopes", async () => {
    const scopes = "environment.users.read,environment.users.write,environment.settings.read";
    expect((await cli(["check", "--scopes", scopes, calls()])).code).toBe(0);
    expect((await cli(["check", "--strict", "--scopes", scopes, calls()])).code).toBe(1);
  });

  test("--token reads Dynamic's token JSON", async () => {
    const r = await cli(["check", "--token", "examples/token-ci.json", "examples/deploy-calls.txt"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("add: environment.balances.read,environment.webhooks.write");
  });

  test("--token reads the { tokens } list and passes if one token is sufficient", async () => {
    const t = file(
      "tokens.json",
      JSON.stringify({
        tokens: [
          { id: "ro", scopes: ["environment.users.read"] },
          { id: "rw", scopes: ["environment.users.read", "environment.users.write"] },
        ],
      }),
    );
    const r = await cli(["check", "--json", "--token", t, calls()]);
    expect(r.code).toBe(0);
    expect(
      JSON.parse(r.stdout).tokens.map((x: { id: string; check: { sufficient: boolean } }) => [
        x.id,
        x.check.sufficient,
      ]),
    ).toEqual([
      ["ro", false],
      ["rw", true],
    ]);
  });

  test("a malformed token names the file and JSON path", async () => {
    const t = file("token-bad.json", JSON.stringify({ token: { scopes: ["environment.users.read", 3] } }));
    const r = await cli(["check", "--token", t, calls()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("token-bad.json");
    expect(r.stderr).toContain("$.token.scopes[1]");
  });

  test("needs exactly one of --scopes and --token", async () => {
    expect((await cli(["check", calls()])).code).toBe(2);
  });
});

describe("scopewise scopes / grants", async () => {
  test("scopes lists all 14", async () => {
    const r = await cli(["scopes", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scopes).toHaveLength(14);
  });

  test("grants lists a scope's endpoints", async () => {
    const r = await cli(["grants", "environment.apiTokens.write"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("DELETE /environments/:environmentId/tokens/:tokenId");
  });

  test("grants of an unknown scope is an error with a did-you-mean", async () => {
    const r = await cli(["grants", "environment.user.read"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean environment.users.read?");
  });
});

describe("--catalog, --help, --version, colour", async () => {
  test("--catalog uses another catalog", async () => {
    const c = file(
      "cat.json",
      JSON.stringify({
        formatVersion: 1,
        name: "mini",
        version: "2.0.0",
        source: { url: "https://x.test/", retrieved: "2026-01-01" },
        baseUrls: ["https://x.test/v1"],
        scopes: [{ name: "things.read", endpoints: [{ method: "GET", path: "/things/:id", summary: "Get a thing" }] }],
      }),
    );
    const r = await cli(["need", "--json", "--catalog", c, "GET", "https://x.test/v1/things/7"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).anyOf).toEqual(["things.read"]);
  });

  test("a broken --catalog exits 2 naming the file and JSON path", async () => {
    const c = file(
      "broken-cat.json",
      JSON.stringify({
        formatVersion: 1,
        name: "b",
        version: "1.0.0",
        source: { url: "https://x.test/", retrieved: "2026-01-01" },
        baseUrls: ["https://x.test/v1"],
        scopes: [{ name: "a", implies: ["zz"], endpoints: [] }],
      }),
    );
    const r = await cli(["scopes", "--catalog", c]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("broken-cat.json");
    expect(r.stderr).toContain("$.scopes[0].implies[0]: unknown scope");
  });

  test.each(["need", "plan", "check", "scopes", "grants"])("%s --help", async (command) => {
    const r = await cli([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`scopewise ${command}`);
  });

  test("--help, --version, unknown command and option", async () => {
    expect((await cli(["--help"])).stdout).toContain("scopewise need METHOD URL");
    expect((await cli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["plan", "--bogus", "x"])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });
});
