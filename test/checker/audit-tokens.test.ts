import { describe, expect, test } from "vitest";
import {
  dynamicCatalog,
  auditTokens,
  createCalculator,
  InputError,
  parseCatalog,
  readLiveTokenList,
  reportFindings,
  sarifReport,
} from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

const NOW = Date.UTC(2026, 0, 31);
const ago = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const tok = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  checksum: "abc123",
  createdBy: { id: "u1" },
  createdAt: ago(10),
  note: `note of ${id}`,
  ...fields,
});

describe("auditTokens without calls", () => {
  test("a token's scopes with what each unlocks; a fine token passes", () => {
    const a = auditTokens(
      { tokens: [tok("t1", { scopes: ["environment.users.read", "environment.webhooks.read"] })] },
      { now: NOW },
    );
    expect(a.ok).toBe(true);
    expect(a.asOf).toBe("2026-01-31T00:00:00.000Z");
    expect(a.tokens[0]).toEqual({
      id: "t1",
      note: "note of t1",
      checksum: "abc123",
      createdAt: ago(10),
      ageDays: 10,
      scopeList: "listed",
      scopes: [
        {
          scope: "environment.webhooks.read",
          unlocks: 4,
          risk: dynamicCatalog.scope("environment.webhooks.read")!.risk,
        },
        { scope: "environment.users.read", unlocks: 14, risk: dynamicCatalog.scope("environment.users.read")!.risk },
      ],
      unknownScopes: [],
      problems: [],
    });
  });

  test.each([
    ["no scopes field", {}, "absent"],
    ["scopes: null", { scopes: null }, "absent"],
    ["scopes: []", { scopes: [] }, "empty"],
    ["scopes: a string", { scopes: "all" }, "malformed"],
    ["scopes: an object", { scopes: { read: true } }, "malformed"],
  ])("%s is unrestricted or unknown: an error, never fine", (_, fields, scopeList) => {
    const a = auditTokens({ tokens: [tok("t1", fields)] }, { now: NOW });
    expect(a.ok).toBe(false);
    expect(a.tokens[0]!.scopeList).toBe(scopeList);
    expect(a.tokens[0]!.problems).toEqual(["unrestricted"]);
    expect(
      reportFindings({ result: { kind: "audit", environment: "e1", audit: a } }).map((f) => [f.ruleId, f.level]),
    ).toEqual([["unrestricted-token", "error"]]);
  });

  test("unknown scope names (all.read, a typo) and entries that are not strings fail, with a guess where there is one", () => {
    const a = auditTokens(
      {
        tokens: [
          tok("t1", { scopes: ["environment.users.read", "all.read", "environment.user.read", 42, null, { a: 1 }] }),
        ],
      },
      { now: NOW },
    );
    expect(a.ok).toBe(false);
    expect(a.tokens[0]!.problems).toEqual(["unknown-scope"]);
    expect(a.tokens[0]!.scopes.map((s) => s.scope)).toEqual(["environment.users.read"]);
    expect(a.tokens[0]!.unknownScopes).toEqual([
      { scope: "all.read" },
      { scope: "environment.user.read", didYouMean: "environment.users.read" },
      { scope: "42" },
      { scope: "null" },
      { scope: '{"a":1}' },
    ]);
  });

  test("age: over the limit fails with a rotation hint; the limit is configurable; no readable createdAt fails too", () => {
    const list = {
      tokens: [
        tok("fresh", { scopes: ["environment.users.read"], createdAt: ago(90) }),
        tok("old", { scopes: ["environment.users.read"], createdAt: ago(91) }),
        tok("none", { scopes: ["environment.users.read"], createdAt: undefined }),
        tok("garbage", { scopes: ["environment.users.read"], createdAt: "yesterday-ish" }),
        tok("number", { scopes: ["environment.users.read"], createdAt: 12345 }),
        tok("future", { scopes: ["environment.users.read"], createdAt: ago(-3) }),
      ],
    };
    const a = auditTokens(list, { now: NOW });
    expect(a.tokens.map((t) => [t.id, t.ageDays, t.problems])).toEqual([
      ["fresh", 90, []],
      ["old", 91, ["too-old"]],
      ["none", undefined, ["age-unknown"]],
      ["garbage", undefined, ["age-unknown"]],
      ["number", undefined, ["age-unknown"]],
      ["future", 0, []],
    ]);
    expect(auditTokens(list, { now: NOW, maxAgeDays: 5 }).tokens.map((t) => t.problems)).toContainEqual(["too-old"]);
    const messages = reportFindings({ result: { kind: "audit", environment: "e1", audit: a } }).map((f) => f.message);
    expect(messages).toContain(
      'token old "note of old" (…abc123): 91 days old, over the 90-day limit: create a new token and delete this one',
    );
  });

  test("an answer that looks paged, or has entries that are not tokens, is not whole: the audit fails", () => {
    const paged = auditTokens(
      { tokens: [tok("t1", { scopes: ["environment.users.read"] })], hasMore: true, total: 40 },
      { now: NOW },
    );
    expect(paged.ok).toBe(false);
    expect(paged.pagingHints).toEqual(['the answer has "hasMore": true', 'the answer says "total": 40 but lists 1']);
    const bad = auditTokens(
      { tokens: [tok("t1", { scopes: ["environment.users.read"] }), "t2", null, [1]] },
      { now: NOW },
    );
    expect(bad.ok).toBe(false);
    expect(bad.unreadable.map((u) => u.index)).toEqual([1, 2, 3]);
    const rules = reportFindings({ result: { kind: "audit", environment: "e1", audit: bad } }).map((f) => f.ruleId);
    expect(rules).toEqual(["incomplete-token-list", "incomplete-token-list", "incomplete-token-list"]);
    // A header hint (Link: rel="next") comes in as an option.
    expect(auditTokens({ tokens: [] }, { now: NOW, pagingHints: ["Link rel=next"] }).ok).toBe(false);
  });

  test("an answer that is not a token list at all is an InputError naming the path", () => {
    for (const body of [null, [], "x", { tokens: "t1" }, { token: {} }])
      expect(() => readLiveTokenList(body)).toThrow(InputError);
    expect(() => auditTokens({ tokens: { t1: {} } })).toThrow(/\$\.tokens: expected an array of tokens, found object/);
  });

  test("an empty environment is fine; results are plain data", () => {
    const a = auditTokens({ tokens: [] }, { now: NOW });
    expect(a.ok).toBe(true);
    expect(structuredClone(a)).toEqual(a);
  });

  test("fields of the wrong type are left out, and rawToken is never copied", () => {
    const a = auditTokens(
      {
        tokens: [
          {
            id: 7,
            note: { x: 1 },
            checksum: ["x"],
            rawToken: "dyn_secret",
            createdAt: ago(1),
            scopes: ["environment.users.read"],
          },
        ],
      },
      { now: NOW },
    );
    expect(a.tokens[0]).not.toHaveProperty("id");
    expect(a.tokens[0]).not.toHaveProperty("note");
    expect(JSON.stringify(a)).not.toContain("dyn_secret");
  });
});

