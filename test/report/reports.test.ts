import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import type { Log } from "sarif";
import { describe, expect, test } from "vitest";
import { scopeLocator } from "../../src/sources/scope-locator.js";
import {
  checkToken,
  githubReport,
  grants,
  markdownReport,
  minimalScopes,
  reportFindings,
  RULES,
  sarifReport,
  type Report,
  type SourceLocation,
} from "../../src/index.js";

const schema = JSON.parse(
  readFileSync(new URL("../fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const calls = [
  "GET /environments/e1/users",
  "GET /users/u1",
  "POST /environments/e1/userz",
  "GET /environments/e1/webhooks",
];
const sources: SourceLocation[] = [
  { file: "src/sync.ts", line: 3, column: 9 },
  { file: "src/sync.ts", line: 7, column: 5, operation: "UsersApi.getUserLegacy" },
  { file: "logs/a,b.log", line: 12 },
  { file: "calls.har", path: "$.log.entries[4]" },
];
const problems = [
  {
    source: { file: "src/x.ts", line: 2, column: 1 },
    code: "unclassified",
    message: "`/environments/{e}/gates`: no method",
  },
];
const sourced = calls.map((call, i) => ({ call, source: sources[i]! }));
const tool = { name: "scopewise", version: "0.1.0" };
const planInput: Report = { tool, result: { kind: "plan", plan: minimalScopes(sourced) }, inputs: [], problems };
const granted = ["environment.users.read", "environment.settings.read", "environment.users.wirte"];
const checkInput: Report = {
  tool,
  result: { kind: "check", check: checkToken(granted, sourced), strict: false },
  inputs: [],
  problems: [],
  unlocked: [{ scope: "environment.settings.read", endpoints: grants("environment.settings.read") }],
};

describe("SARIF", () => {
  test.each([
    ["plan", planInput],
    ["check", checkInput],
  ])(
    "the %s report validates against the OASIS SARIF 2.1.0 schema and types as @types/sarif's Log",
    async (_name, input) => {
      const log: Log = sarifReport(input);
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
      expect(log.runs[0]?.tool.driver.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    },
  );

  test("results carry rule, level and region; a JSON path becomes a logical location", () => {
    const results = sarifReport(planInput).runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ["unreadable-input", "error"],
      ["unidentified-call", "error"],
      ["deprecated-endpoint", "warning"],
      ["required-scope", "note"],
      ["required-scope", "note"],
      ["required-scope", "note"],
    ]);
    expect(results[1]?.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "logs/a%2Cb.log" }, region: { startLine: 12 } } },
    ]);
    expect(results[5]?.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: "calls.har" } },
        logicalLocations: [{ fullyQualifiedName: "$.log.entries[4]", kind: "element" }],
      },
    ]);
  });

  test("the check report names missing, unused and unknown scopes", () => {
    const ids = reportFindings(checkInput).map((f) => f.ruleId);
    expect(ids).toEqual(["missing-scope", "unidentified-call", "unused-scope", "unknown-scope", "deprecated-endpoint"]);
  });
});

describe("GitHub workflow commands", () => {
  test("one command per finding, with file, line and col, and escaped properties and data", () => {
    const out = githubReport(planInput).split("\n");
    expect(out[0]).toBe(
      "::error file=src/x.ts,line=2,col=1,title=scopewise unreadable-input::`/environments/{e}/gates`: no method [unclassified]",
    );
    expect(out[1]).toMatch(
      /^::error file=logs\/a%2Cb\.log,line=12,title=scopewise unidentified-call::POST \/environments\/e1\/userz: unknown: not in the catalog/,
    );
    expect(out[2]).toBe(
      "::warning file=src/sync.ts,line=7,col=5,title=scopewise deprecated-endpoint::UsersApi.getUserLegacy (GET /users/u1) uses deprecated GET /users/:userId; use GET /environments/:environmentId/users/:userId",
    );
    expect(out[3]).toBe(
      "::notice file=src/sync.ts,line=3,col=9,title=scopewise required-scope::GET /environments/e1/users needs environment.users.read (critical)",
    );
    expect(
      githubReport({
        ...planInput,
        problems: [{ source: { file: "a:b.ts", line: 1 }, code: "x", message: "100%\nsure" }],
      }).split("\n")[0],
    ).toBe("::error file=a%3Ab.ts,line=1,title=scopewise unreadable-input::100%25\\nsure [x]");
  });
});

