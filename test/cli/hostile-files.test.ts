import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { bin, cli, root } from "../helpers/cli.js";

// Hostile files (issue 9, §4): refused with exit 2 before they are read, bounded when they are read.
const dir = mkdtempSync(join(tmpdir(), "scopewise-hostile-"));
const at = (name: string, content?: string | Buffer): string => {
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};
const calls = at("calls.txt", "GET /environments/e1/users\n");
const fifo = at("fifo");
spawnSync("mkfifo", [fifo]);
symlinkSync("/dev/zero", at("zero-link"));
symlinkSync(fifo, at("fifo-link"));
const token = at("token.json", '{"scopes":["environment.users.read"]}');

/** test/fixtures/adversarial/inputs.json: hostile files and documents, each with why it is hostile. */
interface Corpus {
  readonly nonRegular: readonly { name: string; special: string; reason: string }[];
  readonly places: readonly { name: string; args: string[]; reason: string }[];
  readonly documents: readonly {
    name: string;
    file?: string;
    text?: string;
    stdin?: string;
    args: string[];
    code?: number;
    stderr: string;
    reason: string;
  }[];
}
const corpus = JSON.parse(
  readFileSync(new URL("../fixtures/adversarial/inputs.json", import.meta.url), "utf8"),
) as Corpus;
const expand = (s: string): string => s.replace(/<<(.+?)\*(\d+)>>/g, (_, t: string, n: string) => t.repeat(Number(n)));
const specials: Record<string, string> = {
  fifo,
  "fifo-link": at("fifo-link"),
  "zero-link": at("zero-link"),
  "/dev/zero": "/dev/zero",
  "/dev/null": "/dev/null",
};
const argsOf = (args: readonly string[], file: string): string[] =>
  args.map((a) => (a === "{file}" ? file : a === "{calls}" ? calls : a === "{token}" ? token : a));

test("every class of the input corpus has a reason", () => {
  for (const c of [...corpus.nonRegular, ...corpus.places, ...corpus.documents]) expect(c.reason, c.name).not.toBe("");
});

describe("non-regular files are refused (exit 2, named, nothing read) wherever a file is taken", () => {
  test.each(
    corpus.nonRegular.flatMap((f) =>
      corpus.places.map((p) => [f.name, p.name, argsOf(p.args, specials[f.special]!)] as const),
    ),
  )("%s as %s", async (_what, _where, args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/is not a regular file \(a device, FIFO or socket\); give a file \[not-a-file\]/);
  });

  test("stdin that is binary (`< /dev/zero`) is refused at its first chunk, not after 64 MiB", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" dist/cli.js plan - < /dev/zero`], {
      cwd: root,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("looks binary (has NUL bytes)");
  });
});

describe("deeply nested JSON is an input error (exit 2), never a stack overflow", () => {
  test.each(corpus.documents.map((d) => [d.name, d] as const))("%s", async (_name, d) => {
    const file = d.file === undefined ? "-" : at(d.file, expand(d.text ?? ""));
    const r = await cli(argsOf(d.args, file), d.stdin === undefined ? {} : { input: expand(d.stdin) });
    expect(r.code).toBe(d.code ?? 2);
    if (d.stderr === "") expect(r.stderr).toBe("");
    else expect(r.stderr).toContain(d.stderr);
    expect(r.stderr).not.toMatch(/RangeError|call stack|internal error/);
  });

  test("the CLI's bin answers a deep HAR with exit 2 too (the real stack, not vitest's)", () => {
    const deep = corpus.documents[0]!;
    const r = bin(argsOf(deep.args, at("deep-bin.har", expand(deep.text!))));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(deep.stderr);
  });
});

