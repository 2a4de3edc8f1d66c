import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { importCatalog } from "../../src/node/catalog/import-catalog.js";
import { detectShape } from "../../src/node/catalog/page-blocks.js";
import { endpointText } from "../../src/node/catalog/page-text.js";
import { dynamicCatalog, parseCatalog } from "../../src/index.js";

const committed = JSON.parse(readFileSync("data/dynamic.catalog.json", "utf8"));
const fixture = (ext: string) => readFileSync(`test/fixtures/page/permissions.${ext}`, "utf8");
const run = (page: string, shape?: "text" | "html" | "markdown") =>
  importCatalog(page, { base: dynamicCatalog, retrieved: "2026-11-28", file: "page", ...(shape ? { shape } : {}) });

describe("catalog import: the page the current catalog came from reproduces it", () => {
  test.each([
    ["txt", "text"],
    ["md", "markdown"],
    ["html", "html"],
  ])("the %s shape", (ext, shape) => {
    const { result, catalog } = run(fixture(ext));
    expect(result.page.shape).toBe(shape);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(catalog!.scopes).toEqual(committed.scopes);
    expect(catalog!.undocumented).toEqual(committed.undocumented);
    expect(catalog!.version).toBe(committed.version);
    expect(catalog!.source).toEqual({ ...committed.source, retrieved: "2026-11-28" });
    expect(() => parseCatalog(catalog)).not.toThrow();
    // Each inference is listed: 8 environment-scoped twins, and the TokenScopes member the page leaves out.
    expect(result.inferences.map((i) => i.message)).toContain(
      "GET /users/:userId → GET /environments/:environmentId/users/:userId (its environment-scoped twin)",
    );
    expect(result.inferences.at(-1)!.message).toMatch(/^environment\.events\.write: not on the page/);
    expect(result.inferences).toHaveLength(9);
  });

  test("the text shape's run-together cells split at the summary's first word", () => {
    expect(
      endpointText("GET /environments/:environmentId/analytics/walletsBreakdownGet analytics wallets breakdown"),
    ).toEqual({
      ok: true,
      method: "GET",
      path: "/environments/:environmentId/analytics/walletsBreakdown",
      summary: "Get analytics wallets breakdown",
      deprecated: false,
      // walletsBreakdown is camelCase: the split is taken because the endpoint is known (see below).
      ambiguous: true,
    });
    expect(endpointText("DELETE /users/:userId/mfaReset all MFA devices for user")).toMatchObject({
      path: "/users/:userId/mfa",
      summary: "Reset all MFA devices for user",
    });
    expect(endpointText("POST /users/:userId/walletsCreate wallet for user (deprecated)")).toMatchObject({
      summary: "Create wallet for user",
      deprecated: true,
    });
  });

  test("a saved page names its own URL; --url wins over it", () => {
    const page = fixture("html").replace(
      /https:\/\/www\.dynamic\.xyz\/docs\/overview\/developer-dashboard/g,
      "https://www.dynamic.xyz/docs/x",
    );
    expect(run(page).catalog!.source.url).toBe("https://www.dynamic.xyz/docs/x/api-token-permissions");
    const given = importCatalog(page, {
      base: dynamicCatalog,
      retrieved: "2026-11-28",
      url: "https://docs.example.test/p",
    });
    expect(given.catalog!.source.url).toBe("https://docs.example.test/p");
  });

  test("shape detection", () => {
    expect(["txt", "md", "html"].map((e) => detectShape(fixture(e)))).toEqual(["text", "markdown", "html"]);
  });
});

