import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { cli, root } from "../helpers/cli.js";

// The README shows output of these runs; these tests keep the two the same.
const readme = readFileSync(`${root}README.md`, "utf8");

test("examples/record-calls.mjs prints what the README shows", () => {
  const r = spawnSync(process.execPath, ["examples/record-calls.mjs"], { cwd: root, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(readme).toContain(`\`\`\`text\n${r.stdout}\`\`\``);
});

test("scan --format markdown examples/worker prints what the README shows", () => {
  const r = cli(["scan", "--format", "markdown", "examples/worker"]);
  expect(r.code).toBe(0);
  expect(readme).toContain(`\`\`\`text\n${r.stdout}\`\`\``);
});

test("plan examples/proxy-access.log starts as the README shows", () => {
  const r = cli(["plan", "examples/proxy-access.log"]);
  const shown = r.stdout.split("\n").slice(0, 7).join("\n");
  expect(readme).toContain(`$ scopewise plan examples/proxy-access.log\n${shown}\n…`);
});
