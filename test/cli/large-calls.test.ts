import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { bin, cli } from "../helpers/cli.js";

// Over STREAM_CALLS_BYTES (1 MiB), a calls file is streamed and folded to one call per endpoint.
test("a large calls file is streamed: one entry per endpoint with its count, bad lines kept", async () => {
  const lines: string[] = ["# a generated file"];
  for (let i = 0; i < 40_000; i++)
    lines.push(i % 2 === 0 ? `GET /environments/e${i % 7}/users/usr_${i}` : `DELETE /environments/e1/webhooks/w${i}`);
  lines.push("not a call", "GET /environments/e1/nothing");
  const file = join(mkdtempSync(join(tmpdir(), "scopewise-large-")), "calls.txt");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const r = await cli(["plan", "--json", file]);
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout);
  expect(out.inputs[0]).toMatchObject({ format: "calls", calls: 40_002, distinct: 4, streamed: true });
  expect(out.scopes).toEqual(["environment.users.read", "environment.webhooks.write"]);
  expect(out.calls).toHaveLength(4);
  expect(out.calls[0].source).toEqual({ file, line: 2, occurrences: 20_000 });
  expect(out.unidentified.map((u: { status: string; source: { line: number } }) => [u.status, u.source.line])).toEqual([
    ["invalid", 40_002],
    ["unknown", 40_003],
  ]);
});

test("a 1,000,000-line calls file is planned within a 48 MB heap (it is never held whole)", () => {
  const chunk = Array.from(
    { length: 1000 },
    (_, i) => `GET /environments/e${i % 50}/users/usr_${i}\nPOST /environments/e1/users/u${i}/balances`,
  ).join("\n");
  const file = join(mkdtempSync(join(tmpdir(), "scopewise-million-")), "calls.txt");
  writeFileSync(file, `${Array.from({ length: 500 }, () => chunk).join("\n")}\n`);
  const r = bin(["plan", "--json", file], { nodeArgs: ["--max-old-space-size=48"] });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.inputs[0]).toMatchObject({ calls: 1_000_000, distinct: 2, streamed: true });
  expect(out.scopes).toEqual(["environment.balances.read", "environment.users.read"]);
}, 60_000);
