// The wizard's reading of dropped files, in Node: the same functions the page runs. Typed calls:
// typed-calls.test.ts; links: permalink.test.ts.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { detectFormat } from "../../src/node/detect-format.js";
import { lookup } from "../../wizard/core.js";
import {
  classifyFile,
  readCallsText,
  readHarText,
  readJsonText,
  readLogStream,
  readWholeText,
} from "../../wizard/inputs.js";
import { root } from "../helpers/cli.js";

describe("files", () => {
  test.each([
    ["a.har", "{}", "har"],
    ["calls.txt", "GET /x", "calls"],
    ["worker.ts", "import x", "source"],
    ["App.vue", "<template>", "source"],
    ["access.log", "", "log"],
    ["proxy.txt", `1.2.3.4 - - [27/Nov/2026:09:14:01 +0000] "GET /x HTTP/1.1" 200 1`, "log"],
    ["lines", `{"method":"GET","url":"https://app.dynamicauth.com/api/v0/eventTypes"}`, "log"],
    ["export", `{\n  "log": {`, "json"],
    ["token", `{ "token": { "scopes": [] } }`, "json"],
    ["calls.json", `["GET /x"]`, "json"],
    ["image.png", "\u0089PNG\u0000\u0000", "binary"],
    ["envoy.txt", readFileSync(`${root}test/fixtures/logs/envoy.log`, "utf8"), "log"],
    ["alb.txt", readFileSync(`${root}test/fixtures/logs/alb.log`, "utf8"), "log"],
    ["calls.txt", "# c\u0085DELETE /environments/e/tokens/t\nGET /x", "calls"],
  ])("%s is %s", (name, head, kind) => {
    expect(classifyFile(name, head)).toBe(kind);
  });

  test("calls, logs and HARs are told apart as the CLI tells them (detectFormat)", () => {
    const heads = [
      ...["envoy", "alb", "istio", "nginx-json", "apache-combined", "apache-vhost"].map((f) =>
        readFileSync(`${root}test/fixtures/logs/${f}.log`, "utf8"),
      ),
      readFileSync(`${root}examples/deploy-calls.txt`, "utf8"),
      readFileSync(`${root}test/fixtures/browser-session.har`, "utf8"),
    ];
    const asCli = { log: "log", calls: "calls", har: "har", json: "har" } as Record<string, string>;
    for (const head of heads) expect(asCli[classifyFile("input", head)]).toBe(detectFormat("input", head));
  });

  test("a HAR of 20,000 entries folds into one call per endpoint, counts kept", () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => ({
      request: { method: "GET", url: `https://app.dynamicauth.com/api/v0/environments/e${i % 7}/users/${i}` },
    }));
    entries.push({ request: { method: "OPTIONS", url: "https://app.dynamicauth.com/api/v0/x" } });
    (entries[entries.length - 1] as unknown as { _resourceType: string })._resourceType = "preflight";
    const r = readHarText("f", "big.har", JSON.stringify({ log: { entries } }));
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]!.source.occurrences).toBe(20_000);
    expect(r.read).toBe("20,001 entries: 20,000 calls to Dynamic, 1 distinct call");
    expect(r.skipped).toEqual(["1 CORS preflight (the browser sends these without a token)"]);
  });

  test("an access log is read from chunks that split lines anywhere", async () => {
    const text = readFileSync(`${root}test/fixtures/access.log`, "utf8");
    async function* chunks(size: number) {
      for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
    }
    const whole = await readLogStream("a", "access.log", chunks(text.length));
    const split = await readLogStream("a", "access.log", chunks(7));
    expect(split).toEqual(whole);
    expect(whole.calls.length).toBeGreaterThan(0);
  });

  test("JSON documents: an array of calls, an array of scope names (a token), a token, and neither", () => {
    const calls = readJsonText("j", "calls.json", readFileSync(`${root}examples/calls.json`, "utf8"));
    expect(calls.kind).toBe("calls");
    expect(calls.calls.map((c) => lookup(c).status)).toEqual(["matched", "matched", "matched"]);
    expect(readJsonText("j", "s.json", `["environment.users.read"]`).kind).toBe("token");
    expect(readJsonText("j", "t.json", readFileSync(`${root}examples/token-ci.json`, "utf8")).kind).toBe("token");
    expect(readJsonText("j", "x.json", `{ "a": 1 }`).message?.tone).toBe("error");
    // A token that also lists calls (outside attack): the calls are not read, and that is a problem, not silence.
    expect(readJsonText("j", "t.json", `{ "scopes": [], "calls": ["DELETE /environments/e/tokens/t"] }`)).toMatchObject(
      {
        kind: "token",
        problems: [expect.stringMatching(/^its calls were not read/)],
      },
    );
    expect(readJsonText("j", "x.json", `[1, null, "GET /nowhere"]`).calls.map((c) => lookup(c).status)).toEqual([
      "invalid",
      "invalid",
      "unknown",
    ]);
    expect(
      readCallsText("c", "calls.txt", "\uFEFFGET /environments/e1/users\nGET /environments/e2/users").calls,
    ).toHaveLength(1);
  });
});

test("a file nested too deeply to read is unreadable, with why and where", () => {
  const deep = `{"log":{"entries":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
  // readHar refuses it itself (issue 9): no RangeError reaches the page.
  expect(readWholeText("d", "deep.har", "har", deep).message).toEqual({
    tone: "error",
    text: "line 1: not JSON: nested deeper than 512 levels",
  });
});
