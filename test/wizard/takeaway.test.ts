// What the wizard hands over: the body, curl as the shell reads it, and SDK code as the SDK's types read it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { dynamicCatalog } from "../../src/index.js";
import {
  curlCommand,
  requestBody,
  scopeList,
  sdkSnippet,
  tokenScopesMember,
  usableEnvironmentId,
} from "../../wizard/takeaway.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { root } from "../helpers/cli.js";

const request = {
  note: "user-sync worker",
  scopes: ["environment.users.read", "environment.users.write"],
  environmentId: "",
  baseUrl: dynamicCatalog.baseUrls[0]!,
};

test("the body is Dynamic's PostTokenFields", () => {
  expect(JSON.parse(requestBody(request))).toEqual({ note: "user-sync worker", scopes: request.scopes });
  expect(scopeList(request.scopes)).toBe("environment.users.read,environment.users.write");
});

/** Runs the curl command in bash with `curl` replaced by a function that prints its arguments. */
const curlArgs = (command: string, env: Record<string, string> = {}): string[] => {
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", `curl() { printf '%s\\0' "$@"; }\n${command}`], {
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", DYNAMIC_API_TOKEN: "tok", DYNAMIC_ENVIRONMENT_ID: "env-1", ...env },
  });
  expect(r.stderr).toBe("");
  return r.stdout.split("\0").slice(0, -1);
};

test("curl: the token and (by default) the environment ID come from the environment", () => {
  const command = curlCommand(request);
  expect(command).not.toMatch(/tok\b/);
  expect(curlArgs(command)).toEqual([
    "-X",
    "POST",
    "https://app.dynamicauth.com/api/v0/environments/env-1/tokens",
    "-H",
    "Authorization: Bearer tok",
    "-H",
    "Content-Type: application/json",
    "--data",
    JSON.stringify({ note: request.note, scopes: request.scopes }),
  ]);
});

test(
  "curl: whatever the note and environment ID hold, the shell passes them through as one argument each",
  () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 20 }), (note, env) => {
        // A shell argument cannot hold NUL; the page's text inputs cannot produce one either.
        fc.pre(!note.includes("\u0000") && !env.includes("\u0000"));
        const args = curlArgs(curlCommand({ ...request, note, environmentId: env }));
        expect(args).toHaveLength(9);
        const url = new URL(args[2]!);
        expect(url.origin).toBe("https://app.dynamicauth.com");
        // `.` and `..` cannot stand in a path (every parser resolves them): the command reads the environment then.
        const segment = decodeURIComponent(url.pathname.split("/")[4]!);
        expect(segment).toBe(usableEnvironmentId(env) ? env : "env-1");
        expect(url.pathname.split("/")).toHaveLength(6);
        expect(JSON.parse(args[8]!)).toEqual({ note, scopes: request.scopes });
      }),
      { numRuns: Math.min(numRuns, 100) },
    );
  },
  timeout,
);

/** Characters that can reorder or hide what a reader sees; the snippets' own line breaks aside. */
const HIDDEN = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{DI}]/u;

describe("hidden characters in the note and environment ID never reach a snippet raw (Trojan Source)", () => {
  test.each([
    ["attack: a link's note and env", "deploy \u202E", "e1\u2066\u2069\u200F"],
    ["line and paragraph separators", "a\u2028b\u2029c", "e1\u2028"],
    ["zero-width and BOM", "de\u200Bploy\uFEFF", "\u200Be1"],
    ["a tag character (past U+FFFF)", "deploy\u{E0041}", "e1\u{E0041}"],
    ["C0 and C1 controls", "a\u001b[31mb\u0085c", "e1\u0007"],
    ["a Hangul filler", "\u3164", "\u3164"],
  ])("%s", (_name, note, environmentId) => {
    const r = { ...request, note, environmentId };
    const body = requestBody(r);
    const curl = curlCommand(r);
    const sdk = sdkSnippet(r);
    for (const text of [body, curl, sdk]) expect(text).not.toMatch(HIDDEN);
    // Escaped, not removed: the token gets the note as given.
    expect((JSON.parse(body) as { note: string }).note).toBe(note);
    const args = curlArgs(curl);
    expect((JSON.parse(args[8]!) as { note: string }).note).toBe(note);
    expect(JSON.parse(/^ {4}note: (.*),$/m.exec(sdk)![1]!)).toBe(note);
    // An environment ID with hidden characters is not the one the reader sees: the snippets read the environment.
    expect(usableEnvironmentId(environmentId)).toBe(false);
    expect(args[2]).toBe("https://app.dynamicauth.com/api/v0/environments/env-1/tokens");
    expect(sdk).toContain("environmentId: process.env.DYNAMIC_ENVIRONMENT_ID!,");
  });
});

test("curl and SDK code use only Dynamic's hosts, whatever baseUrl says", () => {
  const evil = { ...request, baseUrl: "https://evil.example/api/v0" };
  expect(curlCommand(evil)).not.toContain("evil");
  expect(sdkSnippet(evil)).not.toContain("evil");
});

test("TokenScopes members follow the SDK's enum for every catalog scope", () => {
  const enumText = readFileSync(`${root}node_modules/@dynamic-labs/sdk-api/src/models/TokenScopes.d.ts`, "utf8");
  for (const scope of dynamicCatalog.scopes) expect(enumText).toContain(`${tokenScopesMember(scope)} = "${scope}"`);
});

test("the SDK snippet type-checks against @dynamic-labs/sdk-api, hostile note and environment ID included", () => {
  const dir = mkdtempSync(`${tmpdir()}/scopewise-snippet-`);
  const files = [
    sdkSnippet({ ...request, scopes: [...dynamicCatalog.scopes] }),
    sdkSnippet({ ...request, note: `"; process.exit(1); //\n\u2028'\`\${x}`, environmentId: `e1"\n` }),
    sdkSnippet({ ...request, note: "deploy \u202E\u{E0041}", environmentId: "e1\u2066\u2069\u200F" }),
    sdkSnippet({ ...request, scopes: [] }),
  ].map((text, i) => {
    const file = `${dir}/snippet-${i}.ts`;
    writeFileSync(file, `${text}export {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ["node"],
    typeRoots: [`${root}node_modules/@types`],
    baseUrl: root,
    paths: { "@dynamic-labs/sdk-api": [`${root}node_modules/@dynamic-labs/sdk-api`] },
    skipLibCheck: true,
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(problems).toEqual([]);
}, 20_000);
