import { safeJson } from "../util/printable.js";
import { tokenChecks } from "../checker/check-token.js";
import type { CallReport } from "../matcher/match-calls.js";
import { deniedCalls } from "./denied.js";
import type { Report } from "./model.js";
import { verifyJson } from "./verify-json.js";

/** `{ denied }`: the recording's 401s and 403s explained, when there are any. */
const denied = (calls: readonly CallReport[], granted?: readonly string[]): object => {
  const found = deniedCalls(calls, granted);
  return found.length > 0 ? { denied: found } : {};
};

/** `{ unlocked }`: the endpoints each scope of a live token unlocks, when the report lists them. */
const endpoints = (report: Report<string>): object => (report.unlocked?.length ? { unlocked: report.unlocked } : {});

/** The JSON value of a report: the answer's own fields, plus `problems` and `inputs` when there are any. */
export const jsonValue = <S extends string>(report: Report<S>): object => {
  const { result } = report;
  const extra = {
    ...(report.problems?.length ? { problems: report.problems } : {}),
    ...(report.inputs?.length ? { inputs: report.inputs } : {}),
    ...(report.ignores ? { ignored: report.ignores } : {}),
    ...(report.suppressions?.length ? { suppressions: report.suppressions } : {}),
  };
  switch (result.kind) {
    case "need":
      return { call: result.call, ...result.result, ...(result.risks ? { risks: result.risks } : {}) };
    case "plan":
      // Spreading reads the plan's lazily built parts, so they serialize like plain fields.
      return { ...result.plan, ...denied(result.plan.calls), ...extra };
    case "check": {
      const calls = tokenChecks(result.check)[0]?.check.calls ?? [];
      const granted = result.check.kind === "token" ? result.check.granted : undefined;
      const live = result.live ? { live: result.live } : {};
      return { ...result.check, ...live, ...denied(calls, granted), ...extra };
    }
    case "scopes":
      return { catalog: result.catalog, scopes: result.scopes };
    case "grants":
      return { scope: result.scope, ...(result.risk ? { risk: result.risk } : {}), endpoints: result.endpoints };
    case "verify":
      return verifyJson(report, extra);
    case "audit":
      return {
        environment: result.environment,
        ...result.audit,
        ...denied(result.audit.minimal?.calls ?? []),
        ...endpoints(report),
        ...extra,
      };
    case "whoami":
      return { kind: "whoami", ...result.live, ...endpoints(report) };
    case "token-create": {
      // Spreading reads the plan's lazily built parts; the secret is never part of the model.
      const { plan, ...rest } = result.create;
      return { kind: "token-create", ...rest, plan: { ...plan }, ...extra };
    }
    case "catalog-import":
      return result.import;
    case "catalog-diff":
      return { ...result.diff, ...extra };
    case "sdk-drift":
      return result.drift;
  }
};

/** The report as one JSON document (2-space indented). */
export const jsonReport = <S extends string>(report: Report<S>): string => safeJson(jsonValue(report));
