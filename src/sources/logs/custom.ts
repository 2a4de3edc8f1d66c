import { NO_REQUEST, request, statusOf, type ParsedLine } from "./parsed.js";

/**
 * A custom format: a regular expression with named groups `method` and `url` (or `path`),
 * optionally `host` (a path's host) and `status`. A line it does not match is a bad line.
 */
export const customParser = (pattern: RegExp): ((text: string) => ParsedLine) => {
  // Stateless matching whatever flags the caller gave: no lastIndex carried between lines.
  const re =
    pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")) : pattern;
  return (text): ParsedLine => {
    const g = re.exec(text)?.groups;
    if (g === undefined) return { kind: "bad", message: "line does not match the log format pattern" };
    const method = g["method"];
    const target = g["url"] ?? g["path"];
    if (method === "-" || target === "-") return NO_REQUEST;
    if (!method || !target)
      return { kind: "bad", message: `the log format pattern matched no ${method ? "url or path" : "method"}` };
    return request(method, target, statusOf(g["status"]), g["host"] && g["host"] !== "-" ? g["host"] : undefined);
  };
};
