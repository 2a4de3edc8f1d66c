import { afterAll, describe, expect, test } from "vitest";
import {
  ApiError,
  createToken,
  createTokensClient,
  identifyToken,
  introspectToken,
  listTokens,
  type TransportOptions,
} from "../../../src/node/index.js";
import {
  CHECKSUM,
  dynamicLike,
  leaksSecret,
  SECRET,
  startFake,
  token,
  type Answer,
  type Handler,
} from "../../helpers/fake-dynamic.js";

/** Every message an error carried in this file: none may hold the secret. */
const seen: string[] = [];
afterAll(() => {
  for (const m of seen) {
    expect(m).not.toContain(SECRET);
    expect(m).not.toContain(SECRET.slice(0, 20));
  }
});

const waits: number[] = [];
const FAST: TransportOptions = {
  // Long enough for a loaded CI machine; the tests of deadlines set their own.
  timeoutMs: 3000,
  retries: 2,
  backoffMs: 1,
  maxRetryAfterMs: 5_000,
  sleep: async (ms) => void waits.push(ms),
};

const withFake = async <T>(
  handler: Handler,
  run: (url: string) => Promise<T>,
): Promise<{ value: T; received: number }> => {
  const fake = await startFake(handler);
  try {
    const value = await run(fake.url);
    return { value, received: fake.received.length };
  } finally {
    await fake.close();
  }
};

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    seen.push((error as ApiError).message);
    return error as ApiError;
  }
  throw new Error("expected a failure");
};

const list = (answer: Answer | ((n: number) => Answer), options: TransportOptions = {}) =>
  withFake(
    (_, n) => (typeof answer === "function" ? answer(n) : answer),
    async (url) =>
      failure(listTokens(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST, ...options }), "env1")).catch(
        (e: Error) => e,
      ),
  );

