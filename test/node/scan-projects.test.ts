import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { checkToken, minimalScopes, requiredScopes } from "../../src/index.js";
import { scanFiles, type ScanResult } from "../../src/node/index.js";

// Each folder of test/fixtures/scan-projects is a small application written as people write them, with
// expected.json: for each scan (paths inside the project), the exact calls, unclassified findings,
// minimal scopes, problems, suppressions and skipped files.
const corpus = fileURLToPath(new URL("../fixtures/scan-projects", import.meta.url));
const projects = readdirSync(corpus).sort();

interface ExpectedScan {
  readonly paths: string[];
  readonly calls: string[];
  readonly unclassified?: string[];
  readonly scopes: string[];
  readonly unidentified?: string[];
  readonly problems?: string[];
  readonly suppressions?: string[];
  readonly skipped?: string[];
}

/** A scan result in expected.json's terms, paths relative to `dir`. */
const summarize = (r: ScanResult, dir: string) => {
  const rel = (file: string) =>
    relative(dir, isAbsolute(file) ? file : join(process.cwd(), file))
      .split("\\")
      .join("/");
  const at = (s: { file: string; line?: number; column?: number }) =>
    `${rel(s.file)}${s.line === undefined ? "" : `:${s.line}:${s.column}`}`;
  const calls = r.findings.flatMap((f) => (f.kind === "call" ? [f] : []));
  return {
    calls: calls.map(
      (f) => `${at(f.source)} ${f.call.method} ${f.call.path}${f.source.operation ? ` ${f.source.operation}` : ""}`,
    ),
    unclassified: r.findings.flatMap((f) => (f.kind === "unclassified" ? [`${at(f.source)} ${f.code}`] : [])),
    scopes: minimalScopes(calls.map((c) => c.call)).scopes,
    unidentified: calls
      .filter((c) => requiredScopes(c.call).status !== "matched")
      .map((c) => `${c.call.method} ${c.call.path}`),
    problems: r.problems.map((p) => `${at(p.source)} ${p.code}`),
    suppressions: r.suppressions.map((s) => `${at(s.source)} ${s.suppressed.length}`),
    skipped: r.skipped.map(rel),
  };
};

const expectedOf = (name: string): { about: string; scans: ExpectedScan[] } =>
  JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8"));

const scanned = new Map<string, ScanResult>();
const scan = async (dir: string, paths: readonly string[], key = dir): Promise<ScanResult> => {
  const k = `${key}\0${paths.join("\0")}`;
  if (!scanned.has(k)) scanned.set(k, await scanFiles(paths.map((p) => join(dir, p))));
  return scanned.get(k) as ScanResult;
};

test("the corpus has at least 12 projects, each with expectations", () => {
  expect(projects.length).toBeGreaterThanOrEqual(12);
  for (const p of projects) expect(expectedOf(p).scans.length).toBeGreaterThan(0);
});

describe.each(projects)("%s", (name) => {
  const dir = join(corpus, name);
  const { scans } = expectedOf(name);
  test.each(scans.map((s) => [s.paths.join(" "), s] as const))("scan %s", async (_, expected) => {
    const r = await scan(dir, expected.paths);
    expect(r.mode).toBe("project");
    expect(summarize(r, dir)).toEqual({
      unclassified: [],
      unidentified: [],
      problems: [],
      suppressions: [],
      skipped: [],
      ...expected,
      paths: undefined,
    } satisfies Record<string, unknown>);
  });
});

describe("the corpus, beyond one scan each", () => {
  const tmp = mkdtempSync(join(tmpdir(), "scopewise-projects-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test.each(["nodenext-esm", "shared-client", "axios-instance"])(
    "%s gives the same answer copied where no node_modules can be found",
    async (name) => {
      const copy = join(tmp, name);
      cpSync(join(corpus, name), copy, { recursive: true });
      const [first] = expectedOf(name).scans;
      expect(summarize(await scanFiles([copy]), copy)).toMatchObject({
        calls: first!.calls,
        scopes: first!.scopes,
      });
    },
  );

  test("the issue's example: a read-only token is not enough for src/jobs/webhooks.ts", async () => {
    const r = await scan(join(corpus, "shared-client"), ["src/jobs/webhooks.ts"]);
    const calls = r.findings.flatMap((f) => (f.kind === "call" ? [f.call] : []));
    const check = checkToken(["environment.users.read", "environment.webhooks.read"], calls);
    expect(check.sufficient).toBe(false);
    expect(check.missing.map((m) => m.anyOf)).toEqual([["environment.webhooks.write"]]);
  });

  test("--changed-since: the files a branch changed, resolved through the rest of the project", async () => {
    const repo = join(tmp, "pr");
    cpSync(join(corpus, "pr-subset"), repo, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], {
        cwd: repo,
        encoding: "utf8",
      });
    const admin = join(repo, "src/routes/admin.ts");
    const adminText = readFileSync(admin, "utf8");
    writeFileSync(admin, "export {};\n");
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    git("checkout", "-qb", "feature");
    writeFileSync(admin, adminText);
    writeFileSync(join(repo, "README.md"), "# Partner portal\n\nNow with gates.\n");
    git("commit", "-qam", "gates");
    // Uncommitted and untracked changes count too: the bot sees the working tree.
    writeFileSync(join(repo, "src/lib/endpoints.ts"), `${readFileSync(join(repo, "src/lib/endpoints.ts"), "utf8")}\n`);
    const r = await scanFiles([repo], { changedSince: "main" });
    // The changed endpoints module is imported by public.ts, which did not change: its requests change
    // with it, so it is scanned too (and the module's URLs are accounted for there).
    const [whole, subset] = expectedOf("pr-subset").scans;
    expect(summarize(r, repo)).toMatchObject({ calls: whole!.calls, unclassified: [], skipped: subset!.skipped });
    await expect(scanFiles([repo], { changedSince: "no-such-branch" })).rejects.toThrow(/git/);
    await expect(scanFiles([repo], { changedSince: "--output=/tmp/x" })).rejects.toThrow(/not a git revision/);
  });

  test("file mode never finds less: every call of project mode is a call or unclassified at its place", async () => {
    for (const name of projects) {
      const dir = join(corpus, name);
      const paths = expectedOf(name).scans[0]!.paths;
      const project = await scan(dir, paths);
      const alone = await scanFiles(
        paths.map((p) => join(dir, p)),
        { mode: "file" },
      );
      expect(alone.mode).toBe("file");
      const places = new Set(alone.findings.map((f) => `${f.source.file}:${f.source.line}:${f.source.column}`));
      const missing = project.findings.filter(
        (f) => f.kind === "call" && !places.has(`${f.source.file}:${f.source.line}:${f.source.column}`),
      );
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });
});
