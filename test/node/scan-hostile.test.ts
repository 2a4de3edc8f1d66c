import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { listSourceFiles, scanFiles, scanSource } from "../../src/node/index.js";

// Files written to make a scan report less, crash or hang. Each must end (the timeout is only a guard
// against hanging, generous for a loaded machine; times are in bench/scan.mjs) with an answer that fails
// closed: a call, an unclassified finding, or a problem. A 1 KB file may cost neither seconds, gigabytes
// nor a stack overflow.
const HANG = 60_000;
const D = '"https://app.dynamicauth.com/api/v0/environments/e"';
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n");

const hostile: [string, string, RegExp][] = [
  [
    "constants that double 60 times",
    `const a0 = ${D};\n${lines(59, (i) => `const a${i + 1} = a${i} + a${i};`)}\nfetch(a59);`,
    /too-complex/,
  ],
  [
    "templates that double 60 times",
    `const a0 = ${D};\n${lines(59, (i) => `const a${i + 1} = \`\${a${i}}\${a${i}}\`;`)}\nfetch(a59);`,
    /too-complex/,
  ],
  [
    "a helper applied to its own result 40 times",
    `const f = (s: string) => s + s;\nfetch(${"f(".repeat(40)}${D}${")".repeat(40)});`,
    /passed-on|too-complex/,
  ],
  [
    "constants defined by each other",
    'const a: string = b + "/users";\nconst b: string = a + "/x";\nfetch(a);',
    /too-complex/,
  ],
  [
    "a helper that calls itself",
    `function g(p: string): string { return g(p + "/users"); }\nfetch(g(${D}));`,
    /passed-on|too-complex/,
  ],
  [
    "helpers that call each other",
    `function a(p: string): Promise<Response> { return b(p + "/x"); }\n` +
      `function b(p: string): Promise<Response> { return a(p) ?? fetch(${D} + p); }\na("/users");`,
    /GET \/environments\/e\/users/,
  ],
  [
    "40 conditionals in one URL (2^40 texts)",
    `declare const c: boolean;\nfetch(${D} + ${Array(40).fill('(c ? "/a" : "/b")').join(" + ")});`,
    /too-complex/,
  ],
  [
    "objects spread into each other",
    `const p: any = { ...q };\nconst q: any = { ...p };\nfetch(${D} + "/users", { ...p });`,
    /unknown-method/,
  ],
  [
    "2,000 nested parentheses",
    `const a = ${"(".repeat(2000)}1${")".repeat(2000)};\nfetch(${D} + "/users");`,
    /too-deep/,
  ],
  ["5,000 nested arrays", `const a = ${"[".repeat(5000)}${"]".repeat(5000)};`, /too-deep/],
  ["5,000 unary operators", `const a = ${"!".repeat(5000)}x;`, /too-deep/],
  ["5,000 nested calls", `fetch(${"f(".repeat(5000)}${")".repeat(5000)});`, /too-deep/],
  ["a member chain 5,000 long", `fetch(x${".y".repeat(5000)});`, /too-deep/],
  ["a + chain of 20,000 terms", `fetch(${D} + ${Array(20_000).fill('"/x"').join(" + ")});`, /too-complex/],
  ["a template of 5,000 parts", `fetch(\`https://app.dynamicauth.com/api/v0${"/${x}".repeat(5000)}\`);`, /too-complex/],
];

