import { createCalculator, type Calculator } from "../api/calculator.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import type { EndpointRef, Risk } from "../catalog/types.js";
import { formatReport, type ReportFormat } from "../report/format.js";
import type { InputSummary, Report, ReportResult } from "../report/model.js";
import { colorEnabled } from "../report/style.js";
import type { SourceLocation, SourceProblem } from "../sources/types.js";
import type { IgnoreReport } from "../gate/types.js";
import { shown } from "../util/shown.js";
import type { Io } from "./io.js";
import { VERSION } from "./version.js";

/** The embedded catalog, or `--catalog FILE` validated in full (zod loads only then). */
export const loadCalculator = async (file: string | undefined, io: Io): Promise<Calculator<string>> => {
  if (file === undefined) return createCalculator<string>(dynamicCatalog);
  const [{ parseCatalog }, { readText }] = await Promise.all([
    import("../catalog/parse-catalog.js"),
    import("../node/read-source.js"),
  ]);
  const name = file === "-" ? "<stdin>" : file;
  return createCalculator(parseCatalog(await readText(file, { stdin: io.stdin }), { file: name }));
};

/** What a report needs besides the answer. */
export interface ReportParts {
  readonly inputs?: readonly InputSummary[];
  readonly problems?: readonly SourceProblem[];
  readonly unlocked?: readonly { readonly scope: string; readonly endpoints: readonly EndpointRef[] }[];
  readonly scopeSources?: readonly { readonly scope: string; readonly source: SourceLocation }[];
  readonly ignores?: IgnoreReport;
  readonly risks?: Readonly<Record<string, Risk>>;
  readonly suppressions?: Report["suppressions"];
}

/** The report of an answer and its parts, as every format renders it. */
export const reportOf = <S extends string>(result: ReportResult<S>, parts: ReportParts = {}): Report<S> => ({
  tool: { name: "scopewise", version: VERSION },
  result,
  inputs: parts.inputs ?? [],
  problems: parts.problems ?? [],
  ...(parts.unlocked ? { unlocked: parts.unlocked } : {}),
  ...(parts.scopeSources ? { scopeSources: parts.scopeSources } : {}),
  ...(parts.ignores ? { ignores: parts.ignores } : {}),
  ...(parts.suppressions?.length ? { suppressions: parts.suppressions } : {}),
  ...(parts.risks ? { risks: parts.risks } : {}),
});

/** Builds the report and writes it once, in `format`, to stdout. */
export const render = <S extends string>(
  io: Io,
  format: ReportFormat,
  result: ReportResult<S>,
  parts: ReportParts = {},
): void => {
  const report = reportOf(result, parts);
  io.report?.(report as Report);
  const text = formatReport(report, format, { color: format === "text" && colorEnabled(io.isTTY.stdout, io.env) });
  if (text !== "") io.stdout(`${text}\n`);
};

/** A progress line on stderr for work that takes a while. */
export interface Progress {
  update(message: string): void;
  /** Clears the line, if one was shown. */
  done(): void;
}

/**
 * Progress for work that takes a while: on a terminal's stderr only, never in CI, when
 * piped or with `--quiet`; one line overwritten in place, so nothing is left in a log.
 */
export const progress = (io: Io, quiet = false): Progress => {
  const on = !quiet && io.isTTY.stderr && (io.env["CI"] ?? "") === "";
  let visible = false;
  return {
    update(message) {
      if (!on) return;
      io.stderr(`\r\u001b[2Kscopewise: ${shown(message)}`);
      visible = true;
    },
    done() {
      if (visible) io.stderr("\r\u001b[2K");
      visible = false;
    },
  };
};
