import { shown } from "../util/shown.js";
import { reportFindings } from "./findings.js";
import type { Report } from "./model.js";

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions: data and property escaping.
// Messages are already inert (built with the text tag); a file name is shown inert here.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

const COMMAND = { error: "error", warning: "warning", note: "notice" } as const;

/** GitHub Actions workflow commands (`::error file=…,line=…::…`), one per finding, for annotations on a PR. */
export const githubReport = <S extends string>(report: Report<S>): string =>
  reportFindings(report)
    .map((f) => {
      const s = f.source;
      const props = [
        ...(s && s.file !== "<stdin>" ? [`file=${escapeProperty(shown(s.file))}`] : []),
        ...(s?.line !== undefined ? [`line=${s.line}`] : []),
        ...(s?.column !== undefined ? [`col=${s.column}`] : []),
        `title=${escapeProperty(`scopewise ${f.ruleId}`)}`,
      ];
      return `::${COMMAND[f.level]} ${props.join(",")}::${escapeData(f.message)}`;
    })
    .join("\n");
