import { safeJson } from "../util/printable.js";
import { githubReport } from "./github.js";
import { jsonReport } from "./json.js";
import { markdownReport } from "./markdown.js";
import type { Report } from "./model.js";
import { sarifReport } from "./sarif.js";
import { textReport, type TextOptions } from "./text.js";

/** Every report format. */
export const REPORT_FORMATS = ["text", "json", "markdown", "sarif", "github"] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in `format`: the one place every command's output goes through. */
export const formatReport = <S extends string>(
  report: Report<S>,
  format: ReportFormat = "text",
  options: TextOptions = {},
): string => {
  switch (format) {
    case "text":
      return textReport(report, options);
    case "json":
      return jsonReport(report);
    case "markdown":
      return markdownReport(report);
    case "sarif":
      return safeJson(sarifReport(report));
    case "github":
      return githubReport(report);
  }
};
