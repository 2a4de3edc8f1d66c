// What the wizard hands over: the body, curl as the shell reads it, and SDK code as the SDK's types read it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import fc from "fast-check";
import ts from "typescript";
import { expect, test } from "vitest";
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
