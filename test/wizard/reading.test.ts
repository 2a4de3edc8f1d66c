// The wizard's reading of calls, files and links, in Node: the same functions the page runs.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dynamicCatalog } from "../../src/index.js";
import { endpointKey, lookup, planFor, scopes, type WizardCall } from "../../wizard/core.js";
import {
  classifyFile,
  linkCalls,
  linkInput,
  readCallsText,
  readHarText,
  readJsonText,
  readLogStream,
  readWholeText,
} from "../../wizard/inputs.js";
import { decodeState, emptyState, encodeState, type LinkState } from "../../wizard/permalink.js";
import { readTypedCalls, replaceLine } from "../../wizard/typed-calls.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { root } from "../helpers/cli.js";

const first = (line: string) => {
  const [c] = readTypedCalls(line);
  return { call: c?.call, note: c?.source.note, operation: c?.source.operation, status: c && lookup(c.call).status };
};

describe("typed lines", () => {
  test.each([
    ["GET /environments/e1/users", "GET /environments/e1/users", undefined, undefined],
    [
      "https://app.dynamicauth.com/api/v0/environments/e1/users",
      "GET https://app.dynamicauth.com/api/v0/environments/e1/users",
      "no method given: read as GET",
      undefined,
    ],
    ["/environments/e1/webhooks", "GET /environments/e1/webhooks", "no method given: read as GET", undefined],
    [
      "UsersApi.getEnvironmentUsers",
      { method: "GET", path: "/environments/{environmentId}/users" },
      undefined,
      "UsersApi.getEnvironmentUsers",
    ],
    [
      "usersApi.getEnvironmentUsers",
      { method: "GET", path: "/environments/{environmentId}/users" },
      "read as UsersApi.getEnvironmentUsers",
      "UsersApi.getEnvironmentUsers",
    ],
    [
      "const { users } = await usersApi.getEnvironmentUsers({ environmentId });",
      { method: "GET", path: "/environments/{environmentId}/users" },
      "read as UsersApi.getEnvironmentUsers",
      "UsersApi.getEnvironmentUsers",
    ],
    [
      "await new WebhooksApi(config).getWebhooks({ environmentId })",
      { method: "GET", path: "/environments/{environmentId}/webhooks" },
      undefined,
      "WebhooksApi.getWebhooks",
    ],
    [
      "await this.dynamic.getWebhooksRaw({ environmentId })",
      { method: "GET", path: "/environments/{environmentId}/webhooks" },
      "read as WebhooksApi.getWebhooks",
      "WebhooksApi.getWebhooks",
    ],
  ])("%s", (line, call, note, operation) => {
    const r = first(line);
    expect(r.call).toEqual(call);
    expect(r.note).toBe(note);
    expect(r.operation).toBe(operation);
    expect(r.status).toBe("matched");
  });

  test("an SDK name the SDK lacks stays a call the library cannot identify, with a did-you-mean", () => {
    const r = first("UsersApi.getEnvironmentUserz");
    expect(r.status).toBe("invalid");
    expect(r.note).toMatch(
      /has no operation UsersApi\.getEnvironmentUserz; did you mean UsersApi\.getEnvironmentUsers\?/,
    );
    expect(first("console.log(x)").status).toBe("invalid");
  });

  test("blank lines and comments are skipped; lines keep their numbers", () => {
    const calls = readTypedCalls("# note\n\n// also a note\r\nGET /environments/e1/users\n  \n<b>hi</b>");
    expect(calls.map((c) => [c.source.line, c.call])).toEqual([
      [4, "GET /environments/e1/users"],
      [6, "<b>hi</b>"],
    ]);
    expect(replaceLine("a\nb\nc", 2, "B")).toBe("a\nB\nc");
    expect(replaceLine("a", 5, "B")).toBe("a");
  });

  test(
    "fail closed: every line that is not blank or a comment is a call, and a plan over it is complete only if each is identified",
    () => {
      fc.assert(
        fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }), (lines) => {
          const text = lines.join("\n");
          const calls = readTypedCalls(text);
          const kept = text
            .split(/\r\n|\r|\n/)
            .map((l) => l.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, ""))
            .filter((l) => l !== "" && !l.startsWith("#") && !l.startsWith("//"));
          expect(calls.length).toBe(kept.length);
          const plan = planFor(calls);
          expect(plan.complete).toBe(calls.every((c) => lookup(c.call).status === "matched"));
          expect(plan.unidentified.length).toBe(calls.filter((c) => lookup(c.call).status !== "matched").length);
        }),
        { numRuns },
      );
    },
    timeout,
  );
});

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
  ])("%s is %s", (name, head, kind) => {
    expect(classifyFile(name, head)).toBe(kind);
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
    expect(calls.calls.map((c) => lookup(c.call).status)).toEqual(["matched", "matched", "matched"]);
    expect(readJsonText("j", "s.json", `["environment.users.read"]`).kind).toBe("token");
    expect(readJsonText("j", "t.json", readFileSync(`${root}examples/token-ci.json`, "utf8")).kind).toBe("token");
    expect(readJsonText("j", "x.json", `{ "a": 1 }`).message?.tone).toBe("error");
    expect(readJsonText("j", "x.json", `[1, null, "GET /nowhere"]`).calls.map((c) => lookup(c.call).status)).toEqual([
      "invalid",
      "invalid",
      "unknown",
    ]);
    expect(
      readCallsText("c", "calls.txt", "\uFEFFGET /environments/e1/users\nGET /environments/e2/users").calls,
    ).toHaveLength(1);
  });
});

