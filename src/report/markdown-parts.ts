import type { CallReport, UnidentifiedCall } from "../matcher/match-calls.js";
import type { SourceLocation } from "../sources/types.js";
import { deniedCalls, deniedMessage } from "./denied.js";
import { formatLocation, noteOf } from "./location.js";
import { cell, gfm, Safe } from "./markdown-safe.js";

/** A piece of Markdown: the formatter's own, or input made a code span. */
export type Md = Safe<"markdown">;

/** Rows past this are summarised: a PR comment should stay readable. */
const MAX_ROWS = 50;
const MAX_CALLS_PER_SCOPE = 5;

/** A GFM table cut at 50 rows: the head is the formatter's words; each cell is built with `gfm`, its pipes escaped. */
export const table = (head: readonly string[], rows: readonly (readonly Md[])[]): Md[] => {
  const more = rows.length > MAX_ROWS ? [`| … ${rows.length - MAX_ROWS} more |${" |".repeat(head.length - 1)}`] : [];
  const lines = [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.slice(0, MAX_ROWS).map((r) => `| ${r.map(cell).join(" | ")} |`),
    ...more,
  ];
  return lines.map((line) => new Safe<"markdown">(line));
};

/** A heading and its rows, or nothing when there are none. */
export const section = (heading: Md, rows: Md[]): Md[] => (rows.length === 0 ? [] : [gfm``, heading, gfm``, ...rows]);
/** A location as a code span. */
export const where = (s: SourceLocation | undefined): Md => (s ? gfm`${formatLocation(s)}` : gfm``);
/** A call as written, with the SDK operation it was written as. */
export const callText = (call: string, s: SourceLocation | undefined): Md =>
  s?.operation ? gfm`${s.operation} ${call}` : gfm`${call}`;

/** Up to five calls, each with where it was read. */
export const listCalls = (calls: readonly { call: string; source?: SourceLocation }[]): Md => {
  const shown = calls
    .slice(0, MAX_CALLS_PER_SCOPE)
    .map((c) => gfm`${callText(c.call, c.source)}${c.source ? gfm` ${where(c.source)}` : gfm``}`);
  const more = calls.length > MAX_CALLS_PER_SCOPE ? [gfm`… ${calls.length - MAX_CALLS_PER_SCOPE} more`] : [];
  return gfm.join([...shown, ...more], "<br>");
};

/** Calls that could not be identified, under `heading`. */
export const unidentifiedSection = (calls: readonly UnidentifiedCall[], heading: Md): Md[] =>
  calls.length === 0
    ? []
    : section(
        gfm`**${heading} (${calls.length})**`,
        table(
          ["Where", "Call", "Why"],
          calls.map((c) => [
            where(c.source),
            callText(c.call, c.source),
            gfm`${`${c.status}: ${c.reason}${noteOf(c.source)}`}`,
          ]),
        ),
      );

/** 401s and 403s in the recording, explained. */
export const deniedSection = (calls: readonly CallReport[], granted?: readonly string[]): Md[] => {
  const denied = deniedCalls(calls, granted);
  return section(
    gfm`**Denied (${denied.length})**: the recording shows a 401 or 403; these calls still count`,
    denied.length === 0
      ? []
      : table(
          ["Where", "Call", "Why"],
          denied.map((d) => [where(d.source), callText(d.call, d.source), gfm`${deniedMessage(d)}`]),
        ),
  );
};
