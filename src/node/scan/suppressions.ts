import ts from "typescript";
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

const MARK = /^(\/\/|\/\*)[ \t]*scopewise-ignore-next-line\b/;

/**
 * The comments of a file as the parser places them: the trivia before each token and after the last (read
 * only for a file that mentions the mark). A scanner without the parser's context would take a template's
 * `}…\`` for the start of a string and miss the comments after it.
 */
const comments = (sf: ts.SourceFile): [number, number][] => {
  const seen = new Map<number, number>();
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) seen.set(r.pos, r.end);
  };
  // JSX text is text: `<p>// scopewise-ignore-next-line: x</p>` is rendered, not a comment, though the
  // scanner reads comment ranges across it.
  const text: [number, number][] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isJsxText(node)) text.push([node.pos, node.end]);
    const children = node.getChildren(sf);
    if (children.length === 0) {
      add(ts.getLeadingCommentRanges(sf.text, node.pos));
      add(ts.getTrailingCommentRanges(sf.text, node.end));
    } else stack.push(...children);
  }
  return [...seen]
    .filter(([pos]) => !text.some(([start, end]) => pos >= start && pos < end))
    .sort((a, b) => a[0] - b[0]);
};

// Characters that show nothing: format characters (zero-width space, joiners, bidi marks), spaces,
// controls, and the fillers and blanks that render empty.
const INVISIBLE = /[\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Mn}\u115F\u1160\u3164\uFFA0\u2800\s]/gu;

/** A reason as shown: spaces collapsed; undefined when nothing of it is visible. */
const visibleReason = (raw: string | undefined): string | undefined => {
  if (raw === undefined || raw.replace(INVISIBLE, "") === "") return undefined;
  return raw.trim().replace(/\s+/g, " ").slice(0, 500);
};

/**
 * The `// scopewise-ignore-next-line: reason` (or `/* … *\/`) comments of a file: comments that begin with
 * the mark, not a mention of it inside another comment or a string. The reason is the text after `:`,
 * trimmed; empty or invisible (zero-width spaces, fillers) counts as none.
 */
export const findSuppressions = (facts: FileFacts, display: string): SuppressionComment[] => {
  const text = facts.sf.text;
  if (!text.includes("scopewise-ignore-next-line")) return [];
  const out: SuppressionComment[] = [];
  for (const [start, end] of comments(facts.sf)) {
    const body = text.slice(start, end);
    const m = MARK.exec(body);
    if (m === null) continue;
    const rest = body.slice(m[0].length).replace(/\*\/$/, "");
    const reason = /^\s*:(.*)$/s.exec(rest)?.[1];
    const { line, character } = facts.sf.getLineAndCharacterOfPosition(start);
    const endLine = facts.sf.getLineAndCharacterOfPosition(end).line;
    out.push({
      file: display,
      line: line + 1,
      column: character + 1,
      covers: endLine + 2,
      // A comment ended by U+2028/U+2029 has code after it on what editors show as its own line: it
      // would silence that code, which reads as part of the comment. It silences nothing.
      reason: /^[\u2028\u2029]/.test(text.slice(end, end + 1)) ? undefined : visibleReason(reason),
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
