import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { cli, root } from "../helpers/cli.js";
import { cliIn, editConfig, project } from "../helpers/gate.js";

// Issue 11 §4: a CLI that says what it did not understand.

describe("each command takes only its own options, and says so", () => {
  test.each([
    [["pln", "x"], 'unknown command "pln"; did you mean plan?'],
    [["plan", "--fromat", "json", "x"], "unknown option --fromat; did you mean --format?"],
    [
      ["need", "--from", "har", "GET", "/x"],
      "unknown option --from: need does not take it (plan, check, token audit, token create, catalog diff do)",
    ],
    [["scopes", "--strict"], "unknown option --strict: scopes does not take it (check, scan, verify do)"],
    [["verify", "--token", "t.json"], "unknown option --token: verify does not take it (check, scan, catalog diff do)"],
    [["help", "verfy"], 'unknown command "verfy"; did you mean verify?'],
  ])("%j", async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test.each(COMMANDS.map((c) => [c.name, c] as const))(
    "%s: help is generated from the table its parser reads",
    async (name, command) => {
      const help = await cli(["help", name]);
      expect(help.code).toBe(0);
      expect((await cli([name, "--help"])).stdout).toBe(help.stdout);
      for (const [option, spec] of Object.entries(command.options)) {
        expect(help.stdout).toContain(`--${option}${spec.value ? ` ${spec.value}` : ""}`);
      }
      expect(help.stdout).toContain(`Exit: ${command.exits}`);
    },
  );
});

describe("lists merge; check says what to add and what to remove", () => {
  test("--scopes repeated and comma-separated is one list; remove: and add: lines, and remove in JSON", async () => {
    const args = ["examples/deploy-calls.txt", "--scopes", "environment.users.read", "--scopes"];
    const a = await cli(["check", ...args, "environment.apiTokens.write,environment.users.write"]);
    const b = await cli([
      "check",
      "examples/deploy-calls.txt",
      "--scopes",
      "environment.users.read,environment.apiTokens.write,environment.users.write",
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("  add: environment.balances.read,environment.webhooks.read,environment.webhooks.write");
    expect(a.stdout).toContain("  remove: environment.apiTokens.write");
    const json = JSON.parse((await cli(["check", "--json", ...args, "environment.apiTokens.write"])).stdout);
    expect(json.remove).toEqual(["environment.apiTokens.write"]);
  });
});

describe("need accepts what the library accepts", () => {
  test.each([
    [["GET /environments/e1/users"], "environment.users.read [critical]"],
    [["https://app.dynamicauth.com/api/v0/environments/e1/users"], "environment.users.read [critical]"],
    [["POST", "/environments/e1/users"], "environment.users.write [admin]"],
    [["UsersApi.getEnvironmentUsers"], "environment.users.read [critical]"],
  ])("%j", async (args, scope) => {
    const r = await cli(["need", ...args]);
    expect([r.code, r.stdout.split("\n")[0]]).toEqual([0, scope]);
  });

  test("an SDK instance name gets the class name as a did-you-mean", async () => {
    const r = await cli(["need", "usersApi.getEnvironmentUsers"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "looks like an SDK instance call; give the class and method: did you mean UsersApi.getEnvironmentUsers?",
    );
  });
});

describe("plan, check and scan honour the config", () => {
  const dir = project();

  test("plan with no FILE reads the config's inputs: base URLs, rewrites and ignores applied, ignored calls listed", async () => {
    const r = await cliIn(dir, ["plan"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scopes: environment.users.read,environment.users.write,environment.webhooks.read");
    expect(r.stdout).toContain(
      '  ignore[0] "GET /healthz" (Kubernetes liveness probe, answered by the proxy itself): 3 calls',
    );
    const json = JSON.parse((await cliIn(dir, ["plan", "--json"])).stdout);
    expect(json.ignored.ignored).toBe(3);
    // The HAR is the e2e token's own input, so the SDK ignore has nothing to do in a plan of the top-level inputs.
    expect(json.ignored.rules.map((r: { status: string }) => r.status)).toEqual(["applied", "unused", "unused"]);
  });

  // FILEs are read from the process's directory (as before this change), so the tests give them whole.
  const log = join(dir, "logs/access.log");

  test("check of a FILE uses the config's base URLs, rewrites and ignores too; --no-config reads it bare", async () => {
    const with_ = await cliIn(dir, [
      "check",
      "--scopes",
      "environment.users.read,environment.users.write,environment.webhooks.read",
      log,
    ]);
    expect(with_.code).toBe(0);
    expect(with_.stdout).toContain("Token is sufficient for 3 calls");
    const bare = await cliIn(dir, ["check", "--no-config", "--scopes", "environment.users.read", log]);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain("GET /healthz: unknown");
    const both = await cliIn(dir, ["plan", "--no-config", "--config", "x.json", log]);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining("--config and --no-config disagree")]);
  });

  test("scan honours the config's ignores: an SDK operation ignored by name is listed, not planned", async () => {
    const other = project();
    editConfig(other, (t) => t.replace('"match": "GET /healthz"', '"match": "UsersApi.updateUser"'));
    const r = await cliIn(other, ["scan", join(other, "src")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ignore[0] "UsersApi.updateUser"');
    expect(r.stdout).toContain("scopes: environment.users.read\n");
    expect(r.stdout).not.toContain("scopes: environment.users.read,environment.users.write");
  });

  test("a config error stops plan too, naming file, line and path", async () => {
    const bad = project({ "scopewise.config.json": '{\n  "inputs": [ { "path": 3 } ]\n}\n' }, null);
    const r = await cliIn(join(bad), ["plan"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("invalid config in scopewise.config.json (1 problem):\n  line 2: $.inputs[0]");
  });

  test("plan with no FILE and no config inputs is a usage error", async () => {
    const r = await cliIn(root, ["plan", "--no-config"]);
    expect([r.code, r.stderr]).toEqual([
      2,
      expect.stringContaining("expected at least one FILE (or inputs in scopewise.config.json)"),
    ]);
  });
});
