import { shown } from "../util/shown.js";
import { safeFormat, Safe } from "./safe.js";

// Markdown for a PR comment: GitHub turns text into links (autolinks, `@mention`, `#123`, commit
// ids), emoji and HTML, and only code spans are left alone. So every input value becomes a code
// span: shown inert first (no line break can end a cell or a heading), fenced by more backticks
// than it holds. A `\` right before a `|` would, in a table cell, escape the `\|` that keeps the pipe
// in its cell, so the value is cut into two spans there.

const span = (s: string): string => {
  let ticks = 0;
  for (const m of s.matchAll(/`+/g)) ticks = Math.max(ticks, m[0].length);
  const fence = "`".repeat(ticks + 1);
  // CommonMark strips one space from each end when both have one: a pad keeps the value whole.
  const pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
};

/** Input as an inert Markdown code span (or spans): see above. */
export const codeSpan = (input: string): string =>
  shown(input)
    .split(/(?<=\\)(?=\|)/)
    .map(span)
    .join(" ");

/** The Markdown (GitHub-flavoured) format's tag: input values become code spans. */
export const gfm = safeFormat<"markdown">(codeSpan);

/**
 * A table cell: every `|` in it escaped, so it stays one cell. Only input holds a `|` (inside a code
 * span, where GFM tables still read `\|` as the pipe), since the formatter writes none in a cell.
 */
export const cell = (piece: Safe<"markdown">): string => piece.text.replace(/\|/g, "\\|");

export { Safe };
