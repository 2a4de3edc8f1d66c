import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { run as runCli } from "../../src/cli/run.js";
import { cli, root } from "../helpers/cli.js";
import {
  CHECKSUM,
  daysAgo,
  dynamicLike,
  leaksSecret,
  SECRET,
  startFake,
  token,
  type Handler,
} from "../helpers/fake-dynamic.js";

const NEW_SECRET = "dyn_NewSecretZYXWVUT9876543210zyxwvutSRQPON";
const tmp = mkdtempSync(join(tmpdir(), "scopewise-tokens-"));
const file = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const day = (n: number) => daysAgo(n).slice(0, 10);

/** Every stream every command wrote in this file, and whether it may hold the new secret (--print-secret's stdout). */
const captured: { text: string; secretAllowed: boolean }[] = [];
afterAll(() => {
  expect(captured.length).toBeGreaterThan(20);
  for (const { text, secretAllowed } of captured) {
    expect(text).not.toContain(SECRET);
    // Not even disguised: in another case, split by invisible characters, or escaped by a format.
    expect(leaksSecret(text)).toBe(false);
    if (!secretAllowed) expect(leaksSecret(text, NEW_SECRET)).toBe(false);
  }
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  received: { method: string; url: string; body: string }[];
}

/** Limits for the tests (the defaults, 10 s and 2 retries with backoff, suit CI); deadline tests set shorter. */
const FAST = ["--timeout", "3", "--retries", "1"];

/** Runs `scopewise argv` in-process against a fake Dynamic (its URL added as --api-url). */
const run = async (
  argv: string[],
  handler: Handler,
  options: {
    env?: Record<string, string | undefined>;
    tty?: { stdin?: boolean; stderr?: boolean; stdout?: boolean };
    answer?: string;
    apiUrl?: boolean;
    fast?: string[];
  } = {},
): Promise<Run> => {
  const fake = await startFake(handler);
  let stdout = "";
  let stderr = "";
  try {
    const extra = options.apiUrl === false ? [] : ["--api-url", fake.url, ...(options.fast ?? FAST)];
    const code = await runCli([...argv, ...extra], {
      env: { DYNAMIC_API_TOKEN: SECRET, ...options.env },
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stdin: (async function* () {
        if (options.answer !== undefined) yield Buffer.from(`${options.answer}\n`);
      })(),
      isTTY: {
        stdin: options.tty?.stdin ?? false,
        stdout: options.tty?.stdout ?? false,
        stderr: options.tty?.stderr ?? false,
      },
      cwd: root,
    });
    captured.push(
      { text: stdout, secretAllowed: argv.includes("--print-secret") },
      { text: stderr, secretAllowed: false },
    );
    return { code, stdout, stderr, received: fake.received };
  } finally {
    await fake.close();
  }
};

const TOKENS = [
  token({
    id: "t-ci",
    note: "CI deploy",
    checksum: CHECKSUM,
    createdAt: daysAgo(12),
    scopes: ["environment.users.read", "environment.webhooks.read"],
  }),
  token({
    id: "t-old",
    note: "old sync",
    checksum: "oldold",
    createdAt: daysAgo(200),
    scopes: ["environment.users.read"],
  }),
  token({ id: "t-legacy", note: "legacy", checksum: "leg000", createdAt: daysAgo(30) }),
  token({
    id: "t-odd",
    note: "odd",
    checksum: "odd000",
    createdAt: daysAgo(5),
    scopes: ["all.read", "environment.users.write"],
  }),
];
const calls = file("calls.txt", "GET https://app.dynamicauth.com/api/v0/environments/env1/users\n");

describe("scopewise token audit", () => {
  test("text: each token's note, id, age, scopes with endpoints; unrestricted, unknown and old tokens fail (exit 1)", async () => {
    const r = await run(["token", "audit", "--environment", "env1"], dynamicLike({ tokens: TOKENS }));
    expect(r.code).toBe(1);
    expect(r.received.map((q) => `${q.method} ${q.url}`)).toEqual(["GET /api/v0/environments/env1/tokens"]);
    expect(r.stdout).toContain("Audit of 4 tokens in environment env1");
    expect(r.stdout).toContain(`token t-ci "CI deploy" (…${CHECKSUM}): created ${day(12)}, 12 days old: fine`);
    expect(r.stdout).toMatch(
      /environment\.users\.read\s+\[critical\]\s+14 endpoints: GET \/environments\/:environmentId\/embeddedWalletVersions, .*, … 11 more/,
    );
    expect(r.stdout).toContain(`token t-old "old sync" (…oldold): created ${day(200)}, 200 days old: TOO OLD`);
    expect(r.stdout).toContain("rotate: over the 90-day limit");
    expect(r.stdout).toContain("NO SCOPE LIST (unrestricted or unknown)");
    expect(r.stdout).toContain("Dynamic's answer has no scope list for this token");
    expect(r.stdout).toMatch(/all\.read\s+not a scope in the catalog/);
    expect(r.stdout).toContain("4 tokens: 3 need attention");
    expect(r.stderr).toBe("");
  });

  test("--max-age moves the rotation limit; a clean environment exits 0", async () => {
    const r = await run(
      ["token", "audit", "--environment", "env1", "--max-age", "365"],
      dynamicLike({ tokens: TOKENS.slice(0, 2) }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 tokens: all fine");
  });

  test("with INPUTS: each token against the minimal set; unused scopes make it over-privileged", async () => {
    const r = await run(
      ["token", "audit", "--environment", "env1", "--json", calls],
      dynamicLike({ tokens: TOKENS.slice(0, 1) }),
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.environment).toBe("env1");
    expect(out.minimal.scopes).toEqual(["environment.users.read"]);
    expect(out.tokens[0]).toMatchObject({
      id: "t-ci",
      problems: ["over-privileged"],
      unused: [{ scope: "environment.webhooks.read", unlocks: 4 }],
      remove: ["environment.webhooks.read"],
      add: [],
    });
    expect(out.unlocked).toContainEqual({
      scope: "environment.webhooks.read",
      endpoints: expect.arrayContaining([{ method: "GET", path: "/environments/:environmentId/webhooks" }]),
    });
    expect(out.minimal.calls[0].source).toEqual({ file: calls, line: 1 });
    expect(out.inputs[0]).toMatchObject({ format: "calls", file: calls });
  });

  test("--token-id audits one token of the list (an auditor's token checking the deploy token)", async () => {
    const r = await run(
      ["token", "audit", "--environment", "env1", "--token-id", "t-ci", calls],
      dynamicLike({ tokens: TOKENS }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Audit of 1 token in environment env1");
    expect(r.stdout).toContain("remove: environment.webhooks.read");
    const none = await run(
      ["token", "audit", "--environment", "env1", "--token-id", "t-nope"],
      dynamicLike({ tokens: TOKENS }),
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no token in environment env1's list of 4 has id t-nope/);
  });

  test("markdown, sarif and github render the same findings", async () => {
    const md = await run(
      ["token", "audit", "--environment", "env1", "--format", "markdown"],
      dynamicLike({ tokens: TOKENS }),
    );
    expect(md.stdout).toContain("### scopewise: 4 tokens audited, 3 need attention");
    expect(md.stdout).toContain(
      '| `t-legacy "legacy" (…leg000)` | 30 days | — | **no scope list**: unrestricted or unknown |',
    );
    const sarif = await run(
      ["token", "audit", "--environment", "env1", "--format", "sarif"],
      dynamicLike({ tokens: TOKENS }),
    );
    expect(JSON.parse(sarif.stdout).runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      "unrestricted-token",
      "stale-token",
      "unknown-scope",
    ]);
    const gh = await run(
      ["token", "audit", "--environment", "env1", "--format", "github"],
      dynamicLike({ tokens: TOKENS }),
    );
    expect(gh.stdout).toContain("::error title=scopewise unrestricted-token::token t-legacy");
    expect(sarif.code).toBe(1);
  });

  test("auth and network errors exit 2 with the status and Dynamic's message, on stderr only", async () => {
    const denied = await run(["token", "audit", "--environment", "env1"], () => ({
      status: 403,
      body: { error: "Missing scope" },
    }));
    expect(denied.code).toBe(2);
    expect(denied.stdout).toBe("");
    expect(denied.stderr).toBe(
      'scopewise token audit: listing tokens (GET /environments/env1/tokens): Dynamic answered 403 Forbidden: "Missing scope"; listing tokens needs environment.apiTokens.read\n',
    );
    const wrong = await run(["token", "audit", "--environment", "env1"], dynamicLike({ tokens: [] }), {
      env: { DYNAMIC_API_TOKEN: "dyn_someOtherTokenThatIsWrong1234" },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/401 Unauthorized: "Invalid token"/);
    const slow = await run(["token", "audit", "--environment", "env1"], () => ({ delayMs: 2_000 }), {
      fast: ["--timeout", "0.3", "--retries", "1"],
    });
    expect(slow.code).toBe(2);
    expect(slow.stderr).toMatch(/no answer within 0\.3 s \(2 attempts\)/);
  });

  test("usage errors exit 2 before anything is sent", async () => {
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [["token", "audit"], {}, /--environment ENV is required/],
      [["token", "audit", "--environment", "env1"], { DYNAMIC_API_TOKEN: undefined }, /DYNAMIC_API_TOKEN is not set/],
      [
        ["token", "audit", "--environment", "../admin"],
        {},
        /--environment must be an environment id \(letters, digits, -, _\), not "..\/admin"/,
      ],
      [["token", "audit", "--environment", "env1", "--max-age", "soon"], {}, /--max-age must be a whole number/],
      [["token", "audit", "--environment", "env1", "--bogus"], {}, /unknown option --bogus/],
      [["token", "audit", "--environment", "env1", join(tmp, "missing.txt")], {}, /no such file/],
      [["token", "whoami", "extra.txt"], {}, /expected 0 FILE, got 1/],
      [["token", "create", "--environment", "env1", "--note", "x", calls], {}, /say where the new secret goes/],
      [
        ["token", "create", "--environment", "env1", "--note", "x", "--format", "sarif", "--yes", calls],
        {},
        /--format must be one of text, json/,
      ],
      [["token", "frobnicate"], {}, /unknown command "token frobnicate"/],
      [
        ["token", "create", "--environment", "env1", "--note", "a\u001b[2Jb", "--yes", "--print-secret", calls],
        {},
        /--note must not hold control characters/,
      ],
      [
        ["check", "--live", "--scopes", "environment.users.read", calls],
        {},
        /--live checks the token in DYNAMIC_API_TOKEN/,
      ],
      [
        ["check", "--environment", "env1", "--scopes", "environment.users.read", calls],
        {},
        /--environment is for --live/,
      ],
    ];
    for (const [argv, env, message] of cases) {
      const r = await run(argv, dynamicLike({ tokens: [] }), { env });
      expect([argv.join(" "), r.code]).toEqual([argv.join(" "), 2]);
      expect(r.stderr).toMatch(message);
      expect(r.received).toEqual([]);
    }
  });

  test("help is generated from the option table", async () => {
    const r = await run(["token", "audit", "--help"], dynamicLike({ tokens: [] }), { apiUrl: false });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: scopewise token audit --environment ENV [FILE...] [options]");
    expect(r.stdout).toMatch(/--max-age DAYS\s+a token older than this fails/);
    expect(r.stdout).toMatch(/which needs\s+environment\.apiTokens\.read/);
  });
});

describe("progress on stderr: at a terminal only", () => {
  const argv = ["token", "audit", "--environment", "env1", "--max-age", "999"];
  const flaky: Handler = (req, n) =>
    n === 1 ? { status: 503, headers: { "retry-after": "0" } } : dynamicLike({ tokens: TOKENS.slice(0, 1) })(req, n);

  test("a terminal sees what is being asked, and the retries", async () => {
    const r = await run(argv, flaky, { tty: { stderr: true } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("scopewise: listing the tokens of environment env1…");
    expect(r.stderr).toContain("scopewise: 503; retrying in 0 s");
  });

  test.each([
    ["piped", {}, {}],
    ["in CI", { stderr: true }, { CI: "true" }],
    ["with --quiet", { stderr: true }, {}],
  ])("%s: silent", async (name, tty, env) => {
    const r = await run(name === "with --quiet" ? [...argv, "--quiet"] : argv, flaky, { tty, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("scopewise token create", () => {
  const create = ["token", "create", "--environment", "env1", "--note", "deploy bot"];

  test("--dry-run prints the body and a curl with the token elided; sends nothing, needs no token", async () => {
    const r = await run([...create, "--dry-run", calls], dynamicLike({ tokens: [] }), {
      env: { DYNAMIC_API_TOKEN: undefined },
    });
    expect(r.code).toBe(0);
    expect(r.received).toEqual([]);
    expect(r.stdout).toContain("environment.users.read  [critical]  needed by 1 call; unlocks 14 endpoints");
    expect(r.stdout).toContain('{"note":"deploy bot","scopes":["environment.users.read"]}');
    expect(r.stdout).toContain('-H "Authorization: Bearer $DYNAMIC_API_TOKEN"');
    expect(r.stdout).toMatch(/curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/api\/v0\/environments\/env1\/tokens'/);
    const json = await run([...create, "--dry-run", "--json", calls], dynamicLike({ tokens: [] }));
    expect(JSON.parse(json.stdout).request.body).toEqual({ note: "deploy bot", scopes: ["environment.users.read"] });
  });

  test("--yes --secret-file: created with the minimal scopes; the secret only in the file, mode 0600", async () => {
    const secretFile = join(tmp, "new-token");
    const r = await run([...create, "--yes", "--secret-file", secretFile, calls], dynamicLike({ tokens: [] }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.received[0]!.body)).toEqual({ note: "deploy bot", scopes: ["environment.users.read"] });
    expect(readFileSync(secretFile, "utf8")).toBe(`${NEW_SECRET}\n`);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(r.stdout).toContain(
      `Created token t-new "deploy bot" (…SRQPON) in environment env1; the secret was written to ${secretFile} (mode 0600).`,
    );
    // A second run refuses to overwrite it, before anything is sent.
    const again = await run([...create, "--yes", "--secret-file", secretFile, calls], dynamicLike({ tokens: [] }));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; scopewise does not overwrite a secret file/);
    expect(again.received).toEqual([]);
    // Nor does it follow a link planted where the file would go.
    const link = join(tmp, "planted-link");
    symlinkSync(join(tmp, "victim"), link);
    const planted = await run([...create, "--yes", "--secret-file", link, calls], dynamicLike({ tokens: [] }));
    expect(planted.code).toBe(2);
    expect(existsSync(join(tmp, "victim"))).toBe(false);
  });

  test("--print-secret: stdout is the secret alone; the report goes to stderr", async () => {
    const r = await run([...create, "--yes", "--print-secret", calls], dynamicLike({ tokens: [] }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${NEW_SECRET}\n`);
    expect(r.stderr).toContain("Created token t-new");
  });

  test("without --yes: refuses when stdin is not a terminal; asks when it is", async () => {
    const piped = await run([...create, "--print-secret", calls], dynamicLike({ tokens: [] }));
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/stdin is not a terminal.*pass --yes/);
    expect(piped.received).toEqual([]);
    const declined = await run([...create, "--print-secret", calls], dynamicLike({ tokens: [] }), {
      tty: { stdin: true },
      answer: "n",
    });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain(
      'Create token "deploy bot" in environment env1 with environment.users.read? [y/N] ',
    );
    expect(declined.stderr).toContain("Not created.");
    expect(declined.received).toEqual([]);
    const accepted = await run([...create, "--print-secret", calls], dynamicLike({ tokens: [] }), {
      tty: { stdin: true },
      answer: "y",
    });
    expect(accepted.code).toBe(0);
    expect(accepted.received).toHaveLength(1);
  });

  test("a plan with unidentified calls is refused: nothing is created", async () => {
    const partial = file("partial.txt", "GET /environments/env1/users\nGET /environments/env1/nowhere\n");
    const r = await run([...create, "--yes", "--print-secret", partial], dynamicLike({ tokens: [] }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 call is not identified .* nothing was created/);
    expect(r.received).toEqual([]);
  });

  test("Dynamic creating other scopes than asked is exit 1, the secret still delivered", async () => {
    const secretFile = join(tmp, "widened");
    const r = await run(
      [...create, "--yes", "--secret-file", secretFile, calls],
      dynamicLike({ tokens: [], created: { scopes: ["environment.users.read", "environment.settings.write"] } }),
    );
    expect(r.code).toBe(1);
    expect(readFileSync(secretFile, "utf8")).toBe(`${NEW_SECRET}\n`);
    expect(r.stderr).toMatch(
      /created the token with environment.settings.write, environment.users.read, not the environment.users.read asked for/,
    );
  });

  test("a failed create leaves no secret file behind, and exits 2 with Dynamic's message", async () => {
    const secretFile = join(tmp, "never");
    const r = await run([...create, "--yes", "--secret-file", secretFile, calls], () => ({
      status: 403,
      body: { error: "nope" },
    }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /creating a token .* 403 Forbidden: "nope"; creating tokens needs environment.apiTokens.write/,
    );
    expect(existsSync(secretFile)).toBe(false);
  });
});

describe("scopewise token whoami and check --live", () => {
  const me = token({
    id: "t-ci",
    note: "CI deploy",
    checksum: CHECKSUM,
    createdAt: daysAgo(12),
    scopes: ["environment.users.read"],
  });

  test("whoami: GET /tokens/me describes the token", async () => {
    const r = await run(["token", "whoami"], dynamicLike({ tokens: [], me: { token: me } }));
    expect(r.code).toBe(0);
    expect(r.received.map((q) => q.url)).toEqual(["/api/v0/tokens/me"]);
    expect(r.stdout).toContain("DYNAMIC_API_TOKEN is this token, as GET /tokens/me describes it:");
    expect(r.stdout).toContain(`token t-ci "CI deploy" (…${CHECKSUM}): created ${day(12)}, 12 days old: fine`);
  });

  test("whoami: on a 404, says so and finds the token in the environment's list by checksum", async () => {
    const r = await run(
      ["token", "whoami", "--environment", "env1", "--json"],
      dynamicLike({ tokens: [TOKENS[1]!, me] }),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kind: "whoami", by: "checksum", token: { id: "t-ci" } });
    expect(out.environment).toBe("env1");
    const text = await run(["token", "whoami", "--environment", "env1"], dynamicLike({ tokens: [TOKENS[1]!, me] }));
    expect(text.stdout).toContain("found by checksum in environment env1's list (GET /tokens/me answered 404)");
    const noEnv = await run(["token", "whoami"], dynamicLike({ tokens: [me] }));
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toMatch(/answered 404 .* pass --environment ENV/);
    const cannotList = await run(["token", "whoami", "--environment", "env1"], (req) =>
      req.url.endsWith("/tokens/me")
        ? { status: 404, body: { error: "Not found" } }
        : { status: 403, body: { error: "Forbidden" } },
    );
    expect(cannotList.code).toBe(2);
    expect(cannotList.stderr).toMatch(
      /answered 404, and the fallback failed: listing tokens .* 403 Forbidden: "Forbidden"; listing tokens needs environment.apiTokens.read/,
    );
  });

  test("check --live: the running token is enough and no more (exit 0)", async () => {
    const r = await run(["check", "--live", calls], dynamicLike({ tokens: [], me: { token: me } }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Token is sufficient for 1 call");
  });

  test("check --live: an unused scope fails it; an unrestricted token fails it", async () => {
    const wide = { token: { ...me, scopes: ["environment.users.read", "environment.webhooks.read"] } };
    const r = await run(["check", "--live", "--format", "sarif", calls], dynamicLike({ tokens: [], me: wide }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(["unused-scope"]);
    const open = { token: { ...me, scopes: undefined } };
    const u = await run(["check", "--live", "--format", "github", calls], dynamicLike({ tokens: [], me: open }));
    expect(u.code).toBe(1);
    expect(u.stdout).toContain("::error title=scopewise unrestricted-token::token t-ci");
  });

  test("check --live on a HAR with a 403: the denial says the running token lacks the scope", async () => {
    const har = file(
      "session.har",
      JSON.stringify({
        log: {
          entries: [
            {
              request: {
                method: "DELETE",
                url: "https://app.dynamicauth.com/api/v0/environments/env1/tokens/t1",
                headers: [],
              },
              response: { status: 403 },
            },
          ],
        },
      }),
    );
    const r = await run(["check", "--live", har], dynamicLike({ tokens: [], me: { token: me } }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "DELETE https://app.dynamicauth.com/api/v0/environments/env1/tokens/t1 was denied (403): it needs environment.apiTokens.write, which the token lacks",
    );
  });
});

describe("a hostile server: nothing leaks, nothing hangs, nothing reaches a terminal raw", () => {
  const ESC = "\u001b";
  const nasty = `${ESC}]0;pwned${ESC}\\${ESC}[2J\r\n::error::fake <img src=x onerror=alert(1)> | [link](javascript:alert(1)) \u202e`;
  const echo: Handler = (req) => {
    if (req.url.endsWith("/tokens/me")) return { status: 404, body: { error: `no route for ${req.authorization}` } };
    if (req.method === "POST")
      return { status: 400, body: { error: `bad request from ${req.authorization}`, message: SECRET } };
    return {
      headers: { link: `<https://evil.example/?t=${SECRET}>; rel="next"` },
      body: {
        tokens: [
          {
            id: `${SECRET}${nasty}`,
            note: nasty,
            checksum: SECRET.slice(-6),
            createdAt: nasty,
            scopes: [nasty, SECRET, 7, { x: SECRET }],
          },
          { id: "t2", note: `echo ${SECRET}`, createdAt: daysAgo(1), scopes: "everything" },
          `${SECRET}`,
        ],
        nextCursor: SECRET,
        total: 1e9,
      },
    };
  };

  test.each(["text", "json", "markdown", "sarif", "github"])("token audit --format %s", async (format) => {
    const r = await run(["token", "audit", "--environment", "env1", "--format", format, calls], echo);
    expect(r.code).toBe(1);
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toContain(ESC);
      expect(out).not.toContain("\u202e");
      expect(out).not.toContain("\r");
    }
    if (format === "github")
      for (const line of r.stdout.trimEnd().split("\n")) expect(line).toMatch(/^::(error|warning|notice) /);
    if (format === "json" || format === "sarif") JSON.parse(r.stdout);
  });

  test.each([
    [["token", "whoami", "--environment", "env1"], 1],
    [["token", "create", "--environment", "env1", "--note", "n", "--yes", "--print-secret", calls], 2],
    [["check", "--live", "--environment", "env1", calls], 1],
  ])("%s: what Dynamic says is shown redacted and escaped", async (argv, code) => {
    const r = await run(argv as string[], echo);
    expect(r.code).toBe(code);
    expect(`${r.stdout}${r.stderr}`).toMatch(/\[redacted\]/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(ESC);
  });

  test("whoami finds the echoed token by checksum, and prints it escaped", async () => {
    const r = await run(["token", "whoami", "--environment", "env1", "--max-age", "36500"], (req) =>
      req.url.endsWith("/tokens/me") ? { status: 404, body: {} } : echo(req, 1),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[redacted]\\u001b]0;pwned");
    expect(r.stdout).not.toContain(ESC);
  });

  test("an input file quoting the token is reported without it", async () => {
    const leaky = file("leaky.json", `[{"method": "GET", "url": "/x", "token": "${SECRET}"`);
    const r = await run(
      ["token", "audit", "--environment", "env1", "--from", "calls", leaky],
      dynamicLike({ tokens: [] }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scopewise token audit: invalid input in .*leaky\.json/);
  });

  test("a server that never answers, answers forever, or hangs mid-body ends every command with exit 2", async () => {
    const started = performance.now();
    for (const answer of [{ delayMs: 60_000 }, { stallAfter: "{" }, { hugeBytes: 64 << 20 }]) {
      for (const argv of [
        ["token", "audit", "--environment", "env1"],
        ["token", "whoami", "--environment", "env1"],
        ["token", "create", "--environment", "env1", "--note", "n", "--yes", "--print-secret", calls],
      ]) {
        const r = await run(argv, () => answer, { fast: ["--timeout", "0.1", "--retries", "0"] });
        expect([argv[1], r.code]).toEqual([argv[1], 2]);
      }
    }
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

/** `s` with `sep` after every `n` characters. */
const every = (s: string, n: number, sep: string): string => s.replace(new RegExp(`(.{${n}})(?=.)`, "g"), `$1${sep}`);
const FORMATS = ["text", "json", "markdown", "sarif", "github"];

describe("a list that may be partial, or ages nobody can vouch for, never pass (exit 1, every format)", () => {
  const fine = TOKENS.slice(0, 1);
  test.each([
    ["an empty list", { body: { tokens: [] } }, "empty list proves nothing"],
    [
      "X-Total-Count larger than the list",
      { headers: { "x-total-count": "3" }, body: { tokens: fine } },
      'x-total-count header says \\"3\\" but the list has 1',
    ],
    [
      'Link: rel="prev next"',
      { headers: { link: '</x>; rel="prev next"' }, body: { tokens: fine } },
      'Link header with rel=\\"prev\\"',
    ],
    ["meta.next", { body: { tokens: fine, meta: { next: "/p2" } } }, "meta.next"],
    ["a total as a string", { body: { tokens: fine, total: "5" } }, 'says \\"5\\" but the list has 1'],
  ])("%s", async (_, answer, hint) => {
    for (const format of FORMATS) {
      const r = await run(["token", "audit", "--environment", "env1", "--max-age", "365", "--format", format], () => ({
        ...answer,
      }));
      expect([format, r.code]).toEqual([format, 1]);
      if (format === "text") expect(r.stdout).toMatch(/: 0 need attention; the list is not complete\n$/);
      if (format === "sarif")
        expect(JSON.parse(r.stdout).runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain(
          "incomplete-token-list",
        );
      if (format === "json") expect(JSON.stringify(JSON.parse(r.stdout).pagingHints)).toContain(hint);
    }
  });

  test.each(["2999-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "Sun Nov 29 2026", "2026-02-31T00:00:00Z"])(
    "createdAt %s: age unknown, not fine",
    async (createdAt) => {
      const t = { ...TOKENS[0]!, createdAt };
      const audit = await run(["token", "audit", "--environment", "env1"], dynamicLike({ tokens: [t] }));
      expect(audit.code).toBe(1);
      expect(audit.stdout).toContain(`token t-ci "CI deploy" (…${CHECKSUM}): age unknown: AGE UNKNOWN`);
      expect(audit.stdout).not.toContain("days old");
      const whoami = await run(["token", "whoami"], dynamicLike({ tokens: [], me: { token: t } }));
      expect(whoami.code).toBe(1);
      expect(whoami.stdout).toContain("age unknown: AGE UNKNOWN");
    },
  );
});

describe("whoami and check --live vouch only for the token in use", () => {
  const me = token({ id: "t1", checksum: CHECKSUM, createdAt: daysAgo(3), scopes: ["environment.users.read"] });
  const other = { token: { ...me, id: "t9", checksum: "zzzzzz" } };
  test.each([
    [["token", "whoami"], other, /GET \/tokens\/me: token t9 has checksum …zzzzzz, but DYNAMIC_API_TOKEN ends …QRSTuv/],
    [["check", "--live", calls], other, /token t9 has checksum …zzzzzz, but DYNAMIC_API_TOKEN ends …QRSTuv/],
    [["token", "whoami", "--token-id", "t2"], { token: me }, /describes token t1, not --token-id t2/],
    [["check", "--live", "--token-id", "t2", calls], { token: me }, /describes token t1, not --token-id t2/],
    [["check", "--live", "--environment", "env9", calls], { token: me }, /belongs to environment env1, not --env/],
    [["token", "whoami"], { token: { ...me, checksum: undefined } }, /with no checksum/],
  ])("%o: exit 2, nothing vouched for", async (argv, answer, message) => {
    for (const format of ["text", "json"]) {
      const r = await run([...argv, "--format", format], dynamicLike({ tokens: [], me: answer }));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/it is another token|no checksum|not --environment/);
    }
  });
});

describe("token create: a rawToken that is not a Dynamic secret is never printed or written", () => {
  const create = ["token", "create", "--environment", "env1", "--note", "deploy bot", "--yes"];
  const workflow = "dyn_abc\n::error title=X::pwned\u001b[31m";
  test.each([
    ["a workflow command and an ANSI escape", workflow, "it is not"],
    ["a trailing newline", `dyn_${"a".repeat(40)}\n`, "spaces, controls or not ASCII"],
    ["DYNAMIC_API_TOKEN itself", SECRET, "it holds DYNAMIC_API_TOKEN"],
  ])("%s: exit 2, stdout and the file empty", async (_, rawToken, why) => {
    const secretFile = join(tmp, `refused-${why.length}`);
    const state = { tokens: [], created: { rawToken, checksum: rawToken.slice(-6) } };
    for (const where of [["--print-secret"], ["--secret-file", secretFile]]) {
      const r = await run([...create, ...where, calls], dynamicLike(state));
      expect(r.code).toBe(2);
      // --print-secret's stdout is for the secret alone; with --secret-file it has the plan, and no secret.
      if (where[0] === "--print-secret") expect(r.stdout).toBe("");
      expect(r.stdout).not.toContain(rawToken.trim());
      expect(r.stdout).not.toContain("\u001b");
      expect(existsSync(secretFile)).toBe(false);
      expect(r.stderr).toMatch(/rawToken for token t-new that scopewise neither prints nor writes/);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toMatch(/delete it in the dashboard/);
      expect(r.stderr).not.toContain("\u001b");
      expect(r.stderr).not.toMatch(/^::error/m);
      expect(r.stderr).not.toContain(rawToken.trim());
    }
  });
});

describe("a server echoing the token in disguise: redacted in every output", () => {
  const disguises = [
    every(SECRET, 11, "\u200b"),
    every(SECRET, 11, "\u0007"),
    SECRET.toUpperCase(),
    every(SECRET.toLowerCase(), 3, "\u00ad"),
    [...SECRET].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join(""),
  ];
  const echo: Handler = (req) => {
    if (req.url.endsWith("/tokens/me")) return { status: 401, body: { error: `unknown token ${disguises[0]}` } };
    if (req.method === "POST") return { status: 400, body: { error: disguises.join(" / ") } };
    return {
      body: {
        tokens: disguises.map((d, i) =>
          token({ id: `t${i} ${d}`, note: d, createdAt: daysAgo(1), scopes: ["environment.users.read", d] }),
        ),
      },
    };
  };

  test.each(FORMATS)("token audit --format %s", async (format) => {
    const r = await run(["token", "audit", "--environment", "env1", "--format", format, calls], echo);
    expect(r.code).toBe(1);
    expect(leaksSecret(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout).toContain("[redacted]");
  });

  test.each([
    [["token", "whoami"], /unknown token \[redacted\]/],
    [["check", "--live", calls], /unknown token \[redacted\]/],
    [["token", "create", "--environment", "env1", "--note", "n", "--yes", "--print-secret", calls], /"\[redacted\]/],
  ])("%o: the error quotes Dynamic, redacted", async (argv, message) => {
    const r = await run(argv, echo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(leaksSecret(r.stdout + r.stderr)).toBe(false);
  });
});

describe("check --token FILE: an ambiguous token document is an input error with path and line", () => {
  const users = '["environment.users.read"]';
  test.each([
    [
      "scopes and token",
      `{\n  "scopes": ${users},\n  "token": { "scopes": ["environment.users.write"] }\n}`,
      'line 3: $.token: the document has "scopes" and "token", so which scopes apply is ambiguous; keep one',
    ],
    [
      "token and tokens",
      `{\n  "tokens": [{ "scopes": ${users} }],\n  "token": { "scopes": ${users} }\n}`,
      'line 2: $.tokens: the document has "token" and "tokens"',
    ],
    [
      "scopes twice",
      `{\n  "scopes": ${users},\n  "scopes": ["environment.users.write"]\n}`,
      'line 3: $.scopes: "scopes" is given twice (first on line 2); keep one [duplicate-key]',
    ],
    [
      "a key twice deeper down",
      `{ "tokens": [\n  { "id": "a", "scopes": ${users} },\n  { "id": "b", "id": "c", "scopes": ${users} }\n] }`,
      'line 3: $.tokens[1].id: "id" is given twice (first on line 3); keep one',
    ],
    [
      "__proto__",
      `{\n  "__proto__": { "scopes": [] },\n  "scopes": ${users}\n}`,
      "line 2: $.__proto__: __proto__ is not a key",
    ],
  ])("%s", async (_, json, message) => {
    const t = file(`ambiguous-${_.replace(/\W+/g, "-")}.json`, json);
    const r = await cli(["check", "--token", t, calls]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(t);
    expect(r.stderr).toContain(message);
  });

  test("one shape, each key once: read as before", async () => {
    const t = file("unambiguous.json", `{ "token": { "id": "t1", "scopes": ${users} } }`);
    expect((await cli(["check", "--token", t, calls])).code).toBe(0);
  });
});

test("the built bin runs a live command, loading Dynamic's SDK from node_modules", async () => {
  const { execFile } = await import("node:child_process");
  const me = token({ id: "t-ci", checksum: CHECKSUM, createdAt: daysAgo(3), scopes: ["environment.users.read"] });
  const fake = await startFake(dynamicLike({ tokens: [], me: { token: me } }));
  try {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [`${root}dist/cli.js`, "token", "whoami", "--json", "--api-url", fake.url],
        { cwd: root, env: { PATH: process.env["PATH"] ?? "", DYNAMIC_API_TOKEN: SECRET } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    captured.push({ text: r.stdout, secretAllowed: false }, { text: r.stderr, secretAllowed: false });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: "whoami", by: "introspection", token: { id: "t-ci" } });
  } finally {
    await fake.close();
  }
});