describe("the real SDK client against a local Dynamic", () => {
  test("getTokens: the SDK's path and bearer auth; tokens read as the SDK's Token model has them", async () => {
    const fake = await startFake(
      dynamicLike({ tokens: [token({ id: "t1", scopes: ["environment.users.read"] }), token({ id: "t2" })] }),
    );
    try {
      const client = await createTokensClient({ token: SECRET, apiUrl: fake.url, ...FAST });
      const listed = await listTokens(client, "env1");
      expect(fake.received[0]).toMatchObject({ method: "GET", url: "/api/v0/environments/env1/tokens" });
      expect(fake.received[0]!.authorization).toBe(`Bearer ${SECRET}`);
      expect(listed.list.tokens.map((t) => [t.id, t.scopeList, t.scopes])).toEqual([
        ["t1", "listed", ["environment.users.read"]],
        ["t2", "absent", []],
      ]);
      expect(listed.headerHints).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  test("postToken: { note, scopes } as the SDK sends them; the new secret joins the client's secrets", async () => {
    const fake = await startFake(dynamicLike({ tokens: [] }));
    try {
      const client = await createTokensClient({ token: SECRET, apiUrl: fake.url, ...FAST });
      const created = await createToken(client, "env1", { note: "deploy", scopes: ["environment.users.read"] });
      expect(fake.received[0]).toMatchObject({ method: "POST", url: "/api/v0/environments/env1/tokens" });
      expect(JSON.parse(fake.received[0]!.body)).toEqual({ note: "deploy", scopes: ["environment.users.read"] });
      expect(created.token).toMatchObject({ id: "t-new", note: "deploy", scopes: ["environment.users.read"] });
      expect(created.token).not.toHaveProperty("rawToken");
      expect(client.secrets).toContain(created.secret);
    } finally {
      await fake.close();
    }
  });

  test("GET /tokens/me with the same auth: a token, or a 404 that is an answer", async () => {
    const me = token({ id: "t1", scopes: ["environment.users.read"] });
    const found = await withFake(dynamicLike({ tokens: [], me: { token: me } }), async (url) =>
      introspectToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST })),
    );
    expect(found.value).toMatchObject({ found: true, token: { id: "t1" } });
    const missing = await withFake(dynamicLike({ tokens: [] }), async (url) =>
      introspectToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST })),
    );
    expect(missing.value).toMatchObject({ found: false, status: 404 });
  });

  test("identify: on a 404, the environment's list by checksum (the secret's last 6), or by id", async () => {
    const tokens = [
      token({ id: "t1", checksum: "zzzzzz", scopes: [] }),
      token({ id: "t2", checksum: CHECKSUM, scopes: ["environment.users.read"] }),
    ];
    const byChecksum = await withFake(dynamicLike({ tokens }), async (url) =>
      identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), { environmentId: "env1" }),
    );
    expect(byChecksum.value).toMatchObject({ by: "checksum", token: { id: "t2" } });
    const byId = await withFake(dynamicLike({ tokens }), async (url) =>
      identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), {
        environmentId: "env1",
        tokenId: "t2",
      }),
    );
    expect(byId.value).toMatchObject({ by: "id", token: { id: "t2" } });
    const wrongId = await withFake(dynamicLike({ tokens }), async (url) =>
      failure(
        identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), {
          environmentId: "env1",
          tokenId: "t1",
        }),
      ),
    );
    expect(wrongId.value.message).toMatch(/token t1 has checksum …zzzzzz, but DYNAMIC_API_TOKEN ends …/);
    const none = await withFake(dynamicLike({ tokens: [tokens[0]!] }), async (url) =>
      failure(
        identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), { environmentId: "env1" }),
      ),
    );
    expect(none.value.message).toMatch(/no token in environment env1's list of 1 tokens has checksum/);
    const twice = await withFake(dynamicLike({ tokens: [tokens[1]!, tokens[1]!] }), async (url) =>
      failure(
        identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), { environmentId: "env1" }),
      ),
    );
    expect(twice.value.message).toMatch(/2 tokens .* pass --token-id ID/);
    const noEnv = await withFake(dynamicLike({ tokens }), async (url) =>
      failure(identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), {})),
    );
    expect(noEnv.value.message).toMatch(/pass --environment ENV/);
  });
});

