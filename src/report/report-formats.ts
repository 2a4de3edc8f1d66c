/** Every report format. */
export const REPORT_FORMATS = ["text", "json", "markdown", "sarif", "github"] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];
