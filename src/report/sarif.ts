import type { SourceLocation } from "../sources/types.js";
import { shown } from "../util/shown.js";
import { reportFindings } from "./findings.js";
import { RULES, type Report } from "./model.js";

/**
 * The subset of SARIF 2.1.0 scopewise writes (validated against the OASIS schema in the tests);
 * arrays are mutable, as in `@types/sarif`.
 */
export interface SarifLog {
  readonly version: "2.1.0";
  readonly $schema: string;
  runs: {
    readonly tool: {
      readonly driver: {
        readonly name: string;
        readonly version?: string;
        readonly informationUri: string;
        rules: SarifRule[];
      };
    };
    results: SarifResult[];
  }[];
}

interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: "error" | "warning" | "note" };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: "error" | "warning" | "note";
  readonly message: { readonly text: string };
  locations?: object[];
  suppressions?: { readonly kind: "external"; readonly justification: string }[];
}

// SARIF URIs are URI references: forward slashes, each segment percent-encoded (a lone surrogate,
// which cannot be, as U+FFFD).
const toUri = (file: string): string =>
  file
    .replace(/\p{Cs}/gu, "\ufffd")
    .replace(/\\/g, "/")
    .split("/")
    .map(encodeURIComponent)
    .join("/");

const location = (s: SourceLocation | undefined): object[] | undefined => {
  if (s === undefined || s.file === "<stdin>") return undefined;
  const region =
    s.line === undefined
      ? undefined
      : { startLine: s.line, ...(s.column === undefined ? {} : { startColumn: s.column }) };
  return [
    {
      physicalLocation: { artifactLocation: { uri: toUri(s.file) }, ...(region ? { region } : {}) },
      ...(s.path ? { logicalLocations: [{ fullyQualifiedName: shown(s.path), kind: "element" }] } : {}),
    },
  ];
};

/** A SARIF 2.1.0 log of a plan or check: one rule per problem kind, a result per finding. */
export const sarifReport = <S extends string>(report: Report<S>): SarifLog => ({
  version: "2.1.0",
  $schema: "https://json.schemastore.org/sarif-2.1.0.json",
  runs: [
    {
      tool: {
        driver: {
          name: "scopewise",
          ...(report.tool ? { version: report.tool.version } : {}),
          informationUri: "https://www.npmjs.com/package/scopewise",
          rules: RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.short },
            fullDescription: { text: r.help },
            defaultConfiguration: { level: r.level },
          })),
        },
      },
      results: reportFindings(report).map((f) => {
        const locations = location(f.source);
        return {
          ruleId: f.ruleId,
          ruleIndex: RULES.findIndex((r) => r.id === f.ruleId),
          level: f.level,
          message: { text: f.message },
          ...(locations ? { locations } : {}),
          // An ignored call: reported, and marked as suppressed by the config with its reason.
          ...(f.suppressed === undefined ? {} : { suppressions: [{ kind: "external", justification: f.suppressed }] }),
        };
      }),
    },
  ],
});