describe("bad answers: a clear message, the status, Dynamic's own words, bounded retries", () => {
  test.each([
    [
      401,
      { error: "Invalid token" },
      /Dynamic answered 401 Unauthorized: "Invalid token"; the API did not accept DYNAMIC_API_TOKEN/,
    ],
    [
      403,
      { error: "Forbidden resource" },
      /403 Forbidden: "Forbidden resource"; listing tokens needs environment.apiTokens.read/,
    ],
    [
      404,
      { error: "Environment not found", code: "not_found" },
      /404 Not Found: "Environment not found"; check --environment/,
    ],
    [400, "plain text complaint", /400 Bad Request: "plain text complaint"/],
  ])("%s is an http error, not retried", async (status, body, message) => {
    const { value, received } = await list({ status, body });
    expect(value).toMatchObject({ kind: "http", status });
    expect((value as Error).message).toMatch(message);
    expect(received).toBe(1);
  });

  test("429 with Retry-After is waited out (as asked), then the answer is used", async () => {
    waits.length = 0;
    const { value, received } = await withFake(
      (_, n) =>
        n === 1
          ? { status: 429, headers: { "retry-after": "2" }, body: { error: "slow down" } }
          : { body: { tokens: [] } },
      async (url) => listTokens(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1"),
    );
    expect(value.list.tokens).toEqual([]);
    expect(received).toBe(2);
    expect(waits).toEqual([2000]);
  });

  test("429 asking for longer than scopewise waits ends at once; 429 past the retries says so", async () => {
    const long = await list({ status: 429, headers: { "retry-after": "3600" }, body: { error: "quota" } });
    expect((long.value as Error).message).toMatch(
      /429 Too Many Requests: "quota"; rate limited; the API asks to wait 3600 s/,
    );
    expect(long.received).toBe(1);
    const always = await list({ status: 429, headers: { "retry-after": "0" } });
    expect((always.value as Error).message).toMatch(/429 Too Many Requests \(after 3 attempts\)/);
    expect(always.received).toBe(3);
  });

  test("5xx is retried a bounded number of times, then reported with the status", async () => {
    const flaky = await withFake(
      (_, n) => (n < 3 ? { status: 503, body: { error: "maintenance" } } : { body: { tokens: [] } }),
      async (url) => listTokens(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1"),
    );
    expect(flaky.received).toBe(3);
    const down = await list({ status: 502, body: "<html>bad gateway</html>" });
    expect(down.value).toMatchObject({ kind: "http", status: 502 });
    expect((down.value as Error).message).toMatch(
      /502 Bad Gateway: "<html>bad gateway<\/html>" \(after 3 attempts\); Dynamic had a server error/,
    );
    expect(down.received).toBe(3);
  });

  test("a POST is not retried after a 5xx (it may have created the token), only after a 429", async () => {
    const once = await withFake(
      () => ({ status: 500, body: { error: "oops" } }),
      async (url) =>
        failure(
          createToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1", {
            note: "n",
            scopes: [],
          }),
        ),
    );
    expect(once.received).toBe(1);
    expect(once.value.message).toMatch(/creating a token \(POST \/environments\/env1\/tokens\): Dynamic answered 500/);
    const limited = await withFake(
      () => ({ status: 429, body: { error: "slow" } }),
      async (url) =>
        failure(
          createToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1", {
            note: "n",
            scopes: [],
          }),
        ),
    );
    expect(limited.received).toBe(3);
  });

  test("a slow server times out (retried, bounded); a server that stalls mid-body times out too", async () => {
    const started = performance.now();
    const slow = await list({ delayMs: 2_000, body: { tokens: [] } }, { retries: 1, timeoutMs: 150 });
    expect(slow.value).toMatchObject({ kind: "timeout" });
    expect((slow.value as Error).message).toMatch(/no answer within 0\.2 s \(2 attempts\)/);
    const stalled = await list({ stallAfter: '{"tokens": [' }, { timeoutMs: 150 });
    expect(stalled.value).toMatchObject({ kind: "timeout" });
    expect((stalled.value as Error).message).toMatch(/no whole answer within/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("a server that closes the connection is a network error after bounded retries", async () => {
    const r = await list({ destroy: true });
    expect(r.value).toMatchObject({ kind: "network" });
    expect((r.value as Error).message).toMatch(/the server closed the connection \(3 attempts\)/);
    expect(r.received).toBe(3);
  });

  test("a connection dropped mid-answer, and a compressed bomb, end with a clear error", async () => {
    const dropped = await list({ closeAfter: '{"tokens": [{"id": "t1",' });
    expect(dropped.value).toMatchObject({ kind: "network" });
    expect((dropped.value as Error).message).toMatch(/the server closed the connection while reading the answer/);
    const { gzipSync } = await import("node:zlib");
    const bomb = gzipSync(Buffer.alloc(16 << 20, 0x20));
    const r = await list({ raw: bomb, headers: { "content-encoding": "gzip" } }, { maxBodyBytes: 1 << 20 });
    expect(bomb.length).toBeLessThan(100_000);
    expect((r.value as Error).message).toMatch(/larger than 1048576 bytes/);
  });

  test("nothing listening: connection refused", async () => {
    const fake = await startFake(() => ({}));
    const url = fake.url;
    await fake.close();
    const e = await failure(
      listTokens(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST, retries: 0 }), "env1"),
    );
    expect(e).toMatchObject({ kind: "network" });
    expect(e.message).toMatch(/connection refused/);
  });

  test("malformed JSON, an empty body, a huge body and a redirect are answers scopewise refuses to read", async () => {
    expect((await list({ body: "{not json" })).value).toMatchObject({ kind: "answer" });
    expect(((await list({ body: "{not json" })).value as Error).message).toMatch(
      /Dynamic answered 200 with a body that is not JSON/,
    );
    expect(((await list({ body: "" })).value as Error).message).toMatch(/not JSON \(empty\)/);
    const huge = await list({ hugeBytes: 4 << 20 }, { maxBodyBytes: 1 << 20 });
    expect((huge.value as Error).message).toMatch(/larger than 1048576 bytes/);
    const redirect = await list({ status: 302, headers: { location: "https://evil.example/steal" } });
    expect((redirect.value as Error).message).toMatch(/redirect \(302\); scopewise does not send a token on/);
    expect(redirect.received).toBe(1);
  });

  test("wrong types: not a token list is an answer error; odd tokens are read, not trusted", async () => {
    for (const body of [{ tokens: "all" }, { data: [] }, [], null, 42])
      expect(((await list({ body: JSON.stringify(body) })).value as Error).message).toMatch(/not a token list/);
    const odd = await withFake(
      () => ({
        body: {
          tokens: [
            { id: 1, note: ["x"], createdAt: {}, scopes: "environment.users.read" },
            { id: "t2", scopes: [1, null, "environment.users.read"] },
            "t3",
          ],
          nextCursor: "abc",
        },
        headers: { link: '<https://app.dynamicauth.com/api/v0/environments/env1/tokens?page=2>; rel="next"' },
      }),
      async (url) => listTokens(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1"),
    );
    expect(odd.value.list.tokens).toEqual([
      { scopeList: "malformed", scopes: [], badScopes: [] },
      { id: "t2", scopeList: "listed", scopes: ["environment.users.read"], badScopes: ["1", "null"] },
    ]);
    expect(odd.value.list.unreadable).toEqual([{ index: 2, reason: "expected a token object, found string" }]);
    expect(odd.value.list.pagingHints).toEqual(['the answer\'s "nextCursor" is "abc"']);
    expect(odd.value.headerHints).toEqual(['the answer has a Link header with rel="next"']);
  });

  test("a create answer without rawToken says the token may exist and must be deleted", async () => {
    const r = await withFake(
      () => ({ body: { token: { id: "t9", checksum: "abcdef", scopes: ["environment.users.read"] } } }),
      async (url) =>
        failure(
          createToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1", {
            note: "n",
            scopes: [],
          }),
        ),
    );
    expect(r.value.message).toMatch(/no rawToken for token t9: .* delete it in the dashboard/);
  });

  test("a server echoing the token (whole, in halves, in the Bearer header) has it redacted", async () => {
    const r = await list({
      status: 401,
      body: { error: `bad token Bearer ${SECRET} (${SECRET.slice(0, 22)}…${SECRET.slice(22)})` },
    });
    const message = (r.value as Error).message;
    expect(message).toContain("[redacted]");
    expect(message).not.toContain(SECRET.slice(0, 14));
    expect(message).not.toContain(SECRET.slice(22, 36));
  });

  test("control characters and markup in Dynamic's message are shown escaped", async () => {
    const r = await list({ status: 403, body: { error: "\u001b[31mred\u001b[0m\n::error::injected <b>x</b>" } });
    expect((r.value as Error).message).toContain('"\\u001b[31mred\\u001b[0m\\n::error::injected <b>x</b>"');
  });
});

