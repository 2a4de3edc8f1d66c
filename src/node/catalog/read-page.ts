import { MAX_BLOCK_CHARS, type PageBlock } from "./page-blocks.js";
import { cleanText, endpointCells, endpointText, looksLikeEndpoint, quoted } from "./page-text.js";

/** A scope as the page lists it. */
export interface PageScope {
  readonly line: number;
  readonly name: string;
  readonly group?: string;
  description?: string;
  readonly endpoints: { line: number; method: string; path: string; summary: string; deprecated: boolean }[];
}

/** A line of the page, and what became of it. */
export interface PageNote {
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

/** What the page held: its scopes, the lines that could not be read, and the prose passed over. */
export interface PageRead {
  readonly scopes: PageScope[];
  /** Lines that look like part of the catalog but could not be read: the import fails on any. */
  readonly problems: PageNote[];
  /** Lines read as prose and passed over (intro, footer), and invisible characters removed. */
  readonly skipped: PageNote[];
}

const SCOPE_NAME = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+$/;
const GROUP = /^(.{1,190}?) Permissions$/;
const DESCRIPTION = /^Description:\s*(.*)$/;
const HEADER = /^Method\s*&\s*Endpoint\s*Description$/;
const shown = quoted;

/**
 * Reads the blocks of Dynamic's "API Token Permissions" page: group headings (`… Permissions`),
 * scope names, `Description:` lines, and the endpoint table under each scope. A line that looks
 * like part of the catalog but cannot be read is a problem with its line; prose is passed over
 * and listed; nothing is guessed: a run-together text row whose split is ambiguous is taken only
 * when `known` (the base catalog, the SDK) has that endpoint.
 */
export const readPage = (
  blocks: readonly PageBlock[],
  known: (method: string, path: string) => boolean = () => false,
): PageRead => {
  const out: PageRead = { scopes: [], problems: [], skipped: [] };
  const seen = new Map<string, number>();
  const endpoints = new Map<string, number>();
  let group: string | undefined;
  let scope: PageScope | undefined;
  const problem = (line: number, text: string, message: string): void => {
    out.problems.push({ line, text: shown(text), message });
  };
  const addEndpoint = (line: number, text: string, e: ReturnType<typeof endpointText>): void => {
    if (!e.ok) return problem(line, text, e.why);
    if (scope === undefined) return problem(line, text, "an endpoint under no scope");
    if (e.ambiguous && !known(e.method, e.path))
      return problem(
        line,
        text,
        `${e.method} ${e.path} is new, and its path and summary run together where a camelCase word could belong ` +
          "to either: give the page as HTML or markdown",
      );
    const key = `${e.method} ${e.path.replace(/\/:[^/]+/g, "/:")}`;
    const first = endpoints.get(key);
    if (first !== undefined) return problem(line, text, `${e.method} ${e.path} is already listed on line ${first}`);
    endpoints.set(key, line);
    scope.endpoints.push({ line, method: e.method, path: e.path, summary: e.summary, deprecated: e.deprecated });
  };
  for (const block of blocks) {
    const { line } = block;
    if (block.kind === "row") {
      const long = block.cells.find((c) => c.length > MAX_BLOCK_CHARS);
      if (long !== undefined) {
        problem(line, long, `a cell of ${long.length} characters: too long to be a catalog line`);
        continue;
      }
      const cells = block.cells.map((c) => cleanText(c));
      const bad = cells.find((c) => !c.ok);
      const raw = block.cells.join(" | ");
      if (bad && !bad.ok) {
        problem(line, raw, bad.why);
        continue;
      }
      const texts = cells.map((c) => (c.ok ? c.text : ""));
      if (texts.length === 2 && /^Method\s*&\s*Endpoint$/.test(texts[0]!) && texts[1] === "Description") continue;
      addEndpoint(line, raw, endpointCells(texts));
      continue;
    }
    if (block.text.length > MAX_BLOCK_CHARS) {
      const note = {
        line,
        text: shown(block.text),
        message: `${block.text.length} characters: too long to be a catalog line`,
      };
      (scope ? out.problems : out.skipped).push(note);
      continue;
    }
    const cleaned = cleanText(block.text);
    if (!cleaned.ok) {
      problem(line, block.text, cleaned.why);
      continue;
    }
    const text = cleaned.text;
    if (cleaned.removed > 0)
      out.skipped.push({ line, text: shown(text), message: `${cleaned.removed} invisible characters removed` });
    if (text === "") continue;
    if (SCOPE_NAME.test(text)) {
      const first = seen.get(text);
      if (first !== undefined) {
        problem(line, text, `scope ${text} is already listed on line ${first}`);
        scope = undefined;
        continue;
      }
      seen.set(text, line);
      scope = { line, name: text, ...(group === undefined ? {} : { group }), endpoints: [] };
      out.scopes.push(scope);
      continue;
    }
    const groupMatch = GROUP.exec(text);
    if (groupMatch && !looksLikeEndpoint(text) && (block.kind === "heading" || !/[.:;,]/.test(text))) {
      group = groupMatch[1]!;
      scope = undefined;
      continue;
    }
    const description = DESCRIPTION.exec(text);
    if (description) {
      if (scope === undefined) problem(line, text, "a description under no scope");
      else if (scope.description !== undefined || scope.endpoints.length > 0)
        problem(line, text, `a second description for ${scope.name}`);
      else scope.description = description[1]!;
      continue;
    }
    if (HEADER.test(text)) continue;
    if (/^[A-Z]+ \//.test(text)) {
      addEndpoint(line, text, endpointText(text));
      continue;
    }
    if (looksLikeEndpoint(text)) {
      problem(line, text, "looks like an endpoint line but is not METHOD /path followed by a summary");
      continue;
    }
    out.skipped.push({
      line,
      text: shown(text),
      message: scope ? `prose after ${scope.name}, passed over` : "prose, passed over",
    });
  }
  return out;
};
