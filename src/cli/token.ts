import type { Calculator } from "../api/calculator.js";
import { tokenChecks, type CheckResult } from "../checker/check-token.js";
import { readToken } from "../checker/read-token.js";
import { readText } from "../node/read-source.js";
import { scopeLocator } from "../sources/scope-locator.js";
import type { SourceLocation } from "../sources/types.js";
import { InputError } from "../util/errors.js";
import { keyIssues } from "../util/json-keys.js";
import { lineFinder, parseJsonInput } from "../util/parse-json.js";
import { RISK_LEVELS, riskRank } from "../catalog/risk.js";
import type { RiskLevel } from "../catalog/types.js";
import { UsageError } from "./command.js";
import type { ReportParts } from "./context.js";
import type { Io } from "./io.js";
import type { ReportResult } from "../report/model.js";

/** A token to check, and where each of its scope names is written (for report locations). */
export interface LoadedToken {
  readonly token: unknown;
  readonly locate?: (scope: string) => SourceLocation | undefined;
}

/**
 * `--scopes LIST` or `--token FILE` (read and shape-checked: `InputError`, with JSON path and line, on a bad
 * document, a key given twice, or more than one of `scopes`, `token` and `tokens`); exactly one.
 */
export const loadToken = async (
  values: { readonly scopes: readonly string[]; readonly token: string | undefined },
  command: string,
  io: Io,
): Promise<LoadedToken> => {
  if (values.scopes.length > 0 === (values.token !== undefined)) {
    throw new UsageError("give exactly one of --scopes LIST or --token FILE", command);
  }
  if (values.token === undefined) return { token: values.scopes };
  const file = values.token === "-" ? "<stdin>" : values.token;
  const text = await readText(values.token, { stdin: io.stdin });
  const token = parseJsonInput(text, file);
  // A key given twice is read as its last value: the document says two things, so it says nothing.
  const keys = keyIssues(text);
  if (keys.length > 0) throw new InputError("invalid-token", keys, file);
  try {
    readToken(token, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const lineOf = lineFinder(text);
    const issues = error.issues.map((i) => {
      const line = i.line ?? lineOf(i.path);
      return line === undefined ? i : { ...i, line };
    });
    throw new InputError(error.code, issues, file);
  }
  return values.token === "-" ? { token } : { token, locate: scopeLocator(text, file) };
};

/** What a check's reports add: the endpoints of unused scopes, and where the token names each scope. */
export const checkParts = (
  check: CheckResult,
  calc: Calculator<string>,
  locate: LoadedToken["locate"],
): ReportParts => {
  const checks = tokenChecks(check).map((t) => t.check);
  const unused = [...new Set(checks.flatMap((c) => c.remove))];
  const named = [...new Set(checks.flatMap((c) => [...c.granted, ...c.unknownScopes.map((u) => u.scope)]))];
  return {
    unlocked: unused.map((scope) => ({
      scope,
      endpoints: calc.grants(scope).map(({ method, path }) => ({ method, path })),
    })),
    scopeSources: named.flatMap((scope) => {
      const source = locate?.(scope);
      return source ? [{ scope, source }] : [];
    }),
    risks: Object.fromEntries(
      calc.catalog.scopes.flatMap((s) => {
        const risk = calc.catalog.scope(s)?.risk;
        return risk ? [[s, risk]] : [];
      }),
    ),
  };
};

/**
 * True when some token passes: sufficient; with `strict` free of unknown scopes and of unused ones;
 * with `maxUnusedRisk` free of unused scopes rated above it (which then replaces strict's unused rule).
 */
export const checkPasses = (check: CheckResult, strict: boolean, maxUnusedRisk?: string): boolean =>
  tokenChecks(check).some(({ check: c }) => {
    const limit = maxUnusedRisk === undefined ? undefined : RISK_LEVELS.indexOf(maxUnusedRisk as RiskLevel);
    const unusedFails =
      limit === undefined ? strict && c.unused.length > 0 : c.unused.some((u) => riskRank(u.risk) > limit);
    return c.sufficient && !unusedFails && !(strict && c.unknownScopes.length > 0);
  });

/** The report result of a check, with the options that decide it. */
export const checkResult = (
  check: CheckResult,
  values: { readonly strict: boolean; readonly "max-unused-risk": string | undefined },
): ReportResult => {
  const max = values["max-unused-risk"] as RiskLevel | undefined;
  return { kind: "check", check, strict: values.strict, ...(max === undefined ? {} : { maxUnusedRisk: max }) };
};