describe("auditTokens against calls", () => {
  const calls = ["GET /environments/e1/users", "POST /environments/e1/webhooks"];

  test("unused scopes make a token over-privileged; missing ones are listed with what to add", () => {
    const a = auditTokens(
      {
        tokens: [
          tok("exact", { scopes: ["environment.users.read", "environment.webhooks.write"] }),
          tok("wide", {
            scopes: ["environment.users.read", "environment.webhooks.write", "environment.settings.write"],
          }),
          tok("narrow", { scopes: ["environment.users.read"] }),
        ],
      },
      { now: NOW, calls },
    );
    expect(a.minimal?.scopes).toEqual(["environment.users.read", "environment.webhooks.write"]);
    const [exact, wide, narrow] = a.tokens;
    expect(exact!.problems).toEqual([]);
    expect(exact!.remove).toEqual([]);
    expect(wide!.problems).toEqual(["over-privileged"]);
    expect(wide!.unused).toEqual([
      { scope: "environment.settings.write", unlocks: 54, risk: expect.objectContaining({ level: "critical" }) },
    ]);
    expect(wide!.remove).toEqual(["environment.settings.write"]);
    // Missing scopes are listed, but a token for other calls is not an error of the audit.
    expect(narrow!.problems).toEqual([]);
    expect(narrow!.missing?.map((m) => m.call)).toEqual(["POST /environments/e1/webhooks"]);
    expect(narrow!.add).toEqual(["environment.webhooks.write"]);
    expect(a.ok).toBe(false);
    const messages = reportFindings({ result: { kind: "audit", environment: "e1", audit: a } }).map((f) => f.message);
    expect(messages).toEqual([
      'token wide "note of wide" (…abc123): environment.settings.write is granted but no call needs it; it unlocks 54 endpoints for nothing',
    ]);
  });

  test("calls that are not identified leave the audit unable to vouch: ok is false", () => {
    const a = auditTokens(
      { tokens: [tok("t1", { scopes: ["environment.users.read"] })] },
      {
        now: NOW,
        calls: ["GET /environments/e1/users", "GET /environments/e1/nothing-here"],
      },
    );
    expect(a.tokens[0]!.problems).toEqual([]);
    expect(a.minimal?.complete).toBe(false);
    expect(a.ok).toBe(false);
  });

  test("a scope broader than the calls need (an implying scope) is over-privileged, with the narrower one to add", () => {
    const calc = createCalculator(
      parseCatalog(
        makeCatalog(
          {
            "items.read": [["GET", "/items"]],
            "items.write": [
              ["POST", "/items"],
              ["DELETE", "/items/:id"],
            ],
            "other.read": [["GET", "/other"]],
          },
          { "items.write": ["items.read"] },
        ),
      ),
    );
    const a = calc.auditTokens(
      { tokens: [tok("t1", { scopes: ["items.write"] })] },
      { now: NOW, calls: ["GET /items"] },
    );
    expect(a.tokens[0]).toMatchObject({
      problems: ["over-privileged"],
      unused: [],
      broader: { holds: ["items.write"], unlocks: 3, instead: ["items.read"], insteadUnlocks: 1 },
      remove: ["items.write"],
      add: ["items.read"],
    });
    // Equal alternatives are not broader: a tie is no over-privilege.
    const b = calc.auditTokens(
      { tokens: [tok("t1", { scopes: ["items.read"] })] },
      { now: NOW, calls: ["GET /items"] },
    );
    expect(b.tokens[0]!.problems).toEqual([]);
    expect(
      sarifReport({ result: { kind: "audit", environment: "e1", audit: a } }).runs[0]!.results.map((r) => r.ruleId),
    ).toEqual(["broader-scope"]);
  });

  test("bad options are RangeErrors, not wrong answers", () => {
    expect(() => auditTokens({ tokens: [] }, { now: Number.NaN })).toThrow(RangeError);
    expect(() => auditTokens({ tokens: [] }, { maxAgeDays: -1 })).toThrow(RangeError);
  });
});
