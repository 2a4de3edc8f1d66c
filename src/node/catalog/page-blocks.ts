import { Parser } from "htmlparser2";
import { lineIndex } from "../../util/line-index.js";

/** One piece of a page, in reading order, with the 1-based line it starts on. */
export type PageBlock =
  | { readonly kind: "heading"; readonly line: number; readonly text: string }
  | { readonly kind: "text"; readonly line: number; readonly text: string }
  | { readonly kind: "row"; readonly line: number; readonly cells: readonly string[] };

/** The three shapes Dynamic's page comes in: copied from a browser, saved as HTML, or as markdown. */
export type PageShape = "text" | "html" | "markdown";

/** Guesses the shape from the first bytes: HTML markup, markdown tables or headings, else text. */
export const detectShape = (page: string): PageShape => {
  const head = page.slice(0, 4096);
  if (/^\s*(?:<!doctype html|<html[\s>]|<!--)/i.test(head) || /<(?:body|table|h[1-6]|main)[\s>]/i.test(head))
    return "html";
  if (/^\s*\|.*\|\s*$/m.test(page) || /^#{1,6} /m.test(head)) return "markdown";
  return "text";
};

/** The text copy: each non-blank line is a block; a tab separates table cells when the browser kept one. */
const textBlocks = (page: string): PageBlock[] =>
  page.split(/\r\n|\r|\n/).flatMap((raw, i): PageBlock[] => {
    if (raw.trim() === "") return [];
    if (raw.includes("\t")) return [{ kind: "row", line: i + 1, cells: raw.split("\t").map((c) => c.trim()) }];
    return [{ kind: "text", line: i + 1, text: raw }];
  });

/** Inline markdown to plain text: code spans, emphasis, links, escapes and inline HTML breaks. */
const plainMarkdown = (s: string): string =>
  s
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,:;!?]|$)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");

const markdownBlocks = (page: string): PageBlock[] =>
  page.split(/\r\n|\r|\n/).flatMap((raw, i): PageBlock[] => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed.length > MAX_BLOCK_CHARS) return [{ kind: "text", line, text: trimmed }];
    if (trimmed === "" || /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(trimmed)) return [];
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(trimmed);
    if (heading) return [{ kind: "heading", line, text: plainMarkdown(heading[1]!) }];
    if (trimmed.startsWith("|")) {
      // Split on unescaped pipes, then drop the outer empty cells.
      const cells = trimmed.split(/(?<!\\)\|/).slice(1, trimmed.endsWith("|") ? -1 : undefined);
      return [{ kind: "row", line, cells: cells.map((c) => plainMarkdown(c.trim())) }];
    }
    return [{ kind: "text", line, text: plainMarkdown(trimmed.replace(/^(?:[-*+]|\d+\.)\s+/, "")) }];
  });

const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "head", "nav", "aside", "footer", "button"]);
const BLOCKS = new Set([
  ..."address article blockquote dd details div dl dt fieldset figcaption figure form header hr li main".split(" "),
  ..."ol p pre section summary table tbody thead tfoot ul body html".split(" "),
]);
const HEADING = /^h[1-6]$/;
const isHttps = (u: string | undefined): u is string =>
  u !== undefined && /^https:\/\/[^\s<>"']+$/.test(u) && URL.canParse(u);

/**
 * Saved HTML read with a real parser (htmlparser2, streamed: linear in the page, no DOM):
 * headings, table rows (their cells) and the text of other blocks, in reading order.
 * Script, style, navigation and the like are never read. Also the URL the page names as its own.
 */
const htmlBlocks = (page: string): { blocks: PageBlock[]; url?: string } => {
  const lineAt = lineIndex(page);
  const blocks: PageBlock[] = [];
  const urls: string[] = [];
  let skip = 0;
  let text = "";
  let textLine = 0;
  let started = false;
  let heading: { line: number; text: string } | undefined;
  let row: { line: number; cells: string[] } | undefined;
  let cell: string | undefined;
  const here = (): number => lineAt(parser.startIndex).line;
  const flush = (): void => {
    if (started) blocks.push({ kind: "text", line: textLine, text });
    text = "";
    started = false;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (SKIPPED.has(name)) skip++;
        if (name === "link" && attribs["rel"]?.toLowerCase() === "canonical") urls.unshift(attribs["href"] ?? "");
        if (name === "meta" && attribs["property"] === "og:url") urls.push(attribs["content"] ?? "");
        if (skip > 0) return;
        if (name === "br")
          return void (cell !== undefined ? (cell += " ") : heading ? (heading.text += " ") : (text += " "));
        if (HEADING.test(name)) {
          flush();
          heading = { line: here(), text: "" };
        } else if (name === "tr") {
          flush();
          row = { line: here(), cells: [] };
        } else if ((name === "td" || name === "th") && row) cell = "";
        else if (BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (skip > 0) return;
        if (cell !== undefined) cell += data;
        else if (heading) heading.text += data;
        else {
          // The first non-blank text of a block gives its line (checked on the piece, never the whole buffer).
          if (!started && data.trim() !== "") {
            started = true;
            textLine = here();
          }
          text += data;
        }
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) return void (skip = Math.max(0, skip - 1));
        if (skip > 0) return;
        if (HEADING.test(name) && heading) {
          blocks.push({ kind: "heading", line: heading.line, text: heading.text });
          heading = undefined;
        } else if ((name === "td" || name === "th") && row && cell !== undefined) {
          row.cells.push(cell.trim());
          cell = undefined;
        } else if (name === "tr" && row) {
          blocks.push({ kind: "row", line: row.line, cells: row.cells });
          row = undefined;
        } else if (BLOCKS.has(name)) flush();
      },
      oncomment(data) {
        const saved = /^\s*saved from url=\(\d+\)(\S+)\s*$/.exec(data);
        if (saved) urls.push(saved[1]!);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(page);
  flush();
  const url = urls.find(isHttps);
  return url === undefined ? { blocks } : { blocks, url };
};

/** Longest line or block read as page text; longer ones are kept whole but never parsed with patterns. */
export const MAX_BLOCK_CHARS = 8192;

/**
 * The page's blocks in reading order, read as `shape` (HTML through a real parser, htmlparser2),
 * and the URL a saved HTML page names as its own.
 */
export const pageBlocks = (page: string, shape: PageShape): { blocks: PageBlock[]; url?: string } => {
  if (shape === "html") return htmlBlocks(page);
  return { blocks: shape === "markdown" ? markdownBlocks(page) : textBlocks(page) };
};