describe("long lines and large whole inputs are bounded", () => {
  test("a single 80 MiB log line in a 48 MB heap is one bad line; the next line is still read", () => {
    const file = at("huge-line.log");
    const out = spawnSync(
      process.execPath,
      [
        "-e",
        `const fs=require("fs");const fd=fs.openSync(${JSON.stringify(file)},"w");const c=Buffer.alloc(1<<20,97);` +
          `for(let i=0;i<80;i++)fs.writeSync(fd,c);fs.writeSync(fd,'\\n{"method":"GET","path":"/environments/e1/users"}\\n');`,
      ],
      { encoding: "utf8" },
    );
    expect(out.status).toBe(0);
    const r = bin(["plan", "--json", file], { nodeArgs: ["--max-old-space-size=48"] });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.scopes).toEqual(["environment.users.read"]);
    expect(json.problems).toEqual([
      {
        source: { file, line: 1 },
        code: "bad-log-line",
        message: "line longer than 1048576 characters; not read",
      },
    ]);
    // Streamed from stdin too: a log on stdin has no 64 MiB cap and is never held whole.
    const piped = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" --max-old-space-size=48 dist/cli.js plan --json --from log - < "${file}"`],
      { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 },
    );
    expect(piped.stderr).toBe("");
    expect(JSON.parse(piped.stdout).problems[0].source).toEqual({ file: "<stdin>", line: 1 });
  }, 30_000);

  test("a large JSON calls array is folded like a stream: one call per endpoint, unknown ones capped", async () => {
    const items = Array.from({ length: 6000 }, (_, i) =>
      i % 2 === 0 ? `GET /environments/e1/users/u${i}` : `GET /environments/e1/nope${i}`,
    );
    // Over STREAM_CALLS_BYTES (1 MiB), so folded: padded with spaces JSON allows.
    const file = at("big.json", `${JSON.stringify(items)}${" ".repeat(1 << 20)}`);
    for (const format of ["json", "text", "markdown", "sarif", "github"]) {
      const r = await cli(["plan", "--format", format, file]);
      expect(r.code).toBe(1);
      expect(r.stdout.length).toBeLessThan(2_000_000);
    }
    const json = JSON.parse((await cli(["plan", "--json", file])).stdout);
    expect(json.inputs[0]).toMatchObject({ format: "calls", calls: 6000, distinct: 1001, dropped: 2000 });
    expect(json.calls[0].source).toEqual({ file, path: "$[0]", occurrences: 3000 });
    expect(json.problems).toEqual([
      {
        source: { file },
        code: "too-many-unidentified",
        message: "2000 more distinct unidentified requests not listed",
      },
    ]);
  }, 60_000);
});

describe("large tokens are linear", () => {
  test("a token naming 50,000 unknown scopes: every format answers, each name located in the token file", async () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `environment.users.rea${i}`);
    const file = at("many-scopes.json", JSON.stringify({ scopes: ["environment.users.read", ...names] }, null, 1));
    for (const format of ["text", "json", "markdown", "sarif", "github"]) {
      const started = performance.now();
      const r = await cli(["check", "--strict", "--format", format, "--token", file, calls]);
      expect(r.code, format).toBe(1);
      // Locating each name used to search the whole file per name: quadratic, minutes.
      expect(performance.now() - started, format).toBeLessThan(15_000);
    }
    const json = JSON.parse((await cli(["check", "--json", "--token", file, calls])).stdout);
    expect(json.unknownScopes).toHaveLength(50_000);
    expect(json.unknownScopes[0]).toEqual({ scope: "environment.users.rea0", didYouMean: "environment.users.read" });
    expect(json.unknownScopes[49_999]).toEqual({ scope: "environment.users.rea49999" });
    const sarif = JSON.parse((await cli(["check", "--format", "sarif", "--token", file, calls])).stdout);
    expect(sarif.runs[0].results.at(-1).locations[0].physicalLocation.region).toEqual({
      startLine: 50_003,
      startColumn: 3,
    });
  }, 60_000);

  test("a 6 MB token id of backtick runs is one code span in markdown, not a stack overflow", async () => {
    const file = at("ticks.json", JSON.stringify({ tokens: [{ id: "`a".repeat(3_000_000), scopes: [] }] }));
    const r = await cli(["check", "--format", "markdown", "--token", file, calls]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("### scopewise: token `` `a`a");
  });
});

describe("`… | reader that stops early` exits quietly with the answer's exit code (EPIPE)", () => {
  const many = at("many.txt", Array.from({ length: 3000 }, (_, i) => `GET /environments/e${i}/users`).join("\n"));
  const cases: [string[], number][] = [
    [["need", "GET", "/environments/e1/users"], 0],
    [["scopes"], 0],
    [["grants", "--json", "environment.settings.write"], 0],
    [["scan", "--format", "sarif", "test/fixtures/scan/src"], 1],
    [["check", "--scopes", "environment.users.write", "--format", "github", many], 1],
    ...["text", "json", "markdown", "sarif", "github"].map((format): [string[], number] => [
      ["plan", "--format", format, many],
      0,
    ]),
  ];
  test("every command and every format", () => {
    const script = cases
      .map(
        ([args], i) =>
          `("${process.execPath}" dist/cli.js ${args.map((a) => `'${a}'`).join(" ")} 2>"${dir}/err${i}"; ` +
          `echo $? >"${dir}/code${i}") | true &`,
      )
      .join("\n");
    spawnSync("sh", ["-c", `${script}\nwait`], { cwd: root, encoding: "utf8" });
    cases.forEach(([args, code], i) => {
      expect(readFileSync(`${dir}/err${i}`, "utf8"), args.join(" ")).toBe("");
      expect(Number(readFileSync(`${dir}/code${i}`, "utf8")), args.join(" ")).toBe(code);
    });
  }, 60_000);
});