describe("catalog import: a changed page bumps the version by what changed", () => {
  test("a new endpoint is minor, a moved one major", () => {
    const added = fixture("txt").replace(
      "GET /environments/:environmentId/usersGet users for environment\n",
      "GET /environments/:environmentId/usersGet users for environment\nGET /environments/:environmentId/visitsGet visits\n",
    );
    expect(run(added)).toMatchObject({ result: { diff: { bump: "minor" } }, catalog: { version: "1.2.0" } });
    // Beside /users/:userId, a user id spelled like it (SEARCH) is now refused as ambiguous: major.
    const beside = fixture("txt").replace(
      "GET /environments/:environmentId/usersGet users for environment\n",
      "GET /environments/:environmentId/usersGet users for environment\nGET /environments/:environmentId/users/searchSearch users\n",
    );
    expect(run(beside)).toMatchObject({ result: { diff: { bump: "major" } }, catalog: { version: "2.0.0" } });
    const moved = fixture("txt")
      .replace("GET /environments/:environmentId/usersGet users for environment\n", "")
      .replace(
        "GET /environments/:environmentId/webhooksGet webhooks for environment\n",
        "GET /environments/:environmentId/webhooksGet webhooks for environment\nGET /environments/:environmentId/usersGet users for environment\n",
      );
    const r = run(moved);
    expect(r.catalog!.version).toBe("2.0.0");
    expect(r.result.diff!.changes[0]).toMatchObject({ kind: "endpoint-moved", bump: "major" });
    // Its own rating belonged to its old scope: not carried, so the diff lists that too.
    expect(r.result.diff!.changes[1]).toMatchObject({ kind: "risk-changed", bump: "minor" });
  });

  test("a new endpoint that takes another's requests, with no endpoint removed or changed, is major", () => {
    const row = "| `POST /environments/:environmentId/waas/policies` | Create WaaS policy |\n";
    const page = fixture("md").replace(
      row,
      `${row}| \`POST /environments/:environmentId/waas/policies/:policyId/signMessage\` | Sign with a policy |\n`,
    );
    const { result, catalog } = run(page);
    expect(catalog!.version).toBe("2.0.0");
    expect(result.diff!.changes).toContainEqual(
      expect.objectContaining({
        kind: "requests-moved",
        bump: "major",
        message: expect.stringContaining(
          "moves: POST /environments/e/waas/policies/delegatedAccess/signMessage " +
            "waas.delegatedAccess.signMessage → environment.settings.write",
        ),
      }),
    );
  });

  test("a new scope has no rating: it is written unrated and the notes say to rate it", () => {
    const page = `${fixture("txt")}\nenvironment.users.list\n\nDescription: List users.\nMethod & EndpointDescription\nGET /environments/:environmentId/users/listList users\n`;
    const { result, catalog } = run(page);
    expect(catalog!.scopes.at(-1)).toMatchObject({ name: "environment.users.list", group: "Environment" });
    expect(catalog!.scopes.at(-1)!.risk).toBeUndefined();
    expect(result.notes.map((n) => n.message)).toContain(
      "environment.users.list is new: it has no risk rating; rate it",
    );
    expect(result.notes.map((n) => n.message)).toContain(
      "environment.users.list is not in the TokenScopes list scopewise knows",
    );
  });
});

// [name, what to put in the page (after the first scope's table line), the problem expected]
const hostile: [string, string, RegExp][] = [
  ["an endpoint under no scope", "", /under no scope/],
  ["a lower-case method", "get /environments/:environmentId/fooGet foo", /looks like an endpoint/],
  ["no space after the method", "GET/environments/:environmentId/fooGet foo", /looks like an endpoint/],
  ["an unknown method", "FETCH /environments/:environmentId/fooGet foo", /not METHOD \/path/],
  ["a path with no summary", "GET /environments/:environmentId/foo", /where the path ends/],
  ["a summary that starts in capitals", "GET /environments/:environmentId/fooMFA reset", /where the path ends/],
  ["a summary glued to a path ending in a capital", "GET /environments/fooOAuth login", /not one the page's paths use/],
  ["a path with a hyphen", "GET /environments/foo-barGet foo", /not one the page's paths use/],
  ["a path without a method", "/environments/:environmentId/fooGet foo", /looks like an endpoint/],
  ["a bidi override in a summary", "GET /environments/:environmentId/fooGet \u202efoo", /U\+202E/],
  ["a control character in a summary", "GET /environments/:environmentId/fooGet foo\u0007", /U\+0007/],
  ["markup in a summary", "GET /environments/:environmentId/fooGet <img src=x onerror=alert(1)>", /markup/],
  ["a duplicate endpoint", "POST /environments/:id/waas/authenticateAuthenticate again", /already listed/],
  ["a duplicate scope", "waas.authenticate", /already listed on line/],
  ["a second description", "Description: Something else.", /second description/],
  ["a 9,000-character line in a scope", `GET /x${"a".repeat(9000)}`, /too long/],
];

describe("catalog import: hostile and broken pages are reported by line, never guessed", () => {
  const page = fixture("txt");
  const anchor = "POST /environments/:environmentId/waas/authenticateAuthenticate WaaS\n";

  test.each(hostile)("%s", (name, line, problem) => {
    const text =
      name === "an endpoint under no scope"
        ? `GET /environments/:environmentId/strayGet stray\n${page}`
        : page.replace(anchor, `${anchor}${line}\n`);
    const { result, catalog } = run(text, "text");
    expect(result.ok).toBe(false);
    expect(catalog).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(problem) })]);
    const expectedLine =
      name === "an endpoint under no scope" ? 1 : page.slice(0, page.indexOf(anchor)).split("\n").length + 1;
    expect(result.problems[0]!.line).toBe(expectedLine);
  });

  test("markup in HTML is read as text; script and style are never read", () => {
    const page = fixture("html").replace(
      "Authenticate WaaS</td>",
      "Authenticate <b>WaaS</b><script>GET /x</script></td>",
    );
    expect(run(page).catalog!.scopes[0]!.endpoints[0]!.summary).toBe("Authenticate WaaS");
    const escaped = fixture("html").replace("Authenticate WaaS</td>", "Authenticate &lt;script&gt;</td>");
    expect(run(escaped).result.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/markup/) }),
    ]);
  });

  test("no scope at all is a problem, not an empty catalog", () => {
    expect(run("Hello\nThis is not the page.\n").result.problems.map((p) => p.message)).toEqual([
      "no scope found: is this Dynamic's API Token Permissions page?",
    ]);
  });

  test("a 10 MB page is read in bounded time", () => {
    const junk = `${"lorem ipsum ".repeat(80)}\n`.repeat(10_000);
    // Long prose before the first scope is passed over; a long line inside a scope is a problem (tested above).
    const huge = "<link rel=canonical".repeat(100_000) + "\n" + junk + fixture("txt");
    const started = performance.now();
    const { result } = run(huge, "text");
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
    const intro = "<p>Each scope below";
    const html = fixture("html").replace(
      intro,
      `<p>${"x ".repeat(2_500_000)}</p><div>${"<b>x</b> ".repeat(300_000)}</div>${intro}`,
    );
    const t2 = performance.now();
    const read = run(html);
    expect(read.result.ok).toBe(true);
    expect(read.result.notes.map((n) => n.message)).toContain("5000000 characters: too long to be a catalog line");
    expect(performance.now() - t2).toBeLessThan(5000);
  });
});

