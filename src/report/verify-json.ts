import { reportFindings } from "./findings.js";
import type { Finding, Report } from "./model.js";

/** How a verify run came out: every finding (quiet or not), the counts, and whether the gate passes. */
export interface VerifyOutcome {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** No errors, and no more warnings than `--max-warnings` allows. */
  readonly ok: boolean;
}

/** The one place a verify run's pass or fail is decided: the exit code and every format read it. */
export const verifyOutcome = <S extends string>(report: Report<S>): VerifyOutcome => {
  const result = report.result.kind === "verify" ? { ...report.result, quiet: false } : report.result;
  const findings = reportFindings({ ...report, result });
  const errors = findings.filter((f) => f.level === "error").length;
  const warnings = findings.filter((f) => f.level === "warning").length;
  const max = report.result.kind === "verify" ? report.result.maxWarnings : undefined;
  return { findings, errors, warnings, ok: errors === 0 && (max === undefined || warnings <= max) };
};

/** Verify as JSON: pass or fail, the counts, each token's verdict, and the findings the other formats show. */
export const verifyJson = <S extends string>(report: Report<S>, extra: object): object => {
  if (report.result.kind !== "verify") return {};
  const { verify, quiet, maxWarnings } = report.result;
  const { findings, errors, warnings, ok } = verifyOutcome(report);
  return {
    ok,
    errors,
    warnings,
    ...(maxWarnings === undefined ? {} : { maxWarnings }),
    ...verify,
    findings: quiet ? findings.filter((f) => f.level === "error") : findings,
    ...extra,
  };
};
