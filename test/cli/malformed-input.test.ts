import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";

// Malformed calls files, run through the CLI in-process. Missing files, directories,
// NUL-byte binaries and one bad JSON file are covered in cli.test.ts; these are the rest.
const tmp = mkdtempSync(join(tmpdir(), "scopewise-malformed-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const json = (stdout: string) =>
  JSON.parse(stdout) as {
    calls: unknown[];
    unidentified: { status: string; reason: string; source: { file: string; line?: number; path?: string } }[];
    scopes: string[];
  };

describe("bad lines are reported with file and line; the rest is analysed; the exit code is 1", async () => {
  test.each<[string, string, number, RegExp]>([
    ["a method with digits", "G3T /environments/e1/users", 2, /method "G3T" is not an HTTP method name/],
    ["extra words after the URL", "GET /environments/e1/users HTTP/1.1", 2, /found extra text after the URL/],
    ["a lone method", "GET", 2, /expected METHOD URL/],
    ["a URL without a method", "/environments/e1/users", 2, /expected METHOD URL/],
    ["a control character", "GET /environments/e1/\u0001users", 2, /control character/],
    ["a dot segment", "GET /environments/e1/../tokens", 2, /dot segment/],
    ["a malformed escape", "GET /environments/e%zz/users", 2, /malformed percent-escape/],
    ["a 10,000-character URL", `GET /environments/${"a".repeat(10_000)}/users`, 2, /limited to 8192/],
  ])("%s", async (_name, bad, line, reason) => {
    const f = file("lines.txt", `GET /environments/e1/users\n${bad}\nPOST /environments/e1/webhooks\n`);
    const r = await cli(["plan", "--json", f]);
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.calls).toHaveLength(3);
    expect(out.scopes).toEqual(["environment.users.read", "environment.webhooks.write"]);
    expect(out.unidentified).toHaveLength(1);
    expect(out.unidentified[0]!.source).toEqual({ file: f, line });
    expect(out.unidentified[0]!.reason).toMatch(reason);
  });

  test("line numbers count blank lines, comments and CRLF endings; the human output names file:line", async () => {
    const f = file(
      "crlf.txt",
      "# calls\r\n\r\nGET /environments/e1/users\r\nbogus\r\n\r\nGET /environments/e1/nope\r\n",
    );
    const r = await cli(["plan", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f}:4  bogus: invalid: expected METHOD URL`);
    expect(r.stdout).toContain(`${f}:6  GET /environments/e1/nope: unknown`);
    expect(r.stdout).toContain("scopes: environment.users.read");
  });

  test("one bad line among 5,000 is reported at its line and the other 4,999 are analysed", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i === 2499 ? "GET /environments/e1/%2e%2e/tokens" : `GET /environments/e${i}/users/u${i}`,
    );
    const f = file("many.txt", `${lines.join("\n")}\n`);
    const r = await cli(["plan", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Minimal scopes for 5000 calls: 1 scope");
    expect(r.stdout).toContain("environment.users.read  [critical]  needed by 4999 calls");
    expect(r.stdout).toContain(
      `Not identified, so not covered by this plan (1):\n  ${f}:2500  GET /environments/e1/%2e%2e/tokens: invalid`,
    );
  });

  test("bytes that are not UTF-8 (but no NUL) make a bad line, not a crash", async () => {
    const f = file(
      "latin1.txt",
      Buffer.concat([Buffer.from("GET /environments/e1/users\n"), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]),
    );
    const r = await cli(["plan", "--json", f]);
    expect(r.code).toBe(1);
    expect(json(r.stdout).unidentified.map((u) => [u.source.line, u.status])).toEqual([[2, "invalid"]]);
  });

  test("check: a bad line makes the token not sufficient (exit 1) even when it covers every good call", async () => {
    const f = file("check.txt", "GET /environments/e1/users\nbogus\n");
    const r = await cli(["check", "--scopes", "environment.users.read", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("NOT sufficient");
    expect(r.stdout).toContain(`${f}:2  bogus: invalid: expected METHOD URL`);
    const j = await cli(["check", "--json", "--scopes", "environment.users.read", f]);
    expect(JSON.parse(j.stdout)).toMatchObject({
      sufficient: false,
      unidentified: [{ status: "invalid", source: { file: f, line: 2 } }],
    });
  });

  test("stdin (-) names <stdin> and the line", async () => {
    const r = await cli(["plan", "--json", "-"], { input: "GET /environments/e1/users\n\n  \nGET\n" });
    expect(r.code).toBe(1);
    expect(json(r.stdout).unidentified.map((u) => u.source)).toEqual([{ file: "<stdin>", line: 4 }]);
  });
});

describe("a JSON array with elements that are not calls: each is reported at its JSON path, exit 1", async () => {
  test("null, numbers, arrays, objects without a string method or url", async () => {
    const f = file(
      "mixed.json",
      JSON.stringify([
        null,
        42,
        ["GET", "/environments/e1/users"],
        { method: 1, url: "/x" },
        { method: "GET" },
        "GET /environments/e1/users",
        { method: "GET", url: "/environments/e1/tokens" },
      ]),
    );
    const r = await cli(["plan", "--json", f]);
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.calls).toHaveLength(7);
    expect(out.unidentified.map((u) => [u.source.path, u.status])).toEqual([
      ["$[0]", "invalid"],
      ["$[1]", "invalid"],
      ["$[2]", "invalid"],
      ["$[3]", "invalid"],
      ["$[4]", "invalid"],
    ]);
    expect(out.unidentified.every((u) => u.source.file === f)).toBe(true);
    expect(out.scopes).toEqual(["environment.apiTokens.read", "environment.users.read"]);
    expect((await cli(["plan", f])).stdout).toContain(`${f} $[0]  null: invalid`);
  });
});

describe("unreadable input and bad JSON are input errors (exit 2) naming the file and where", async () => {
  test.each<[string, () => string, RegExp]>([
    [
      "JSON cut off mid-array",
      () => file("cut.json", '[\n  "GET /environments/e1/users",\n  "GET'),
      /cut\.json.*line 3, column 3/s,
    ],
    [
      "a trailing comma",
      () => file("comma.json", '[\n  "GET /environments/e1/users",\n]'),
      /comma\.json.*line 3, column 1/s,
    ],
    ["an unclosed array", () => file("open.json", "[1,"), /open\.json.*line 1, column 4/s],
    [
      "a NUL byte in the middle of a text file",
      () => file("nul.txt", "GET /environments/e1/users\nGET /a\u0000b\n"),
      /nul\.txt.*binary/s,
    ],
    ["a nested missing file", () => join(tmp, "no", "such", "calls.txt"), /calls\.txt.*no such file/s],
    [
      "a directory named like a calls file",
      () => {
        const dir = join(tmp, "calls.json");
        mkdirSync(dir, { recursive: true });
        return dir;
      },
      /calls\.json.*is a directory/s,
    ],
  ])("%s", async (_name, path, message) => {
    const r = await cli(["plan", path()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  test("binary on stdin names <stdin>", async () => {
    const r = await cli(["plan", "-"], { input: "GET /a\u0000\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>.*binary/s);
  });
});

describe("empty input", async () => {
  test.each([
    ["an empty file", ""],
    ["only comments and blank lines", "# nothing yet\n\n   \n"],
    ["an empty JSON array", "[]"],
  ])("%s is zero calls: nothing to vouch for, so plan and check exit 1 and say why", async (_name, content) => {
    const f = file("empty.txt", content);
    const r = await cli(["plan", "--json", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f} holds no calls`);
    expect(json(r.stdout)).toMatchObject({ calls: [], unidentified: [], scopes: [] });
    expect((await cli(["plan", f])).stdout).toContain("for 0 calls");
    const c = await cli(["check", "--scopes", "environment.users.read", f]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("holds no calls");
  });

  test("a calls-file line keeps non-ASCII whitespace in its URL, as the library does", async () => {
    const f = file("nbsp.txt", "GET /environments/e1/users/\u00a0\n");
    const r = await cli(["plan", "--json", f]);
    expect(json(r.stdout).calls).toMatchObject([
      { result: { status: "matched", endpoint: { path: "/environments/:environmentId/users/:userId" } } },
    ]);
  });
});

describe("a catalog over the size caps", async () => {
  test("is an input error (2) naming the file, the JSON path and the cap, refused before it is validated", async () => {
    const scopes = Array.from({ length: 1001 }, (_, i) => ({ name: `s${i}`, endpoints: [] }));
    const f = file(
      "big.catalog.json",
      JSON.stringify(
        {
          formatVersion: 1,
          name: "big",
          version: "1.0.0",
          source: { url: "https://example.test/", retrieved: "2026-11-27" },
          baseUrls: ["https://api.example.test/v1"],
          scopes,
        },
        null,
        2,
      ),
    );
    const r = await cli(["need", "--catalog", f, "GET", "/x"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(/\$\.scopes: 1001 scopes; the limit is 1000 \[too-large\]/);
  });
});