test("a huge table cell of unclosed tags is refused by its length, not scanned for markup", () => {
  const page = readFileSync("test/fixtures/page/permissions.txt", "utf8").replace(
    "POST /environments/:environmentId/waas/authenticateAuthenticate WaaS\n",
    `POST /environments/:environmentId/waas/authenticate\t${"<a".repeat(2_000_000)}\n`,
  );
  const started = performance.now();
  const { result } = importCatalog(page, { base: dynamicCatalog, retrieved: "2026-11-28", shape: "text" });
  expect(result.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/too long/) })]);
  expect(performance.now() - started).toBeLessThan(3000);
});

test.each([
  ["markup", "Description: Read <script>alert(1)</script> things.", /markup/],
  ["a bidi isolate", "Description: Read \u2066things\u2069.", /U\+2066/],
  ["an escape character", "Description: Read \u001b[31mthings.", /U\+001B/],
])("a description with %s is refused with its line", (_name, line, problem) => {
  const page = readFileSync("test/fixtures/page/permissions.txt", "utf8");
  const first = "Description: Authenticate with WaaS (Wallet as a Service) for wallet operations.";
  const { result } = importCatalog(page.replace(first, line), { base: dynamicCatalog, retrieved: "2026-11-28" });
  expect(result.ok).toBe(false);
  expect(result.problems).toEqual([
    expect.objectContaining({ line: page.split("\n").indexOf(first) + 1, message: expect.stringMatching(problem) }),
  ]);
});

test("no-break and other Unicode spaces read as spaces; zero-width ones are removed and counted", () => {
  const page = readFileSync("test/fixtures/page/permissions.txt", "utf8").replace(
    "Description: Authenticate with WaaS",
    "Description:\u00a0Authenticate\u200b with\u2009WaaS",
  );
  const { result, catalog } = importCatalog(page, { base: dynamicCatalog, retrieved: "2026-11-28" });
  expect(result.ok).toBe(true);
  expect(catalog!.scopes[0]!.description).toBe("Authenticate with WaaS (Wallet as a Service) for wallet operations.");
  expect(result.notes.map((n) => n.message)).toContain("1 invisible characters removed");
});

test("a run-together row whose split is ambiguous is taken only for an endpoint known to exist", () => {
  const page = readFileSync("test/fixtures/page/permissions.txt", "utf8");
  const anchor = "POST /environments/:environmentId/waas/authenticateAuthenticate WaaS\n";
  // "…/passkeysWebAuthn setup": is the path …/passkeysWeb (summary "Authn setup") or …/passkeys ("WebAuthn setup")?
  const added = page.replace(anchor, `${anchor}POST /environments/:environmentId/passkeysWebAuthn setup\n`);
  const { result } = importCatalog(added, { base: dynamicCatalog, retrieved: "2026-11-28" });
  expect(result.problems).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/give the page as HTML or markdown/) }),
  ]);
  // The same row in a shape with cells is not ambiguous.
  const md = readFileSync("test/fixtures/page/permissions.md", "utf8").replace(
    "| `POST /environments/:environmentId/waas/authenticate` | Authenticate WaaS |\n",
    "| `POST /environments/:environmentId/waas/authenticate` | Authenticate WaaS |\n| `POST /environments/:environmentId/passkeys` | WebAuthn setup |\n",
  );
  const read = importCatalog(md, { base: dynamicCatalog, retrieved: "2026-11-28" });
  expect(read.result.ok).toBe(true);
  expect(read.catalog!.scopes[0]!.endpoints[1]).toEqual({
    method: "POST",
    path: "/environments/:environmentId/passkeys",
    summary: "WebAuthn setup",
  });
});

test("a refused line is quoted with its control and bidi characters made visible, never echoed raw", () => {
  const page = readFileSync("test/fixtures/page/permissions.txt", "utf8").replace(
    "Description: Authenticate with WaaS",
    "Description: Authenticate \u001b[2J\u202ewith WaaS",
  );
  const { result } = importCatalog(page, { base: dynamicCatalog, retrieved: "2026-11-28" });
  expect(result.problems[0]!.text).toBe(
    "Description: Authenticate \\u{1b}[2J\\u{202e}with WaaS (Wallet as a Service) for wallet operations.",
  );
});
