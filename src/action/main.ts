import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { run } from "../cli/run.js";
import { reportFindings } from "../report/findings.js";
import { formatReport } from "../report/format.js";
import type { Report } from "../report/model.js";
import { upsertComment } from "./comment.js";

const COMMANDS = ["verify", "check", "plan", "scan"];

/** The Action: runs scopewise once, then writes annotations, the job summary, SARIF and one PR comment. */
const main = async (): Promise<void> => {
  const command = core.getInput("command") || "verify";
  if (!COMMANDS.includes(command)) throw new Error(`command must be one of ${COMMANDS.join(", ")}, not ${command}`);
  const args = core.getInput("args").split(/\s+/).filter(Boolean);
  const config = core.getInput("config");
  const cwd = resolve(core.getInput("working-directory") || ".");
  const argv = [command, ...(config ? ["--config", config] : []), ...args];
  let report: Report | undefined;
  let stderr = "";
  core.startGroup(`scopewise ${argv.join(" ")}`);
  const code = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => {
      stderr += text;
      process.stderr.write(text);
    },
    cwd,
    report: (r) => void (report = r),
  });
  core.endGroup();
  core.setOutput("exit-code", code);
  if (report === undefined) {
    // A usage, config or input error: nothing to annotate, and the gate must not pass.
    core.setFailed(`scopewise ${command} could not run (exit ${code}): ${stderr.trim().split("\n")[0] ?? ""}`);
    return;
  }
  const findings = reportFindings(report);
  for (const f of findings) {
    const s = f.source;
    const where = s && s.file !== "<stdin>" ? { file: s.file, startLine: s.line, startColumn: s.column } : {};
    const annotate = f.level === "error" ? core.error : f.level === "warning" ? core.warning : core.notice;
    annotate(f.message, { title: `scopewise ${f.ruleId}`, ...where });
  }
  core.setOutput("errors", findings.filter((f) => f.level === "error").length);
  core.setOutput("warnings", findings.filter((f) => f.level === "warning").length);
  const markdown = formatReport(report, "markdown");
  if (process.env["GITHUB_STEP_SUMMARY"]) await core.summary.addRaw(markdown, true).write();
  const sarif = core.getInput("sarif-file");
  if (sarif !== "") {
    const file = resolve(cwd, sarif);
    await writeFile(file, `${formatReport(report, "sarif")}\n`);
    core.setOutput("sarif-file", file);
  }
  if (core.getBooleanInput("comment")) {
    try {
      const r = await upsertComment(core.getInput("github-token"), `${command} ${config}`.trim(), markdown);
      if (r.status === "skipped") core.info(`no PR comment: ${r.reason}`);
      else {
        core.info(`PR comment ${r.status}: ${r.url}`);
        core.setOutput("comment-id", r.id);
      }
    } catch (error) {
      // A fork's read-only token cannot comment; the annotations and summary still tell the story.
      core.warning(`could not comment on the pull request: ${(error as Error).message}`);
    }
  }
  if (code !== 0) core.setFailed(`scopewise ${command} failed (exit ${code})`);
};

main().catch((error: unknown) => core.setFailed(`scopewise action: ${(error as Error).message}`));
