import { safeRegex } from "safe-regex2";

// Naming a log format: light enough for the CLI's option table to check `--log-format` with.

/** The log formats that have names; `auto` tells them apart line by line. `common` reads as `combined`. */
export const LOG_FORMAT_NAMES = ["auto", "combined", "common", "json", "envoy", "alb"] as const;

/** A named log format. */
export type LogFormatName = (typeof LOG_FORMAT_NAMES)[number];

/**
 * How access-log lines are read: a named format, or a regular expression with named groups
 * `method` and `url` (or `path`), optionally `host` and `status`. See {@link parseLogFormat}.
 */
export type LogFormat = LogFormatName | RegExp;

/** The format a line was read in, as summaries name it. */
export type LineFormat = "combined" | "json" | "envoy" | "alb" | "pattern";

/**
 * Reads a `--log-format` or config value: a format name, else a regular expression source
 * (compiled without flags) that must have the named groups a custom format needs.
 */
export const parseLogFormat = (
  value: string,
): { readonly ok: true; readonly format: LogFormat } | { readonly ok: false; readonly message: string } => {
  if ((LOG_FORMAT_NAMES as readonly string[]).includes(value)) return { ok: true, format: value as LogFormatName };
  let pattern: RegExp;
  try {
    pattern = new RegExp(value);
  } catch (error) {
    const names = LOG_FORMAT_NAMES.join(", ");
    return {
      ok: false,
      message: `is neither a format name (${names}) nor a regular expression: ${(error as Error).message}`,
    };
  }
  const problem = patternProblem(pattern);
  if (problem === undefined) return { ok: true, format: pattern };
  return { ok: false, message: `is not a format name (${LOG_FORMAT_NAMES.join(", ")}), and as a pattern ${problem}` };
};

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