describe("an answer about another token is never vouched for", () => {
  const me = token({ id: "t1", checksum: CHECKSUM, scopes: ["environment.users.read"] });
  const identify = (state: Parameters<typeof dynamicLike>[0], options: Parameters<typeof identifyToken>[1]) =>
    withFake(dynamicLike(state), async (url) =>
      identifyToken(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), options).catch(
        (e: unknown) => (seen.push((e as Error).message), e as ApiError),
      ),
    );

  test.each([
    [
      "GET /tokens/me about a token with another checksum",
      { tokens: [], me: { token: { ...me, id: "t9", checksum: "zzzzzz" } } },
      {},
      /^GET \/tokens\/me: token t9 has checksum …zzzzzz, but DYNAMIC_API_TOKEN ends …QRSTuv: it is another token$/,
    ],
    [
      "a bare token with another checksum",
      { tokens: [], me: { ...me, checksum: "zzzzzz" } },
      {},
      /token t1 has checksum …zzzzzz, but DYNAMIC_API_TOKEN ends …QRSTuv/,
    ],
    [
      "the checksum in another case",
      { tokens: [], me: { token: { ...me, checksum: CHECKSUM.toLowerCase() } } },
      {},
      /has checksum …qrstuv, but DYNAMIC_API_TOKEN ends …QRSTuv/,
    ],
    [
      "no checksum at all",
      { tokens: [], me: { token: { ...me, checksum: undefined } } },
      {},
      /describes token t1 with no checksum, so nothing shows it is the token in use/,
    ],
    [
      "a checksum that is not a string",
      { tokens: [], me: { token: { ...me, checksum: 123456 } } },
      {},
      /with no checksum/,
    ],
    [
      "--token-id of another token than GET /tokens/me describes",
      { tokens: [], me: { token: me } },
      { tokenId: "t2" },
      /^GET \/tokens\/me describes token t1, not --token-id t2: it is another token$/,
    ],
    [
      "a token of another environment",
      { tokens: [], me: { token: { ...me, projectEnvironmentId: "env2" } } },
      { environmentId: "env1" },
      /token t1 belongs to environment env2, not --environment env1/,
    ],
    [
      "the 404 fallback: --token-id of a token with no checksum",
      { tokens: [token({ id: "t2", checksum: undefined, scopes: ["environment.users.read"] })] },
      { environmentId: "env1", tokenId: "t2" },
      /answered 404, and in the list describes token t2 with no checksum/,
    ],
  ])("%s: an error, not an answer", async (_, state, options, message) => {
    const { value } = await identify(state, options);
    expect(value).toBeInstanceOf(ApiError);
    expect(value).toMatchObject({ kind: "answer" });
    expect((value as ApiError).message).toMatch(message);
  });

  test("proven: its checksum, and the --token-id and --environment given", async () => {
    const { value } = await identify({ tokens: [], me: { token: me } }, { tokenId: "t1", environmentId: "env1" });
    expect(value).toMatchObject({ by: "introspection", token: { id: "t1", checksum: CHECKSUM } });
  });
});

