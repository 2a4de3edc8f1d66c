import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { reportOf } from "../../src/cli/context.js";
import { minimalScopes } from "../../src/index.js";
import { scanFiles } from "../../src/node/index.js";
import { scanReportInput } from "../../src/node/scan/report-parts.js";
import { formatReport, type ReportFormat } from "../../src/report/format.js";
import { cli, root } from "../helpers/cli.js";

// `scopewise scan` on the corpus, as a bot runs it: every project gives its expected scopes and
// unclassified findings in every output format, and the exit code says whether it may pass.
const corpus = fileURLToPath(new URL("../fixtures/scan-projects", import.meta.url));
const projects = readdirSync(corpus).sort();
const expectedOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8")) as {
      scans: { paths: string[]; scopes: string[]; unclassified?: string[]; unidentified?: string[] }[];
    }
  ).scans[0]!;

const FORMATS = ["text", "json", "markdown", "sarif", "github"] as const;

// Each project is scanned once (as the CLI does: read, then plan) and its report rendered in every
// format; the CLI itself runs below, on a few projects and every option.
describe.each(projects)("scopewise scan %s", (name) => {
  const dir = relative(root, join(corpus, name));
  const expected = expectedOf(name);
  const paths = expected.paths.map((p) => join(dir, p));
  const unclassified = (expected.unclassified ?? []).map((u) => {
    const [at, code] = u.split(" ");
    return { at: `${dir}/${at}`, code: code! };
  });
  const passes = unclassified.length === 0 && (expected.unidentified ?? []).length === 0;
  let report: ReturnType<typeof reportOf> | undefined;
  const rendered = async (format: ReportFormat) => {
    if (report === undefined) {
      const { calls, ...parts } = scanReportInput(await scanFiles(paths.map((p) => join(root, p))), paths.join(" "));
      const plan = minimalScopes(calls);
      expect(plan.complete && parts.problems.length === 0).toBe(passes);
      report = reportOf({ kind: "plan", plan }, parts);
    }
    return formatReport(report, format);
  };

  test.each(FORMATS)("--format %s", async (format) => {
    const out = await rendered(format);
    if (format === "json") {
      const json = JSON.parse(out);
      expect(json.scopes).toEqual(expected.scopes);
      expect(json.inputs).toMatchObject([{ format: "scan", mode: "project" }]);
      const problems = (json.problems ?? []) as {
        source: { file: string; line: number; column: number };
        code: string;
      }[];
      expect(problems.map((p) => `${p.source.file}:${p.source.line}:${p.source.column} ${p.code}`)).toEqual(
        unclassified.map((u) => `${u.at} unclassified:${u.code}`),
      );
      return;
    }
    if (format === "sarif") {
      const results = JSON.parse(out).runs[0].results as { ruleId: string; message: { text: string } }[];
      const notes = results.filter((x) => x.ruleId === "required-scope").map((x) => x.message.text);
      for (const scope of expected.scopes) expect(notes.some((n) => n.includes(scope))).toBe(true);
      expect(results.filter((x) => x.message.text.includes("[unclassified:"))).toHaveLength(unclassified.length);
      return;
    }
    for (const scope of expected.scopes) expect(out).toContain(scope);
    for (const u of unclassified) {
      const [file, line, col] = u.at.split(":");
      expect(out).toContain(format === "github" ? `file=${file},line=${line},col=${col},` : u.at);
    }
    if (format !== "github") expect(out).toContain("scan (project mode)");
  });
});

describe("scopewise scan options", () => {
  const project = (name: string, ...paths: string[]) => paths.map((p) => relative(root, join(corpus, name, p)));

  test.each([
    ["shared-client", 0],
    ["js-jsdoc", 1],
    ["fetch-wrapper", 1],
  ])("the CLI on %s exits %i", async (name, code) => {
    const r = await cli(["scan", "--format", "github", ...project(name, ".")]);
    expect(r).toMatchObject({ code, stderr: "" });
  });

  test("the issue's example: a read-only token is not enough for src/jobs/webhooks.ts (exit 1)", async () => {
    const args = ["--scopes", "environment.users.read,environment.webhooks.read"];
    const r = await cli(["scan", ...args, ...project("shared-client", "src/jobs/webhooks.ts")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("needs environment.webhooks.write");
  });

  test("--mode file reads each file alone and says so; what it cannot resolve fails closed", async () => {
    const r = await cli(["scan", "--mode", "file", "--format", "json", ...project("shared-client", "src/jobs")]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.inputs).toMatchObject([{ mode: "file", unclassified: 4 }]);
  });

  test("suppressions are counted and listed in every format", async () => {
    const paths = project("suppressions", ".");
    const text = (await cli(["scan", ...paths])).stdout;
    expect(text).toContain("1 suppressed");
    expect(text).toContain("Suppressed in source (2):");
    expect(text).toContain("shown as a link on the status page, never requested with the token");
    const md = (await cli(["scan", "--format", "markdown", ...paths])).stdout;
    expect(md).toContain("**Suppressed in source (2)**");
    const json = JSON.parse((await cli(["scan", "--json", ...paths])).stdout);
    expect(json.suppressions).toMatchObject([
      { reason: expect.stringContaining("status page"), silenced: [expect.any(String)] },
      { silenced: [] },
    ]);
    const gh = (await cli(["scan", "--format", "github", ...paths])).stdout;
    expect(gh).toMatch(
      /::notice file=.*status\.ts,line=6,col=5,title=scopewise suppressed-finding::scopewise-ignore-next-line: shown/,
    );
    const sarif = JSON.parse((await cli(["scan", "--format", "sarif", ...paths])).stdout);
    expect(sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === "suppressed-finding")).toHaveLength(2);
  });

  test("imports that could not be followed are counted", async () => {
    const r = await cli(["scan", "--json", ...project("barrel-reexports", ".")]);
    expect(JSON.parse(r.stdout).inputs).toMatchObject([
      { unresolved: 1, unresolvedImports: [{ specifier: "express" }] },
    ]);
  });

  test("progress shows on a terminal's stderr only, and is cleared", async () => {
    const paths = project("shared-client", ".");
    expect((await cli(["scan", ...paths])).stderr).toBe("");
    const tty = await cli(["scan", ...paths], { tty: true });
    expect(tty.stderr).toContain("scopewise: scan:");
    expect(tty.stderr.endsWith("\r\u001b[2K")).toBe(true);
    expect((await cli(["scan", "--quiet", ...paths], { tty: true })).stderr).toBe("");
  });

  test.each([
    [["--changed-since=-x"], "must be a git revision"],
    [["--mode", "types", "src"], "--mode must be one of project, file"],
  ])("scan %j is a usage error (2)", async (args, message) => {
    const r = await cli(["scan", ...args]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain(message);
  });
});
