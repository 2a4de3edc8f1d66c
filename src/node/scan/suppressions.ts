import type { FileFacts } from "./context.js";
import type { ScanFinding, ScanSuppression } from "./types.js";

/** A suppression comment as written: where, the line it covers, and its reason (undefined: none given). */
export interface SuppressionComment {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The line whose findings it silences: the one after the comment ends. */
  readonly covers: number;
  readonly reason: string | undefined;
}

const MARK = /(\/\/|\/\*)[ \t]*scopewise-ignore-next-line\b/g;

const insideLiteral = (ranges: readonly number[], pos: number): boolean => {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = ranges[2 * mid] as number;
    const end = ranges[2 * mid + 1] as number;
    if (pos < start) hi = mid - 1;
    else if (pos >= end) lo = mid + 1;
    else return true;
  }
  return false;
};

/**
 * The `// scopewise-ignore-next-line: reason` (or `/* … *\/`) comments of a file. A match inside a
 * string, template or regex is not a comment. The reason is the text after `:`, trimmed; empty counts as none.
 */
export const findSuppressions = (facts: FileFacts, display: string): SuppressionComment[] => {
  const text = facts.sf.text;
  if (!text.includes("scopewise-ignore-next-line")) return [];
  const ranges = [...facts.literalRanges];
  // Pairs [start, end) sorted by start (the walk visits in source order, but keep it certain).
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i] as number, ranges[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const sorted = pairs.flat();
  const out: SuppressionComment[] = [];
  for (const m of text.matchAll(MARK)) {
    const start = m.index;
    if (insideLiteral(sorted, start)) continue;
    const block = m[1] === "/*";
    const close = block ? text.indexOf("*/", start + 2) : -1;
    const end = block
      ? close === -1
        ? text.length
        : close
      : text.indexOf("\n", start) === -1
        ? text.length
        : text.indexOf("\n", start);
    const rest = text.slice(start + m[0].length, end);
    const reason = /^\s*:(.*)$/s.exec(rest)?.[1]?.trim();
    const { line, character } = facts.sf.getLineAndCharacterOfPosition(start);
    const endLine = facts.sf.getLineAndCharacterOfPosition(end).line;
    out.push({
      file: display,
      line: line + 1,
      column: character + 1,
      covers: endLine + 2,
      reason: reason === undefined || reason === "" ? undefined : reason.replace(/\s+/g, " ").slice(0, 500),
    });
  }
  return out;
};

/**
 * Applies suppressions: an `unclassified` finding on a covered line is silenced and listed with the
 * comment. Calls are never silenced, so a suppression can never shrink the scopes. A comment without a
 * reason silences nothing and is itself a finding.
 */
export const applySuppressions = (
  findings: readonly ScanFinding[],
  comments: readonly SuppressionComment[],
): { findings: ScanFinding[]; suppressions: ScanSuppression[] } => {
  const out: ScanFinding[] = [];
  const byLine = new Map<string, { comment: SuppressionComment; suppressed: ScanFinding[] }>();
  for (const c of comments)
    if (c.reason !== undefined) byLine.set(`${c.file}\0${c.covers}`, { comment: c, suppressed: [] });
  for (const f of findings) {
    const hit = f.kind === "unclassified" ? byLine.get(`${f.source.file}\0${f.source.line}`) : undefined;
    if (hit !== undefined) hit.suppressed.push(f);
    else out.push(f);
  }
  for (const c of comments)
    if (c.reason === undefined)
      out.push({
        kind: "unclassified",
        code: "suppression-without-reason",
        source: { file: c.file, line: c.line, column: c.column },
        text: "scopewise-ignore-next-line",
        reason: "a suppression needs a reason (`// scopewise-ignore-next-line: why`); this one silences nothing",
      });
  const suppressions = comments.flatMap((c) => {
    const hit = byLine.get(`${c.file}\0${c.covers}`);
    return c.reason === undefined || hit?.comment !== c
      ? []
      : [{ source: { file: c.file, line: c.line, column: c.column }, reason: c.reason, suppressed: hit.suppressed }];
  });
  return { findings: out, suppressions };
};