describe("the list's headers: any sign of paging", () => {
  const listed = (headers: Record<string, string>, status = 200) =>
    withFake(
      () => ({ status, headers, body: { tokens: [token({ id: "t1", scopes: ["environment.users.read"] })] } }),
      async (url) => await listTokens(await createTokensClient({ token: SECRET, apiUrl: url, ...FAST }), "env1"),
    );

  test.each([
    [{ link: '</x>; rel="prev next"' }, 200, ['the answer has a Link header with rel="prev"']],
    [{ link: "</x?page=9>; rel=LAST" }, 200, ['the answer has a Link header with rel="last"']],
    [{ link: "</x>; rel='next'" }, 200, ['the answer has a Link header with rel="next"']],
    [{ link: "</next/last/prev>; rel=self" }, 200, []],
    [{ "x-total-count": "5" }, 200, ['the answer\'s x-total-count header says "5" but the list has 1']],
    [{ "x-total-count": "many" }, 200, ['the answer\'s x-total-count header is "many"']],
    [{ "x-total-count": "1" }, 200, []],
    [{ "x-next-cursor": "abc" }, 200, ['the answer\'s x-next-cursor header is "abc"']],
    [{ "x-has-more": "false" }, 200, ['the answer\'s x-has-more header is "false"']],
    [{ "x-page": "1" }, 200, ['the answer\'s x-page header is "1"']],
    [{ "content-range": "items 0-0/9" }, 200, ['the answer has a Content-Range header: "items 0-0/9"']],
    [{}, 206, ["Dynamic answered 206 Partial Content"]],
    [{ "ratelimit-limit": "100", "x-ratelimit-remaining": "99", "retry-after": "1", etag: "W/1" }, 200, []],
  ])("%o (status %s)", async (headers, status, hints) => {
    const { value } = await listed(headers, status);
    expect(value.headerHints).toEqual(hints);
  });
});

