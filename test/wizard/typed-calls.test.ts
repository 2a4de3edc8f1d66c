// Typed calls are read by the CLI's calls-file reader: the page and `scopewise plan --from calls` give the same
// answer for the same text, line for line. Rows marked "attack" are an outside attacker's repros (issue: a line
// holding several SDK calls was read as one call; a comment holding a hidden line break hid a call).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseCallsFile } from "../../src/index.js";
import { lookup, planFor } from "../../wizard/core.js";
import { readCallsText } from "../../wizard/inputs.js";
import { readTypedCalls, replaceLine } from "../../wizard/typed-calls.js";
import { cli } from "../helpers/cli.js";
import { numRuns, timeout } from "../helpers/fc.js";

/** What `scopewise plan --from calls --format json -` answers for `text`: scopes, each call's line and status. */
const cliPlan = async (text: string) => {
  const r = await cli(["plan", "--from", "calls", "--format", "json", "-"], { input: text });
  const json = JSON.parse(r.stdout) as {
    scopes: string[];
    calls: { source: { line?: number; path?: string }; result: { status: string } }[];
  };
  return {
    code: r.code,
    scopes: json.scopes,
    calls: json.calls.map((c) => [c.source.line ?? c.source.path, c.result.status]),
  };
};

const wizardPlan = (text: string) => {
  const read = readTypedCalls(text);
  const plan = planFor(read.calls);
  return {
    code: plan.complete && read.problems.length === 0 ? 0 : 1,
    scopes: plan.scopes,
    calls: plan.calls.map((c) => [c.source.line ?? c.source.path, c.result.status]),
  };
};

const DELETE_TOKEN = "DELETE /environments/e/tokens/t";

