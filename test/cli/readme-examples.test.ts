import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { cli, root } from "../helpers/cli.js";

// The README and docs/ show output of these runs; these tests keep the two the same.
const readme = readFileSync(`${root}README.md`, "utf8");
const docs = readdirSync(`${root}docs`)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(`${root}docs/${f}`, "utf8"))
  .join("\n");

test("examples/record-calls.mjs prints what docs/call-sources.md shows", () => {
  const r = spawnSync(process.execPath, ["examples/record-calls.mjs"], { cwd: root, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(docs).toContain(`\`\`\`text\n${r.stdout}\`\`\``);
});

test("scan --format markdown examples/worker prints what the README shows", async () => {
  const r = await cli(["scan", "--format", "markdown", "examples/worker"]);
  expect(r.code).toBe(0);
  expect(readme).toContain(`\`\`\`text\n${r.stdout}\`\`\``);
});

test("npm start (plan examples/deploy-calls.txt) starts as the README shows", async () => {
  const r = await cli(["plan", "examples/deploy-calls.txt"]);
  expect(r.code).toBe(0);
  expect(readme).toContain(`\`\`\`text\n${r.stdout.split("\n").slice(0, 9).join("\n")}\n…`);
  expect(readme).toContain(r.stdout.trimEnd().split("\n").at(-1));
});

test("check --token on the recorded session starts as the README shows", async () => {
  const args = ["--token", "examples/token-ci.json", "--base-url", "http://127.0.0.1:47102/api/v0"];
  const r = await cli(["check", ...args, "examples/browser-session.har"]);
  expect(r.code).toBe(1);
  const shown = r.stdout.split("\n").slice(0, 9).join("\n");
  expect(readme).toContain(`$ scopewise check ${args.join(" ")} examples/browser-session.har\n${shown}\n…`);
});

test("plan examples/proxy-access.log starts as docs/call-sources.md shows", async () => {
  const r = await cli(["plan", "examples/proxy-access.log"]);
  const shown = r.stdout.split("\n").slice(0, 7).join("\n");
  expect(docs).toContain(`$ scopewise plan examples/proxy-access.log\n${shown}\n…`);
});

test("the README is a user's page: under 12 KB, with both quick-start commands", () => {
  expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024);
  expect(readme).toContain("npm ci && npm start");
  expect(readme).toContain("npm ci && npm test");
});
