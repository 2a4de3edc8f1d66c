import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";

// Input that tries to write into the output (issue 9, §2), end to end through the CLI: file names,
// calls, log lines, HAR entries, token ids, notes and scope names, a catalog's summaries, and the
// command line itself. Nothing reaches stdout or stderr as a control character or a workflow command.

const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{DI}]/u;
const COMMAND = /^\s*::|##\[/m;
const evil = "x\u001b[2K\r::stop-commands::t\n##[error]y\u2028<img src=x>@me `a`|b\u202e";

const dir = mkdtempSync(join(tmpdir(), "scopewise-evil-"));
const at = (name: string, content: string): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const calls = [
  at("calls\n::error::f.txt", `GET /environments/e1/users\nGET /environments/e1/${evil}\n${evil}\n`),
  at("c\u001b]0;t\u0007.txt", "GET /environments/e1/users\n"),
  at("  ::warning::w.txt", "GET /users/u1\n"),
];
const log = at(
  "evil.log",
  `${JSON.stringify({ method: "GET", path: `/environments/e1/${evil}` })}\n` +
    `${JSON.stringify({ method: "GET", url: "https://ev\u001bil.test/x" })}\n` +
    `1.2.3.4 - - [x] "GET /${evil} HTTP/1.1" 200 1\nnot a line ${evil}\n`,
);
const har = at(
  "evil.har",
  JSON.stringify({
    log: {
      entries: [
        { request: { method: "GET", url: `https://app.dynamicauth.com/api/v0/environments/e1/${evil}` } },
        { request: { method: "GET", url: "https://evil\u001b.test/" } },
        { request: { method: evil, url: "https://app.dynamicauth.com/api/v0/environments/e1/users" } },
        { nope: evil },
      ],
    },
  }),
);
const tokens = at(
  "tokens.json",
  JSON.stringify({
    tokens: [
      { id: evil, note: evil, scopes: ["environment.users.read", evil] },
      { note: evil, scopes: [] },
    ],
  }),
);
const catalog = at(
  "catalog.json",
  JSON.stringify({
    formatVersion: 1,
    name: "evil",
    version: "1.0.0",
    source: { url: "https://example.test/", retrieved: "2026-11-27" },
    baseUrls: ["https://app.dynamicauth.com/api/v0"],
    scopes: [
      {
        name: "a.read",
        description: evil,
        endpoints: [{ method: "GET", path: "/environments/:e/users", summary: evil }],
      },
    ],
  }),
);

const assertInert = (out: string, where: string, commandsAllowed = false): void => {
  expect(out, where).not.toMatch(UNSAFE);
  if (!commandsAllowed) expect(out, where).not.toMatch(COMMAND);
};

describe("hostile input through the CLI", () => {
  const runs: string[][] = [
    ...["text", "json", "markdown", "sarif", "github"].flatMap((format) => [
      ["plan", "--format", format, ...calls, log, har],
      ["check", "--token", tokens, "--format", format, ...calls, har],
      ["plan", "--catalog", catalog, "--format", format, calls[1]!],
    ]),
    ["need", "GET", evil],
    ["need", "--json", "GET", evil],
    ["need", "--catalog", catalog, "GET", "/environments/e1/users"],
    ["scopes", "--catalog", catalog],
    ["grants", "--catalog", catalog, "a.read"],
    ["grants", evil],
    ["check", "--token", at("bad.json", `{"scopes": [1, "\\u001bx"], "${evil.replace(/\n/g, "")}": `), calls[1]!],
    ["plan", "--from", "har", calls[0]!],
    ["plan", `nope${evil}`],
    ["plan", "--from", evil, "x"],
    [`pl${evil}`],
  ];
  test.each(runs.map((args) => [JSON.stringify(args.slice(0, 4).join(" ").replace(dir, "")), args] as const))(
    "%s",
    async (_name, args) => {
      const r = await cli(args);
      expect(r.code).not.toBeNull();
      expect(r.stderr).not.toMatch(/internal error/);
      assertInert(r.stdout, "stdout", args.includes("github"));
      assertInert(r.stderr, "stderr");
    },
  );

  test("the answer is unchanged: the hostile calls are listed (escaped), and fail the run", async () => {
    const r = await cli(["plan", calls[0]!]);
    expect(r.code).toBe(1);
    const file = "calls\\n::error::f.txt";
    expect(r.stdout).toContain(`${file}:2  GET /environments/e1/x\\u001b[2K\\r::stop-commands::t: invalid`);
    // Lines 3 and 5 start with `#`: comments in a calls file.
    expect(r.stdout).toContain(`${file}:4  x\\u001b[2K\\r::stop-commands::t: invalid: expected METHOD URL`);
  });
});
