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
      ["future", undefined, ["age-unknown"]],
    ]);
    expect(auditTokens(list, { now: NOW, maxAgeDays: 5 }).tokens.map((t) => t.problems)).toContainEqual(["too-old"]);
    const messages = reportFindings({ result: { kind: "audit", environment: "e1", audit: a } }).map((f) => f.message);
    expect(messages).toContain(
      'token old "note of old" (…abc123): 91 days old, over the 90-day limit: create a new token and delete this one',
    );
  });

  // NOW is 2026-01-31T00:00:00Z.
  test.each([
    ["ISO 8601 with Z", "2026-01-21T00:00:00Z", 10],
    ["with milliseconds", "2026-01-21T12:30:00.123Z", 9],
    ["with an offset", "2026-01-21T02:00:00+02:00", 10],
    ["a few minutes ahead of the clock (drift)", "2026-01-31T00:04:00Z", 0],
    ["in the future", "2999-01-01T00:00:00Z", undefined],
    ["an hour ahead", "2026-01-31T01:00:00Z", undefined],
    ["an expanded year", "+275760-09-13T00:00:00Z", undefined],
    ["not ISO", "Sun Nov 29 2026", undefined],
    ["a day that does not exist", "2026-02-31T00:00:00Z", undefined],
    ["no zone", "2026-01-21T00:00:00", undefined],
    ["a date alone", "2026-01-21", undefined],
    ["an hour of 24", "2026-01-21T24:00:00Z", undefined],
    ["spaces around", " 2026-01-21T00:00:00Z", undefined],
  ])("createdAt %s (%s): age %s", (_, createdAt, ageDays) => {
    const a = auditTokens({ tokens: [tok("t1", { scopes: ["environment.users.read"], createdAt })] }, { now: NOW });
    expect(a.tokens[0]!.ageDays).toBe(ageDays);
    expect(a.tokens[0]!.problems).toEqual(ageDays === undefined ? ["age-unknown"] : []);
    expect(a.ok).toBe(ageDays !== undefined);
  });

  test("an answer that looks paged, or has entries that are not tokens, is not whole: the audit fails", () => {
    const paged = auditTokens(
      { tokens: [tok("t1", { scopes: ["environment.users.read"] })], hasMore: true, total: 40 },
      { now: NOW },
    );
    expect(paged.ok).toBe(false);
    expect(paged.pagingHints).toEqual([
      'the answer\'s "hasMore" is true',
      'the answer\'s "total" says 40 but the list has 1',
    ]);
    const bad = auditTokens(
      { tokens: [tok("t1", { scopes: ["environment.users.read"] }), "t2", null, [1]] },
      { now: NOW },
    );
    expect(bad.ok).toBe(false);
    expect(bad.unreadable.map((u) => u.index)).toEqual([1, 2, 3]);
    const rules = reportFindings({ result: { kind: "audit", environment: "e1", audit: bad } }).map((f) => f.ruleId);
    expect(rules).toEqual(["incomplete-token-list", "incomplete-token-list", "incomplete-token-list"]);
    // A header hint (Link: rel="next") comes in as an option.
    const whole = { tokens: [tok("t1", { scopes: ["environment.users.read"] })] };
    expect(auditTokens(whole, { now: NOW }).ok).toBe(true);
    expect(auditTokens(whole, { now: NOW, pagingHints: ["Link rel=next"] }).ok).toBe(false);
  });

  // Each body lists one token (t1); anything that says the list may be partial fails the audit.
  const one = tok("t1", { scopes: ["environment.users.read"] });
  test.each([
    ["a Link-less body with hasMore", { hasMore: true }, 'the answer\'s "hasMore" is true'],
    ["HasMore, in another case", { HasMore: 1 }, 'the answer\'s "HasMore" is 1'],
    ["hasMore as a string", { has_more: "false" }, 'the answer\'s "has_more" is "false"'],
    ["total as a string", { total: "5" }, 'the answer\'s "total" says "5" but the list has 1'],
    ["a count larger than the list", { item_count: 7 }, 'the answer\'s "item_count" says 7 but the list has 1'],
    ["pagination.hasMore", { pagination: { hasMore: true } }, 'the answer\'s "pagination.hasMore" is true'],
    ["meta.next", { meta: { next: "/tokens?page=2" } }, 'the answer\'s "meta.next" is "/tokens?page=2"'],
    ["links.next", { links: { next: "/x" } }, 'the answer\'s "links.next" is "/x"'],
    ["_links.next as an object", { _links: { next: { href: "/x" } } }, 'the answer has "_links.next": {"href":"/x"}'],
    ["nextPageToken", { nextPageToken: "abc" }, 'the answer\'s "nextPageToken" is "abc"'],
    ["totalPages", { totalPages: 1 }, 'the answer\'s "totalPages" is 1'],
    ["offset 0 and a limit", { offset: 0 }, 'the answer\'s "offset" is 0'],
    ["a cursor deep down", { a: { b: { c: { cursor: "x" } } } }, 'the answer\'s "a.b.c.cursor" is "x"'],
    ["a list of links", { links: [{ rel: "next" }] }, 'the answer\'s "links" is [{"rel":"next"}]'],
    ["a pagination object that says nothing more", { pagination: { size: 50 } }, 'the answer has "pagination"'],
    ["@odata.nextLink", { "@odata.nextLink": "/x" }, 'the answer\'s "[\\"@odata.nextLink\\"]" is "/x"'],
  ])("paged: %s", (_, extra, hint) => {
    const a = auditTokens({ tokens: [one], ...extra }, { now: NOW });
    expect(a.ok).toBe(false);
    expect(a.pagingHints[0]).toContain(hint);
    const findings = reportFindings({ result: { kind: "audit", environment: "e1", audit: a } });
    expect(findings.map((f) => f.ruleId)).toContain("incomplete-token-list");
  });

  test.each([
    ["a total equal to the list", { total: 1, meta: { totalCount: "1" } }],
    ["hasMore false, next null or empty", { hasMore: false, next: null, nextCursor: "", links: {} }],
    ["keys that only look like paging", { accountId: "a1", discount: 3, environmentId: "e1" }],
  ])("whole: %s", (_, extra) => {
    const a = auditTokens({ tokens: [one], ...extra }, { now: NOW });
    expect(a.pagingHints).toEqual([]);
    expect(a.ok).toBe(true);
  });

  test("an empty list proves nothing (the auditing token is in some list); deep or endless hints are bounded", () => {
    const empty = auditTokens({ tokens: [] }, { now: NOW });
    expect(empty.ok).toBe(false);
    expect(empty.pagingHints).toEqual([
      "the answer lists no tokens, though the token that asked for the list is itself in one: " +
        "an empty list proves nothing",
    ]);
    let deep: unknown = { x: 1 };
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(auditTokens({ tokens: [one], deep }, { now: NOW }).pagingHints).toEqual([
      'the answer nests deeper than 8 levels at "deep.d.d.d.d.d.d.d.d", where paging may hide',
    ]);
    const many = Object.fromEntries([...Array(100).keys()].map((i) => [`next${i}`, i]));
    const hints = auditTokens({ tokens: [one], ...many }, { now: NOW }).pagingHints;
    expect(hints).toHaveLength(20);
    expect(hints[19]).toBe("and 81 more");
  });

  test("an answer that is not a token list at all is an InputError naming the path", () => {
    for (const body of [null, [], "x", { tokens: "t1" }, { token: {} }])
      expect(() => readLiveTokenList(body)).toThrow(InputError);
    expect(() => auditTokens({ tokens: { t1: {} } })).toThrow(/\$\.tokens: expected an array of tokens, found object/);
  });

  test("results are plain data", () => {
    const a = auditTokens({ tokens: [tok("t1", { scopes: ["environment.users.read"] })] }, { now: NOW });
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