describe("links", () => {
  const state: LinkState = {
    calls: "GET /environments/e1/users\nusersApi.getUser",
    files: [{ name: "session.har", calls: ["GET /environments/:environmentId/users", { method: "GET", url: "x" }] }],
    picked: ["environment.users.read"],
    compare: ["environment.users.read", "environment.users.wrte"],
    note: "ci token ' \" <b>",
    environmentId: "e1",
    baseUrl: dynamicCatalog.baseUrls[1]!,
  };

  test("a state survives the link", () => {
    expect(decodeState(`#${encodeState(state)}`)).toEqual({ state, problems: [] });
    expect(decodeState(encodeState(emptyState()))).toEqual({ state: emptyState(), problems: [] });
    expect(decodeState("")).toEqual({ state: emptyState(), problems: [] });
  });

  test("a hostile link cannot pick the host, tick unknown scopes, or grow without bound", () => {
    const p = new URLSearchParams({
      v: "1",
      base: "https://evil.example/api/v0",
      pick: "environment.users.read,root.everything",
      files: "{",
      note: "x".repeat(10_000),
    });
    const { state: s, problems } = decodeState(p.toString());
    expect(s.baseUrl).toBe(dynamicCatalog.baseUrls[0]);
    expect(s.picked).toEqual(["environment.users.read"]);
    expect(s.note).toHaveLength(1000);
    expect(problems).toEqual([
      "the link's API host is not one of Dynamic's; https://app.dynamicauth.com/api/v0 is used",
      "the link's calls from files could not be read",
    ]);
    expect(decodeState("#v=2&calls=x").problems).toEqual(["the link is not one this page made"]);
  });

  test("every catalog endpoint's template, as a link holds it, is read back as that endpoint", () => {
    for (const s of scopes)
      for (const e of s.endpoints) {
        const r = lookup(`${e.method} ${e.path}`);
        expect(r.status === "matched" && endpointKey(r.endpoint), endpointKey(e)).toBe(endpointKey(e));
      }
  });

  test(
    "fail closed through a link: a call from a file has the same status after the link as before",
    () => {
      const call = fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.record({
          method: fc.constantFrom("GET", "POST", "get", "G T", ""),
          url: fc.oneof(
            fc.string({ maxLength: 40 }).map((p) => `https://app.dynamicauth.com/api/v0/${p}`),
            fc.string({ maxLength: 40 }),
          ),
        }),
        fc.jsonValue({ maxDepth: 2 }),
        // Shaped like a sourced call: the library unwraps one level, and must do so the same after the link.
        fc.record({
          call: fc.constantFrom("GET /environments/e1/users", "GET /x", 3),
          source: fc.constant({ file: "f" }),
        }),
      );
      fc.assert(
        fc.property(fc.array(call, { maxLength: 5 }), (values) => {
          const input = linkInput("f", "f.har", values as WizardCall["call"][]);
          const state = { ...emptyState(), files: [{ name: "f.har", calls: linkCalls(input) }] };
          const back = linkInput("f", "f.har", decodeState(encodeState(state)).state.files[0]!.calls);
          const statuses = (calls: readonly WizardCall[]) => planFor(calls).calls.map((c) => c.result.status);
          expect(statuses(back.calls)).toEqual(statuses(input.calls));
          // Each call is read the same way by requiredScopes as by a plan.
          expect(input.calls.map((c) => lookup(c).status)).toEqual(statuses(input.calls));
        }),
        { numRuns },
      );
    },
    timeout,
  );
});

test("a file nested too deeply to read is unreadable, with why and where", () => {
  const deep = `{"log":{"entries":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
  // readHar refuses it itself (issue 9): no RangeError reaches the page.
  expect(readWholeText("d", "deep.har", "har", deep).message).toEqual({
    tone: "error",
    text: "line 1: not JSON: nested deeper than 512 levels",
  });
});
