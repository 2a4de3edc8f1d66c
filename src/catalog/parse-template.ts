import { parse } from "path-to-regexp";
import { isLiteralSegment } from "./schema.js";
import type { TemplateSegment } from "./split-template.js";

/** Parses a template with path-to-regexp; returns its segments or why scopewise cannot use it. */
export const parseTemplate = (
  path: string,
): { ok: true; segments: TemplateSegment[] } | { ok: false; message: string } => {
  let tokens;
  try {
    tokens = parse(path).tokens;
  } catch (error) {
    return { ok: false, message: `path-to-regexp cannot parse it: ${(error as Error).message}` };
  }
  const segments: TemplateSegment[] = [];
  let text = "";
  let paramInSegment = false;
  const flush = (): string | undefined => {
    if (paramInSegment) {
      if (text !== "") return "a param must fill its whole segment";
    } else {
      if (text === "") return "empty segment";
      if (text === "." || text === "..") return "dot segments cannot be literals";
      if (!isLiteralSegment(text))
        return `literal segment ${JSON.stringify(text)} has characters routers treat inconsistently`;
      segments.push({ kind: "literal", value: text });
    }
    text = "";
    paramInSegment = false;
    return undefined;
  };
  if (path === "/") return { ok: true, segments };
  if (path.endsWith("/")) return { ok: false, message: "template must not end with /" };
  let started = false;
  for (const token of tokens) {
    if (token.type === "param") {
      if (text !== "" || paramInSegment) return { ok: false, message: "a param must fill its whole segment" };
      paramInSegment = true;
      segments.push({ kind: "param", name: token.name });
      continue;
    }
    if (token.type !== "text")
      return { ok: false, message: `${token.type}s are not supported; use one :param per segment` };
    for (const ch of token.value) {
      if (ch !== "/") {
        if (paramInSegment) return { ok: false, message: "a param must fill its whole segment" };
        text += ch;
        continue;
      }
      if (!started) {
        started = true;
        continue;
      }
      const problem = flush();
      if (problem) return { ok: false, message: problem };
    }
  }
  const problem = flush();
  if (problem) return { ok: false, message: problem };
  return { ok: true, segments };
};
