import { createWriteStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readSource } from "../../src/node/index.js";
import { dynamicCatalog, minimalScopes, requiredScopes } from "../../src/index.js";
import { MAX_DISTINCT_UNIDENTIFIED } from "../../src/sources/tally.js";

const options = { baseUrls: dynamicCatalog.baseUrls, requiredScopes };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe("readSource", () => {
  test("combined log format: one call per endpoint with its first line and count; other hosts and bad lines reported", async () => {
    const r = await readSource(fixture("access.log"), { ...options, name: "access.log" });
    expect(r.summary).toEqual({
      format: "log",
      file: "access.log",
      lines: 8,
      logFormats: ["combined"],
      used: 5,
      distinct: 4,
      skipped: 1,
      otherHosts: [{ host: "api.github.com", count: 1 }],
      otherScheme: 0,
      rewritten: 0,
      noRequest: 1,
      bad: 1,
      dropped: 0,
    });
    expect(r.calls.map((c) => c.source)).toEqual([
      { file: "access.log", line: 1, occurrences: 2 },
      { file: "access.log", line: 3 },
      { file: "access.log", line: 5 },
      { file: "access.log", line: 8 },
    ]);
    expect(r.problems).toEqual([
      {
        source: { file: "access.log", line: 6 },
        code: "bad-log-line",
        message: "not a line of a known log format (common/combined, JSON, Envoy, ALB)",
      },
    ]);
    const plan = minimalScopes(r.calls);
    expect(plan.scopes).toEqual(["environment.users.read", "environment.users.write", "environment.webhooks.write"]);
    expect(plan.unidentified).toMatchObject([{ index: 3, status: "unknown" }]);
  });

  test("JSON lines: top-level, nested request and GCP httpRequest fields", async () => {
    const r = await readSource(fixture("access.jsonl"), { ...options, name: "access.jsonl" });
    expect(r.summary).toMatchObject({ lines: 6, used: 3, skipped: 1, bad: 2 });
    expect(minimalScopes(r.calls).scopes).toEqual([
      "environment.analytics.read",
      "environment.balances.read",
      "environment.users.read",
    ]);
    expect(r.problems.map((p) => p.source.line)).toEqual([5, 6]);
  });

  test("a byte-order mark does not spoil the first line; CRLF line ends are fine", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "scopewise-bom-")), "bom.log");
    writeFileSync(
      file,
      '\uFEFF1.2.3.4 - - [27/Nov/2026:10:00:01 +0000] "GET /environments/e1/users HTTP/1.1" 200 1\r\n{"method":"GET","path":"/environments/e1/webhooks"}\r\n',
    );
    const r = await readSource(file, options);
    expect(r.summary).toMatchObject({ lines: 2, used: 2, bad: 0 });
  });

  test("a missing file is an InputError naming it", async () => {
    await expect(readSource(join(tmpdir(), "no-such-scopewise.log"), options)).rejects.toThrow(
      /no-such-scopewise\.log.*no such file/s,
    );
  });

  test("streams a large log: 30,000 lines fold into a handful of calls", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scopewise-log-"));
    const file = join(dir, "big.log");
    const out = createWriteStream(file);
    const lines = 30_000;
    for (let i = 0; i < lines; i++) {
      const path =
        i % 3 === 0
          ? `/api/v0/environments/e${i % 7}/users/u${i}`
          : i % 3 === 1
            ? `/api/v0/environments/e1/webhooks`
            : `/api/v0/environments/e1/userz/${i}`;
      if (
        !out.write(
          `10.0.0.${i % 250} - - [27/Nov/2026:10:00:01 +0000] "GET ${path} HTTP/1.1" 200 ${i % 1000} "-" "load"\n`,
        )
      )
        await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    const r = await readSource(file, options);
    expect(r.summary).toMatchObject({
      lines,
      used: lines,
      distinct: 2 + MAX_DISTINCT_UNIDENTIFIED,
      dropped: lines / 3 - MAX_DISTINCT_UNIDENTIFIED,
    });
    expect(r.problems).toEqual([
      {
        source: { file },
        code: "too-many-unidentified",
        message: `${lines / 3 - MAX_DISTINCT_UNIDENTIFIED} more distinct unidentified requests not listed`,
      },
    ]);
    expect(r.calls[0]?.source.occurrences).toBe(lines / 3);
  }, 60_000);
});