describe("hostile files end, and fail closed", () => {
  test.each(hostile)("%s", { timeout: HANG }, (_, code, expected) => {
    const r = scanSource(code, "hostile.ts");
    const said = [
      ...r.findings.map((f) => (f.kind === "call" ? `${f.call.method} ${f.call.path}` : f.code)),
      ...r.problems.map((p) => p.code),
    ];
    expect(said.join("\n")).toMatch(expected);
  });

  test(
    "a file's evaluation budget, once spent, is a problem: later values are not silently dropped",
    { timeout: HANG },
    () => {
      // A helper read anew at each of 500 short calls: more work than a file of this size may cost.
      const f = `const f = (s: string) => s${" + s".repeat(2000)};`;
      const r = scanSource(`${f}\n${lines(500, (i) => `fetch(f(v${i}));`)}`, "budget.ts");
      expect(r.problems.map((p) => p.code)).toEqual(["too-complex"]);
    },
  );

  test("5,000 requests in one file are 5,000 calls", { timeout: HANG }, () => {
    const r = scanSource(
      lines(5000, (i) => `fetch(${D} + "/users/u${i}", { method: "DELETE" });`),
      "many.ts",
    );
    expect(r.findings.filter((f) => f.kind === "call")).toHaveLength(5000);
  });
});

describe("files that are not regular files", () => {
  const tmp = mkdtempSync(join(tmpdir(), "scopewise-hostile-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(tmp, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  test.each([["/dev/zero"], ["/dev/null"]])("%s named as a scan path is an InputError", async (path) => {
    await expect(scanFiles([path])).rejects.toThrow(/not a regular file/);
  });

  test("a FIFO named as a scan path is an InputError, never a wait for a writer", async () => {
    const fifo = join(tmp, "pipe.ts");
    execFileSync("mkfifo", [fifo]);
    await expect(scanFiles([fifo])).rejects.toThrow(/not a regular file/);
    rmSync(fifo);
  });

  test("links in a folder: to a source file, followed once; to a device or nowhere, skipped; a loop ends", async () => {
    const dir = join(tmp, "links");
    const real = write("links/src/client.ts", `fetch(${D} + "/users");\n`);
    symlinkSync(real, join(dir, "src/again.ts"));
    symlinkSync("/dev/zero", join(dir, "src/zero.ts"));
    symlinkSync(join(dir, "missing.ts"), join(dir, "src/dangling.ts"));
    symlinkSync(dir, join(dir, "src/loop"));
    const listed = await listSourceFiles([dir]);
    expect(listed.files).toEqual([real]);
    expect(listed.skipped).toEqual([join(dir, "src/dangling.ts"), join(dir, "src/zero.ts")]);
    const r = await scanFiles([dir]);
    expect(r.findings.map((f) => f.kind)).toEqual(["call"]);
  });

  test("an import of a link to /dev/zero is not followed, and says so", async () => {
    const dir = join(tmp, "imports");
    write("imports/tsconfig.json", "{}");
    const main = write("imports/main.ts", `import { base } from "./zero";\nfetch(base + "/environments/e/users");\n`);
    symlinkSync("/dev/zero", join(dir, "zero.ts"));
    const r = await scanFiles([main]);
    expect(r.unresolved.map((u) => u.specifier)).toEqual(["./zero"]);
    expect(r.findings).toMatchObject([{ kind: "call", call: { method: "GET", path: "/environments/e/users" } }]);
  });

  test("a file over the size cap is a problem, not read", async () => {
    const big = write("big/huge.ts", `// ${"x".repeat(4 * 1024 * 1024)}\n`);
    const r = await scanFiles([big]);
    expect(r.problems).toMatchObject([{ code: "too-large" }]);
  });

  test("an imported file too large to read is an import not followed, not a failure of the scanned file", async () => {
    write("generated/tsconfig.json", "{}");
    write("generated/types.ts", `export const base = "x";\n// ${"x".repeat(4 * 1024 * 1024)}\n`);
    const main = write("generated/main.ts", 'import { base } from "./types";\nconsole.log(base);\n');
    const r = await scanFiles([main]);
    expect(r.problems).toEqual([]);
    expect(r.unresolved).toMatchObject([{ specifier: expect.stringMatching(/types\.ts \(\d+ bytes; files over/) }]);
  });

  test("a binary file is a problem", async () => {
    const bin = write("bin/blob.js", "const a = 1;\u0000\u0001");
    const r = await scanFiles([bin]);
    expect(r.problems).toMatchObject([{ code: "binary" }]);
  });
});
