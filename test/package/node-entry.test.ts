import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";

// The built package, reached by its own name through package.json "exports", as a user would.
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });

const script = (load: string) => `${load}
const { requiredScopes, dynamicCatalog } = core;
const found = node.scanSource('fetch("https://app.dynamicauth.com/api/v0/environments/e1/webhooks", { method: "POST" })', "a.js", { baseUrls: dynamicCatalog.baseUrls, requiredScopes });
console.log(JSON.stringify(found.findings.map((f) => f.call)), typeof node.readSource, typeof core.recordCalls);`;

const expected = '[{"method":"POST","path":"/environments/e1/webhooks"}] function function';
// Each run starts a process that loads TypeScript for the scanner: a few seconds on a busy machine.
const START = { timeout: 30_000 };

test("scopewise/node works from ESM, next to the core", START, () => {
  const r = run([
    "--input-type=module",
    "-e",
    script('import * as core from "scopewise"; import * as node from "scopewise/node";'),
  ]);
  expect(r.stderr).toBe("");
  expect(r.stdout.trim()).toBe(expected);
});

test("scopewise/node works from CommonJS", START, () => {
  const r = run(["-e", script('const core = require("scopewise"); const node = require("scopewise/node");')]);
  expect(r.stderr).toBe("");
  expect(r.stdout.trim()).toBe(expected);
});
