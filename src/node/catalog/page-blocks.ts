import { parse, type DefaultTreeAdapterTypes as T } from "parse5";

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
  ..."address article blockquote dd details div dl dt fieldset figcaption figure form h1 h2 h3 h4 h5 h6".split(" "),
  ..."header hr li main ol p pre section summary table tbody thead tfoot tr ul body html".split(" "),
]);

const isElement = (n: T.ChildNode): n is T.Element => "tagName" in n;

/** The text of a node: its text descendants joined, `<br>` as a space, skipped elements left out. */
const textOf = (node: T.ParentNode): string => {
  let out = "";
  for (const child of node.childNodes) {
    if (child.nodeName === "#text") out += (child as T.TextNode).value;
    else if (isElement(child)) {
      if (SKIPPED.has(child.tagName)) continue;
      out += child.tagName === "br" ? " " : textOf(child);
      if (BLOCKS.has(child.tagName) || child.tagName === "td" || child.tagName === "th") out += " ";
    }
  }
  return out;
};

const hasBlock = (node: T.ParentNode): boolean =>
  node.childNodes.some((c) => isElement(c) && !SKIPPED.has(c.tagName) && (BLOCKS.has(c.tagName) || hasBlock(c)));

const lineOf = (node: T.Node): number => node.sourceCodeLocation?.startLine ?? 0;

const attr = (e: T.Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;

/** Where a saved page came from: its canonical link, og:url, or the browser's "saved from" note. */
const sourceUrl = (doc: T.Document): string | undefined => {
  const found: string[] = [];
  const visit = (node: T.ParentNode): void => {
    for (const c of node.childNodes) {
      if (c.nodeName === "#comment") {
        const saved = /^\s*saved from url=\(\d+\)(\S+)\s*$/.exec((c as T.CommentNode).data);
        if (saved) found.push(saved[1]!);
      } else if (isElement(c)) {
        if (c.tagName === "link" && attr(c, "rel")?.toLowerCase() === "canonical") found.unshift(attr(c, "href") ?? "");
        else if (c.tagName === "meta" && attr(c, "property") === "og:url") found.push(attr(c, "content") ?? "");
        else visit(c);
      }
    }
  };
  visit(doc);
  return found.find((u) => /^https:\/\/[^\s<>"']+$/.test(u) && URL.canParse(u));
};

const htmlBlocks = (doc: T.Document): PageBlock[] => {
  const out: PageBlock[] = [];
  const visit = (node: T.ParentNode): void => {
    for (const child of node.childNodes) {
      if (child.nodeName === "#text") {
        const text = (child as T.TextNode).value;
        if (text.trim() !== "") out.push({ kind: "text", line: lineOf(child), text });
        continue;
      }
      if (!isElement(child) || SKIPPED.has(child.tagName)) continue;
      const tag = child.tagName;
      if (/^h[1-6]$/.test(tag)) out.push({ kind: "heading", line: lineOf(child), text: textOf(child) });
      else if (tag === "tr") {
        const cells = child.childNodes.filter((c) => isElement(c) && (c.tagName === "td" || c.tagName === "th"));
        out.push({ kind: "row", line: lineOf(child), cells: cells.map((c) => textOf(c as T.Element).trim()) });
      } else if (hasBlock(child)) visit(child);
      else if (textOf(child).trim() !== "") out.push({ kind: "text", line: lineOf(child), text: textOf(child) });
    }
  };
  visit(doc);
  return out;
};

/** Longest line or block read as page text; longer ones are kept whole but never parsed with patterns. */
export const MAX_BLOCK_CHARS = 8192;

/**
 * The page's blocks in reading order, read as `shape` (HTML through a real parser, parse5),
 * and the URL a saved HTML page names as its own.
 */
export const pageBlocks = (page: string, shape: PageShape): { blocks: PageBlock[]; url?: string } => {
  if (shape === "html") {
    const doc = parse(page, { sourceCodeLocationInfo: true });
    const url = sourceUrl(doc);
    return { blocks: htmlBlocks(doc), ...(url ? { url } : {}) };
  }
  return { blocks: shape === "markdown" ? markdownBlocks(page) : textBlocks(page) };
};