describe("a created token's secret is delivered only when it has the shape of one", () => {
  const ok = "dyn_" + "Ab3".repeat(12) + "Zz9999";
  const create = (rawToken: unknown, checksum: unknown = typeof rawToken === "string" ? rawToken.slice(-6) : "x") =>
    withFake(
      () => ({
        body: { token: { id: "t-new", rawToken, checksum, createdAt: "2026-01-01T00:00:00Z", scopes: ["a"] } },
      }),
      async (url) => {
        const client = await createTokensClient({ token: SECRET, apiUrl: url, ...FAST });
        const result = await createToken(client, "env1", { note: "n", scopes: ["a"] }).catch((e: unknown) => e);
        return { result, secrets: client.secrets };
      },
    );

  test.each([
    ["a workflow command and an escape", "dyn_abc\n::error title=X::pwned\u001b[31m", /it is not "dyn_" and 32 to 128/],
    ["spaces", `dyn_${"a".repeat(20)} ${"b".repeat(20)}`, /some of them spaces, controls or not ASCII/],
    ["too short", `dyn_${"a".repeat(31)}`, /it is not "dyn_" and 32 to 128 letters or digits \(35 characters\)/],
    ["too long", `dyn_${"a".repeat(129)}`, /it is not "dyn_"/],
    ["another prefix", `DYN_${"a".repeat(40)}`, /it is not "dyn_"/],
    ["punctuation", `dyn_${"a".repeat(20)}-${"b".repeat(20)}`, /it is not "dyn_"/],
    ["non-ASCII letters", `dyn_${"a".repeat(20)}é${"b".repeat(20)}`, /not ASCII/],
    ["DYNAMIC_API_TOKEN itself", SECRET, /it holds DYNAMIC_API_TOKEN/],
  ])("%s: refused, without quoting it", async (_, raw, why) => {
    const { value } = await create(raw);
    const error = value.result as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe("answer");
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/rawToken for token t-new that scopewise neither prints nor writes: .*delete it/);
    expect(error.message).not.toContain(raw);
    expect(error.message).not.toMatch(/\u001b|::error|\n/);
    expect(leaksSecret(error.message, raw.padEnd(12, "\0"))).toBe(false);
    // Learnt as a secret all the same: nothing prints it later.
    expect(value.secrets).toContain(raw);
  });

  test("a rawToken that does not end with the answer's checksum is refused; a good one is delivered", async () => {
    const other = await create(ok, "zzzzzz");
    expect((other.value.result as Error).message).toMatch(/does not end with its checksum …zzzzzz/);
    const good = await create(ok);
    expect(good.value.result).toMatchObject({ secret: ok, token: { id: "t-new" } });
  });
});

describe("nothing is sent with a token or URL that cannot be trusted", () => {
  test.each([
    [{ token: "" }, /DYNAMIC_API_TOKEN is not set/],
    [{ token: `${SECRET}\nX-Evil: 1` }, /characters an HTTP header cannot carry/],
    [{ token: SECRET, apiUrl: "http://app.dynamicauth.com/api/v0" }, /must be https/],
    [{ token: SECRET, apiUrl: "https://user:pw@app.dynamicauth.com/api/v0" }, /must not carry credentials/],
    [{ token: SECRET, apiUrl: "not a url" }, /is not a URL/],
  ])("%o", async (options, message) => {
    let error: unknown;
    try {
      await createTokensClient(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("usage");
    expect((error as Error).message).toMatch(message);
    seen.push((error as Error).message);
  });
});
