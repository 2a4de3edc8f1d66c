// Hygiene for text read off a page: what a catalog may hold, and how an endpoint line splits.

/** Unicode spaces a browser copy carries (no-break, thin, ideographic …): read as a plain space. */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Invisible characters with no meaning in a catalog (zero-width, word joiner, BOM): removed, and counted. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Characters refused outright: controls, bidi overrides and isolates, line separators. */
const REFUSED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/** Markup in what should be plain text: the page was not read in the right shape, or it is hostile. */
const MARKUP = /<\/?[A-Za-z][^>]*>|<!--/;

/** Text of a page line as reports quote it: controls, bidi and invisible characters shown as `\u{…}`, cut at 120. */
export const quoted = (raw: string): string => {
  const cut = raw.length > 120 ? `${raw.slice(0, 117)}…` : raw;
  return cut.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
};

/** Clean text, or why it cannot be taken. */
export type Cleaned =
  { readonly ok: true; readonly text: string; readonly removed: number } | { readonly ok: false; readonly why: string };

/** Normalizes spaces, removes invisible characters, and refuses controls, bidi marks and markup. */
export const cleanText = (raw: string): Cleaned => {
  const refused = REFUSED.exec(raw);
  if (refused) {
    const code = refused[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return { ok: false, why: `holds the control or bidi character U+${code}` };
  }
  let removed = 0;
  const text = raw
    .replace(INVISIBLE, () => {
      removed++;
      return "";
    })
    .replace(SPACES, " ")
    .replace(/[\t\n\r ]+/g, " ")
    .trim();
  if (MARKUP.test(text)) return { ok: false, why: "holds markup (<…>), which a catalog never does" };
  return { ok: true, text, removed };
};

/** HTTP methods the page uses; anything else in a method's place is not read. */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

const METHOD_PATH = new RegExp(`^(${METHODS.join("|")}) (/\\S*)(.*)$`);
/** A path segment as Dynamic writes them: lower camelCase, a `:param` or `{param}`. */
const SEGMENT = /^(?::[a-z][A-Za-z0-9]*|\{[a-z][A-Za-z0-9]*\}|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)*)$/;

/** `{name}` params as `:name`. */
const asTemplate = (path: string): string => path.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, ":$1");

/** An endpoint line, split: method, template, summary (with the deprecation mark taken off). */
export type EndpointLine =
  | {
      readonly ok: true;
      readonly method: string;
      readonly path: string;
      readonly summary: string;
      readonly deprecated: boolean;
      /**
       * Text shape only: the path's last segment is camelCase, so a summary opening with a camelCase
       * word (`WebAuthn …`) would split the run elsewhere. The importer takes it only for a known endpoint.
       */
      readonly ambiguous?: boolean;
    }
  | { readonly ok: false; readonly why: string };

const withSummary = (method: string, path: string, summary: string): EndpointLine => {
  const segments = path === "/" ? [] : path.slice(1).split("/");
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined)
    return { ok: false, why: `path segment ${JSON.stringify(bad)} is not one the page's paths use` };
  const mark = /\s*\(deprecated\)$/i.exec(summary);
  const text = mark ? summary.slice(0, mark.index).trim() : summary.trim();
  if (text === "") return { ok: false, why: "no summary after the path" };
  return { ok: true, method, path: asTemplate(path), summary: text, deprecated: mark !== null };
};

/**
 * A table row as cells: `METHOD /path` and a summary (HTML, markdown, or a copy that kept a tab).
 */
export const endpointCells = (cells: readonly string[]): EndpointLine => {
  if (cells.length !== 2) return { ok: false, why: `a row of ${cells.length} cells; endpoint rows have 2` };
  const m = METHOD_PATH.exec(cells[0]!);
  if (!m || m[3] !== "") return { ok: false, why: `${JSON.stringify(cells[0])} is not METHOD /path` };
  return withSummary(m[1]!, m[2]!, cells[1]!);
};

/**
 * A row of the text copy, where the browser ran the path and the summary together
 * (`GET /environments/:environmentId/usersGet users for environment`). The summary starts at
 * the last capital of the run, and only when what follows it is one capitalised word and the
 * path's last segment reads as a camelCase name; any other line is refused, never guessed.
 */
export const endpointText = (line: string): EndpointLine => {
  const m = METHOD_PATH.exec(line);
  if (!m) return { ok: false, why: "not METHOD /path followed by a summary" };
  const [, method, run, rest] = m as unknown as [string, string, string, string];
  let k = run.length - 1;
  while (k > 0 && !/[A-Z]/.test(run[k]!)) k--;
  const word = run.slice(k);
  const path = run.slice(0, k);
  if (k <= 1 || !/^[A-Z][a-z]+$/.test(word) || path.endsWith("/"))
    return { ok: false, why: "cannot tell where the path ends and the summary begins" };
  const read = withSummary(method, path, `${word}${rest}`);
  return read.ok && /[A-Z]/.test(path.slice(path.lastIndexOf("/"))) ? { ...read, ambiguous: true } : read;
};

/** A line that looks like an endpoint row but is not one: never taken as prose. */
export const looksLikeEndpoint = (text: string): boolean =>
  /^[A-Za-z]{3,7}\s*\//.test(text) || /^\/[A-Za-z:{]/.test(text) || /\/[:{][A-Za-z]/.test(text);
