import type { Report } from "./model.js";
import { verifyJson } from "./verify-json.js";

/** The JSON value of a report: the answer's own fields, plus `problems` and `inputs` when there are any. */
export const jsonValue = <S extends string>(report: Report<S>): object => {
  const { result } = report;
  const extra = {
    ...(report.problems?.length ? { problems: report.problems } : {}),
    ...(report.inputs?.length ? { inputs: report.inputs } : {}),
    ...(report.ignores ? { ignored: report.ignores } : {}),
  };
  switch (result.kind) {
    case "need":
      return { call: result.call, ...result.result };
    case "plan":
      // Spreading reads the plan's lazily built parts, so they serialize like plain fields.
      return { ...result.plan, ...extra };
    case "check":
      return { ...result.check, ...extra };
    case "scopes":
      return { catalog: result.catalog, scopes: result.scopes };
    case "grants":
      return { scope: result.scope, endpoints: result.endpoints };
    case "verify":
      return verifyJson(report, extra);
  }
};

/** The report as one JSON document (2-space indented). */
export const jsonReport = <S extends string>(report: Report<S>): string => JSON.stringify(jsonValue(report), null, 2);