describe("Markdown", () => {
  test("plan: a scope table with the calls behind each scope, then unidentified, deprecated and unread input", () => {
    const md = markdownReport(planInput);
    expect(md).toContain("### scopewise: 2 scopes for 4 calls, 1 not identified");
    expect(md).toContain(
      "| `environment.users.read` | **critical**: `Returns users' OAuth access tokens, and two of its POSTs create wallets, besides reading user data.` | `GET /environments/e1/users` `src/sync.ts:3:9`<br>`UsersApi.getUserLegacy` `GET /users/u1` `src/sync.ts:7:5` | 14 endpoints |",
    );
    expect(md).toContain("| `logs/a,b.log:12` | `POST /environments/e1/userz` | `unknown: not in the catalog;");
    expect(md).toContain("**Input not read as calls (1)**");
    expect(md).toContain("| `src/x.ts:2:1` | `` `/environments/{e}/gates`: no method [unclassified] `` |");
    expect(md).toContain("Minimal scopes: `environment.users.read,environment.webhooks.read`");
  });

  test("check: missing scopes with what to add, unused scopes with what they needlessly unlock, unknown names", () => {
    const md = markdownReport(checkInput);
    expect(md).toContain("### scopewise: token is **NOT sufficient** for 4 calls");
    expect(md).toContain("**Missing scopes (1 calls)**: add `environment.webhooks.read`");
    expect(md).toContain(
      "| `environment.settings.read` | read: `Reads environment configuration: wallets, gates, providers, allowlists, origins, policies, public keys.` | `GET /allowlists/:allowlistId`<br>`GET /allowlists/:allowlistId/entries`<br>",
    );
    expect(md).toContain("… 22 more |");
    expect(md).toContain("`environment.users.wirte` (did you mean `environment.users.write`?)");
  });

  test("table cells escape pipes and show newlines as \\n, input in code spans", () => {
    const md = markdownReport({
      ...planInput,
      problems: [{ source: { file: "a|b.ts", line: 1 }, code: "x", message: "two\nlines | here" }],
    });
    expect(md).toContain("| `a\\|b.ts:1` | `two\\nlines \\| here [x]` |");
  });
});

describe("token-level findings and token lists", () => {
  test("unused and unknown scopes are located in the token file when it is known", () => {
    const text =
      '{\n  "scopes": [\n    "environment.users.read",\n    "environment.settings.read",\n    "environment.users.wirte"\n  ]\n}\n';
    const locate = scopeLocator(text, "token.json");
    const scopeSources = granted.map((scope) => ({ scope, source: locate(scope)! }));
    const input: Report = { ...checkInput, scopeSources };
    const located = reportFindings(input).filter((f) => f.ruleId === "unused-scope" || f.ruleId === "unknown-scope");
    expect(located.map((f) => f.source)).toEqual([
      { file: "token.json", line: 4, column: 5 },
      { file: "token.json", line: 5, column: 5 },
    ]);
    expect(validate(sarifReport(input))).toBe(true);
  });

  test("a token list is reported token by token, each labelled", () => {
    const tokens = {
      tokens: [
        { id: "t1", note: "ci", scopes: ["environment.users.read"] },
        { id: "t2", scopes: ["environment.users.read", "environment.webhooks.read"] },
      ],
    };
    const input: Report = {
      tool,
      result: {
        kind: "check",
        check: checkToken(tokens, ["GET /environments/e1/users", "GET /environments/e1/webhooks"]),
        strict: false,
      },
      inputs: [],
      problems: [],
    };
    const md = markdownReport(input);
    expect(md).toContain("### scopewise: token `t1` (`ci`): token is **NOT sufficient** for 2 calls");
    expect(md).toContain("### scopewise: token `t2`: token is sufficient for 2 calls");
    expect(githubReport(input)).toBe(
      "::error title=scopewise missing-scope::token t1 (ci): GET /environments/e1/webhooks needs environment.webhooks.read, which the token lacks",
    );
    expect(validate(sarifReport(input))).toBe(true);
  });
});