describe("the page reads typed lines as the CLI reads a calls file", () => {
  test.each([
    // Several SDK calls on one line are one line the reader refuses, never one of its calls (attack).
    ["attack: Promise.all", "await Promise.all([usersApi.getEnvironmentUsers(a), tokensApi.deleteTokenById(b)])"],
    ["attack: two statements", "usersApi.getEnvironmentUsers({ environmentId }); tokensApi.deleteTokenById({ x })"],
    ["attack: &&", "usersApi.getEnvironmentUsers({ environmentId }) && tokensApi.deleteTokenById({})"],
    ["attack: then", "new UsersApi(cfg).getEnvironmentUsers().then(() => tokensApi.deleteTokenById())"],
    ["attack: a call in an argument", "usersApi.getEnvironmentUsers(tokensApi.deleteTokenById(x))"],
    ["attack: a tagged template", "usersApi.getEnvironmentUsers`${tokensApi.deleteTokenById()}`"],
    ["attack: a // comment after a call", "usersApi.getEnvironmentUsers // then tokensApi.deleteTokenById"],
    ["attack: a call after a // comment", "usersApi.getEnvironmentUsers(); // tokensApi.deleteTokenById()"],
    [
      "attack: two declarations",
      "const x = await usersApi.getEnvironmentUsers({}), y = await tokensApi.deleteTokenById({})",
    ],
    ["attack: U+2028 between calls", "usersApi.getEnvironmentUsers\u2028tokensApi.deleteTokenById()"],
    ["attack: CR after a // comment", "// usersApi.getEnvironmentUsers\rtokensApi.deleteTokenById()"],
    // A comment holding a hidden line break is a call, and refused (attack).
    ...["\u0085", "\u000b", "\u000c", "\u2028", "\u2029", "\r"].map((c) => [
      `attack: # comment with U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      `# c${c}${DELETE_TOKEN}`,
    ]),
    ["a code line with one call", "await usersApi.getEnvironmentUsers({ environmentId })"],
    ["an instance name", "usersApi.getEnvironmentUsers"],
    ["a bare URL", "https://app.dynamicauth.com/api/v0/environments/e/tokens/t"],
    ["a // line", "// a note"],
    ["a # comment after a call", `GET /environments/e/users # ${DELETE_TOKEN}`],
    ["a no-break space", "DELETE\u00a0/environments/e/tokens/t"],
  ])("%s: refused, naming its line", async (_name, line) => {
    const text = `GET /environments/e1/users\n${line}\n`;
    const wizard = wizardPlan(text);
    expect(wizard).toEqual(await cliPlan(text));
    expect(wizard.code).toBe(1);
    expect(wizard.calls).toEqual([
      [1, "matched"],
      [2, "invalid"],
    ]);
    // The refusal names the line: the page lists it under "not identified" as "typed calls, line 2".
    expect(planFor(readTypedCalls(text).calls).unidentified.map((u) => u.source.line)).toEqual([2]);
  });

  test.each([
    [
      "METHOD URL lines, # comments, blank lines",
      "# deploy\n\nGET /environments/e1/users\n  POST /environments/e1/users  \n",
    ],
    [
      "SDK operation names",
      "UsersApi.getEnvironmentUsers\nTokensApi.deleteTokenById\nWalletsApi.getWalletsByEnvironmentId",
    ],
    ["a JSON array", `["GET /environments/e1/users", { "method": "DELETE", "url": "/environments/e/tokens/t" }, 3]`],
    ["a byte-order mark", "\uFEFFGET /environments/e1/users"],
    ["unknown and not allowed", "GET /environments/e1/nothing\nPUT /environments/e1/users"],
  ])("%s: the same answer", async (_name, text) => {
    expect(wizardPlan(text)).toEqual(await cliPlan(text));
  });

  test("an SDK instance name and a missing operation get a did-you-mean, and stay refused", () => {
    const [instance, missing] = readTypedCalls("usersApi.getEnvironmentUsers\nUsersApi.getEnvironmentUserz").calls;
    expect(instance!.source.note).toBe(
      "usersApi.getEnvironmentUsers looks like an SDK instance call; give the class and method: did you mean UsersApi.getEnvironmentUsers?",
    );
    expect(missing!.source.note).toMatch(/has no operation UsersApi\.getEnvironmentUserz; did you mean/);
    expect([instance, missing].map((c) => lookup(c!).status)).toEqual(["invalid", "invalid"]);
  });

  test("a document the reader cannot read is a problem, never an empty answer", () => {
    expect(readTypedCalls("[ not json")).toMatchObject({
      calls: [],
      problems: [expect.stringMatching(/^line 1, column 3: .*not valid JSON/)],
    });
    expect(readTypedCalls(`x${"y".repeat(1_048_576)}`).problems).toEqual([
      expect.stringMatching(/^line 1: line longer/),
    ]);
  });

  test("a dropped calls file is read the same way, a hidden break in a comment included", () => {
    const file = readCallsText("f", "c.txt", `GET /environments/e/users\n# c\u0085${DELETE_TOKEN}\n`);
    expect(file.calls.map((c) => lookup(c).status)).toEqual(["matched", "invalid"]);
  });

  test("replaceLine counts lines as the reader does (a bare CR does not end one)", () => {
    expect(replaceLine("a\nb\nc", 2, "B")).toBe("a\nB\nc");
    expect(replaceLine("a\rx\nb", 2, "B")).toBe("a\rx\nB");
    expect(replaceLine("a\r\nb", 1, "A")).toBe("A\r\nb");
    expect(replaceLine("a", 5, "B")).toBe("a");
  });

  test(
    "any text: the page's calls are the library reader's, so every line that is not blank or a comment is a call",
    () => {
      const line = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom("# c", "#\u2028GET /x", "UsersApi.getUser", "usersApi.getUser(); tokensApi.getTokens()"),
      );
      fc.assert(
        fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
          const text = lines.join("\n");
          const read = readTypedCalls(text);
          const library = text.trimStart().startsWith("[") ? undefined : parseCallsFile(text, { file: "typed calls" });
          if (library)
            expect(read.calls.map(({ call, source: { input: _, ...s } }) => ({ call, source: s }))).toEqual(
              library.calls,
            );
          const plan = planFor(read.calls);
          expect(plan.complete).toBe(read.calls.every((c) => lookup(c).status === "matched"));
        }),
        { numRuns },
      );
    },
    timeout,
  );
});
