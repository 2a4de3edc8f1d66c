// The page's state in a link: what survives it, and a link that is damaged, cut short or from another version,
// which is always a problem (the page shows a blocker), never a smaller answer read in silence. Rows marked
// "attack" are an outside attacker's repros.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dynamicCatalog } from "../../src/index.js";
import { endpointKey, lookup, planFor, scopes, type WizardCall } from "../../wizard/core.js";
import { linkCalls, linkInput } from "../../wizard/inputs.js";
import { decodeState, emptyState, encodeState, type LinkState } from "../../wizard/permalink.js";
import { numRuns, timeout } from "../helpers/fc.js";

const state: LinkState = {
  calls: "GET /environments/e1/users\nUsersApi.getUser",
  files: [{ name: "session.har", calls: ["GET /environments/:environmentId/users", { method: "GET", url: "x" }] }],
  picked: ["environment.users.read"],
  compare: ["environment.users.read", "environment.users.wrte"],
  note: "ci token ' \" <b>",
  environmentId: "e1",
  baseUrl: dynamicCatalog.baseUrls[1]!,
};

const enc = (parts: Record<string, string>): string => new URLSearchParams(parts).toString();
const files = (value: unknown): string =>
  enc({ v: "2", calls: "GET /environments/e/users", files: JSON.stringify(value), end: "1" });
const full = encodeState({
  ...emptyState(),
  calls: "GET /environments/e/users",
  files: [{ name: "session.har", calls: ["DELETE /environments/:environmentId/tokens/:tokenId", "POST /x"] }],
  environmentId: "env-0123456789",
});

describe("a state survives its link", () => {
  test("every field, and the empty state; an anchor (#need) is not a link", () => {
    expect(decodeState(`#${encodeState(state)}`)).toEqual({ state, problems: [] });
    expect(decodeState(encodeState(emptyState()))).toEqual({ state: emptyState(), problems: [] });
    for (const anchor of ["", "#", "#need"]) expect(decodeState(anchor)).toEqual({ state: emptyState(), problems: [] });
    expect(encodeState(state)).toMatch(/^v=2&.*&end=1$/);
  });

  test("every catalog endpoint's template, as a link holds it, is read back as that endpoint", () => {
    for (const s of scopes)
      for (const e of s.endpoints) {
        const r = lookup(`${e.method} ${e.path}`);
        expect(r.status === "matched" && endpointKey(r.endpoint), endpointKey(e)).toBe(endpointKey(e));
      }
  });
});

describe("a damaged link is a problem, never a smaller answer in silence", () => {
  test.each([
    ["attack: files= JSON cut short", full.slice(0, full.indexOf("&env") - 6), /calls from files could not be read/],
    ["attack: cut inside a file's calls", full.slice(0, full.indexOf("POST")), /calls from files could not be read/],
    ["cut before the end mark", full.slice(0, full.indexOf("&end")), /does not end where this page ends a link/],
    ["cut inside the environment ID", full.slice(0, full.indexOf("env-0") + 7), /does not end/],
    ["attack: v=2 with no end mark", "v=2&calls=GET+/environments/e/users", /does not end/],
    ["attack: no version", "calls=GET+/environments/e/users%0ADELETE+/environments/e/tokens/t", /names no version/],
    ["another version", "v=3&calls=GET+/environments/e/users&end=1", /version "3"\): nothing was read/],
    ["an earlier version (no end mark)", "v=1&calls=GET+/environments/e/users", /earlier version of this page/],
    [
      "attack: v given twice",
      "v=2&calls=GET+/environments/e/users&pick=environment.users.read&v=3&end=1",
      /v more than once/,
    ],
    ["calls given twice", "v=2&calls=GET+/a&calls=DELETE+/environments/e/tokens/t&end=1", /calls more than once/],
    ["a part this page does not know", "v=2&calls=GET+/a&scopes=x&end=1", /does not know: "scopes"/],
    ["parts after the end mark", "v=2&end=1&calls=GET+/a", /does not end/],
    ["attack: a file with no calls", files([{ name: "a.har", calls: [] }, { name: "b.har" }]), /file 2 in the link/],
    [
      "attack: a file with an unknown part",
      files([{ name: "a.har", calls: [], extra: 1 }]),
      /does not know \("extra"\)/,
    ],
    ["attack: a file with counts", files([{ name: "a.har", calls: [], counts: [3] }]), /does not know \("counts"\)/],
    ["a file's unreadable count", files([{ name: "a.har", calls: [], dropped: "many" }]), /count of calls not listed/],
    ["files not a list", files({ length: 100_000_000 }), /calls from files could not be read/],
    [
      "attack: unknown ticked names",
      enc({ v: "2", pick: "environment.users.read,__proto__", end: "1" }),
      /not Dynamic scopes/,
    ],
    ["a host not Dynamic's", enc({ v: "2", base: "https://evil.example/api/v0", end: "1" }), /API host is not one/],
    ["a note cut", enc({ v: "2", note: "x".repeat(1001), end: "1" }), /note was cut at 1,000/],
    ["an environment ID too long", enc({ v: "2", env: "e".repeat(201), end: "1" }), /environment ID is longer/],
    ["calls cut", enc({ v: "2", calls: "x".repeat(1_000_001), end: "1" }), /typed calls was cut/],
  ])("%s", (_name, fragment, problem) => {
    const { problems } = decodeState(`#${fragment}`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test("what cannot be read is not guessed: a long environment ID is dropped, unknown ticks are not ticked", () => {
    const { state: s } = decodeState(enc({ v: "2", env: "e".repeat(201), pick: "environment.users.read,x", end: "1" }));
    expect(s.environmentId).toBe("");
    expect(s.picked).toEqual(["environment.users.read"]);
    // A value in a file's calls stays a call, whatever it is: the plan reports it, the link needs not.
    expect(decodeState(files([{ name: "a.har", calls: ["DELETE /x", 7] }])).problems).toEqual([]);
  });

  test(
    "a link cut anywhere is a problem, or holds nothing at all",
    () => {
      fc.assert(
        fc.property(fc.nat(), (at) => {
          const cut = full.slice(0, 1 + (at % (full.length - 1)));
          const r = decodeState(cut);
          if (r.problems.length === 0) expect(r.state).toEqual(emptyState());
        }),
        { numRuns },
      );
    },
    timeout,
  );
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
        const input = linkInput("f", "f.har", values);
        const linked = { ...emptyState(), files: [{ name: "f.har", calls: linkCalls(input) }] };
        const back = linkInput("f", "f.har", decodeState(encodeState(linked)).state.files[0]!.calls);
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
