import { safeRegex } from "safe-regex2";
import { NO_REQUEST, request, statusOf, type ParsedLine } from "./parsed.js";

/** Why `pattern` cannot read log lines (named groups `method` and `url` or `path` are needed), or none. */
export const patternProblem = (pattern: RegExp): string | undefined => {
  // A probe of the groups: an alternation of the pattern and the empty string always matches.
  const groups = new RegExp(`${pattern.source}|`, pattern.flags.replace(/[gy]/g, "")).exec("")?.groups ?? {};
  if (!("method" in groups)) return "has no named group (?<method>…)";
  if (!("url" in groups) && !("path" in groups)) return "has no named group (?<url>…) or (?<path>…)";
  // A quantified group inside a quantified group (`(a+)+`) can take exponential time on one line.
  if (!safeRegex(pattern))
    return "may backtrack catastrophically (a repeated group inside a repeated group); simplify it";
  return undefined;
};

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
