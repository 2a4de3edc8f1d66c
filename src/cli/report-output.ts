import { githubReport } from "../report/github.js";
import { markdownReport } from "../report/markdown.js";
import type { ReportInput } from "../report/model.js";
import { sarifReport } from "../report/sarif.js";
import { formatLocation, type SourceProblem } from "../sources/types.js";
import type { Style } from "./color.js";
import type { Context } from "./context.js";
import { EXIT, type CommandResult } from "./io.js";

declare const __VERSION__: string;

/** The output of `--format markdown|sarif|github`, or undefined for text and json (the commands' own). */
export const reportOutput = (
  ctx: Context,
  input: Omit<ReportInput, "grants" | "toolVersion">,
  summary: string,
): string | undefined => {
  const full: ReportInput = {
    ...input,
    grants: ctx.calc.grants,
    toolVersion: typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0",
  };
  switch (ctx.args.format) {
    case "markdown":
      return summary === "" ? markdownReport(full) : `${markdownReport(full)}\n\n<sub>${summary}</sub>`;
    case "sarif":
      return JSON.stringify(sarifReport(full), null, 2);
    case "github":
      return githubReport(full);
    default:
      return undefined;
  }
};

/** The text block listing input items that were not read as calls. */
export const problemsBlock = (problems: readonly SourceProblem[], style: Style): string[] =>
  problems.length === 0
    ? []
    : [
        "",
        style.red(`Input not read as calls (${problems.length}):`),
        ...problems.map((p) => `  ${formatLocation(p.source)}  ${p.message} [${p.code}]`),
      ];

/** The input summary with how many of its calls the catalog could not identify. */
export const withUnknown = (summary: string, unknown: number): string =>
  summary === "" ? "" : `${summary}; ${unknown} not identified`;

/**
 * A plan or check over no calls at all is vacuous: an empty or truncated recording must
 * not pass a gate, so it exits 1 with a note. (`scan` of code with no calls stays 0.)
 */
export const noCalls = (
  command: string,
  file: string,
  input: { readonly calls: readonly unknown[]; readonly problems: readonly unknown[] },
  result: CommandResult,
): CommandResult =>
  input.calls.length > 0 || input.problems.length > 0 || result.exitCode === EXIT.error
    ? result
    : {
        ...result,
        exitCode: EXIT.no,
        stderr: `scopewise ${command}: ${file === "-" ? "<stdin>" : file} holds no calls, so there is nothing to vouch for (exit 1)`,
      };
