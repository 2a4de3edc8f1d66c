import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  checkToken,
  createLogReader,
  parseCallsFile,
  readHar,
  recordCalls,
  type TokenListInput,
} from "../../src/index.js";
import { cli } from "../helpers/cli.js";

// No vacuous "sufficient" (issue 9, §6): whatever held no call, the library says `sufficient: false`
// and the CLI exits 1, for one token and for a token list, so the two always agree.

const dir = mkdtempSync(join(tmpdir(), "scopewise-vacuous-"));
const at = (name: string, content: string): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const scopes = ["environment.users.read"];
const list: TokenListInput = {
  tokens: [
    { id: "t1", scopes },
    { id: "t2", scopes: [] },
  ],
};
const harOf = (urls: string[]) =>
  JSON.stringify({ log: { entries: urls.map((url) => ({ request: { method: "GET", url } })) } });

const logLine = '{"method":"GET","url":"https://example.test/api/v0/environments/e1/users"}\n';

/** Inputs that hold no call: the library's reading of each, and the same text as a file for the CLI. */
const empty: [string, string, string, () => unknown[]][] = [
  ["an empty calls file", "calls.txt", "", () => parseCallsFile("").calls],
  [
    "a calls file of comments and blank lines",
    "comments.txt",
    "# none\n\n   \n",
    () => parseCallsFile("# x\n\n").calls,
  ],
  ["an empty JSON calls array", "calls.json", "[]", () => parseCallsFile("[]").calls],
  ["a HAR with no entries", "empty.har", harOf([]), () => readCalls(harOf([]))],
  [
    "a HAR of other hosts only",
    "other.har",
    harOf(["https://example.test/api/v0/environments/e1/users"]),
    () => readCalls(harOf(["https://example.test/api/v0/environments/e1/users"])),
  ],
  ["a log of other hosts only", "other.log", logLine, () => logCalls(logLine)],
  ["a log of blank lines", "blank.log", "\n\n", () => logCalls("\n\n")],
];
function readCalls(text: string): unknown[] {
  const r = readHar(text);
  return r.ok ? r.calls : ["not a HAR"];
}
function logCalls(text: string): unknown[] {
  const reader = createLogReader();
  for (const line of text.split("\n")) reader.line(line);
  return reader.finish().calls;
}

describe("a recording that holds no call proves nothing", () => {
  test.each(empty)("%s: the library says not sufficient, the CLI exits 1", async (_name, file, text, read) => {
    const calls = read();
    expect(calls).toEqual([]);
    expect(checkToken(scopes, calls).sufficient).toBe(false);
    expect(checkToken(list, calls).sufficient).toBe(false);
    const path = at(file, text);
    for (const token of [
      ["--scopes", scopes.join(",")],
      ["--token", at("list.json", JSON.stringify(list))],
    ]) {
      const r = await cli(["check", ...token, path]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("holds no calls, so there is nothing to vouch for (exit 1)");
    }
  });

  test("a recordCalls recorder that captured nothing: not sufficient, for a token and for a token list", () => {
    const recorder = recordCalls((async () => new Response()) as typeof fetch);
    expect(recorder.calls).toEqual([]);
    expect(checkToken(scopes, recorder.calls)).toMatchObject({ sufficient: false, calls: [] });
    expect(checkToken(list, recorder.calls)).toMatchObject({ sufficient: false });
    expect(checkToken(list, recorder.calls).tokens).toEqual([
      expect.objectContaining({ id: "t1", check: expect.objectContaining({ sufficient: false }) }),
      expect.objectContaining({ id: "t2", check: expect.objectContaining({ sufficient: false }) }),
    ]);
  });

  test("the same recorder once it captured a call: sufficient (so the rows above test emptiness, not the token)", async () => {
    const recorder = recordCalls((async () => new Response()) as typeof fetch);
    await recorder.fetch("https://app.dynamicauth.com/api/v0/environments/e1/users");
    expect(checkToken(scopes, recorder.calls).sufficient).toBe(true);
    expect(checkToken(list, recorder.calls).sufficient).toBe(true);
  });

  test("a token list with no tokens is never sufficient, whatever the calls", async () => {
    const calls = ["GET /environments/e1/users"];
    expect(checkToken({ tokens: [] }, calls)).toMatchObject({ kind: "tokens", sufficient: false, tokens: [] });
    const r = await cli(["check", "--token", at("none.json", '{"tokens":[]}'), at("one.txt", `${calls[0]}\n`)]);
    expect(r.code).toBe(1);
  });
});
