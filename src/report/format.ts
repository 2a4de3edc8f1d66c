import { safeJson } from "../util/printable.js";
import { githubReport } from "./github.js";
import { jsonReport } from "./json.js";
import { markdownReport } from "./markdown.js";
import type { Report } from "./model.js";
import { sarifReport } from "./sarif.js";
import type { ReportFormat } from "./report-formats.js";
import { textReport, type TextOptions } from "./text.js";

export { REPORT_FORMATS, type ReportFormat } from "./report-formats.js";

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
