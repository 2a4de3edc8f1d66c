import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { InputError } from "./errors.js";
import { lineIndex } from "./line-index.js";

/** Result of {@link parseJson}: the value, or where and why the text is not JSON. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/**
 * Deepest nesting of arrays and objects a JSON input may have. Real documents (a HAR, a
 * catalog, a token) are under 40 deep; the cap keeps every recursive reader after the parse
 * (jsonc-parser's error finder and tree, schema validation) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 512;

/** Offset of the first `[` or `{` nested deeper than `max`, or -1: one linear pass, strings skipped. */
const tooDeepAt = (text: string, max: number): number => {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to the next quote that no backslash escapes (or the end).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
};

/**
 * Strict `JSON.parse` that reports the line and column of a syntax error instead
 * of throwing. V8 does not always give a position, so jsonc-parser (in strict
 * mode) finds the first error when JSON.parse fails. A document nested deeper than
 * {@link MAX_JSON_DEPTH} is an error at its first bracket past the cap, found before
 * any parser recurses into it: never a stack overflow.
 */
export const parseJson = (text: string): JsonResult => {
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep !== -1)
    return { ok: false, ...lineIndex(text)(deep), message: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const message = (error as Error).message.replace(/\s+/g, " ").replace(/\s*\(line \d+ column \d+\)/, "");
    const where = lineIndex(text)(first?.offset ?? text.length);
    return { ok: false, ...where, message: first ? `${printParseErrorCode(first.error)} (${message})` : message };
  }
};

/** Parses a JSON document or throws the one `invalid-json` {@link InputError}, with line and column. */
export const parseJsonInput = (text: string, file?: string): unknown => {
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  const message = `line ${parsed.line}, column ${parsed.column}: ${parsed.message}`;
  throw new InputError("invalid-json", [{ code: "invalid-json", path: "$", line: parsed.line, message }], file);
};

const pathSegments = (jsonPath: string): (string | number)[] =>
  [...jsonPath.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3] as string) as string),
  );

/**
 * Parses `text` once and returns a lookup of the 1-based line of the value at a
 * JSON path (`$.a[0].b`), or of its nearest existing parent.
 */
export const lineFinder = (text: string): ((jsonPath: string) => number | undefined) => {
  const tree = parseTree(text);
  const lineAt = lineIndex(text);
  return (jsonPath) => {
    if (!tree) return undefined;
    const segments = pathSegments(jsonPath);
    for (let n = segments.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, segments.slice(0, n));
      if (node) return lineAt(node.parent?.type === "property" ? node.parent.offset : node.offset).line;
    }
    return undefined;
  };
};
