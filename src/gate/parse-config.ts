import { parse, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { ConfigError, jsonPath, type Issue } from "../util/errors.js";
import { describeError } from "../util/describe-error.js";
import { didYouMean } from "../util/edit-distance.js";
import { keyIssuesIn } from "../util/json-keys.js";
import { lineIndex } from "../util/line-index.js";
import { lineFinder } from "../util/parse-json.js";
import { configSchema, type ScopewiseConfig } from "./config-schema.js";
import { compileMatch } from "./ignore-rule.js";

/** Problems listed at most; the last one counts the rest. */
const MAX_ISSUES = 50;

/** A validated config, with the line of any JSON path in its text (for locations in reports). */
export interface ParsedConfig {
  readonly config: ScopewiseConfig;
  readonly file: string;
  readonly text: string;
  readonly lineOf: (jsonPath: string) => number | undefined;
}

// The keys each object of the schema takes, for a did-you-mean on an unknown one.
const KEYS: Readonly<Record<string, readonly string[]>> = {
  top: ["$schema", "inputs", "baseUrls", "rewrites", "ignore", "tokens", "logFormat"],
  ignore: ["match", "reason", "expires"],
  rewrites: ["from", "to"],
  tokens: ["scopes", "inputs"],
  inputs: ["path", "from"],
};

const keysAt = (path: readonly PropertyKey[]): readonly string[] => {
  if (path.length === 0) return KEYS["top"]!;
  const named = [...path].reverse().find((s) => typeof s === "string" && s in KEYS && s !== "top") as string;
  if (path[0] === "tokens" && path.length === 2) return KEYS["tokens"]!;
  return KEYS[named] ?? [];
};

const schemaIssues = (value: unknown): Issue[] => {
  const result = configSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((i): Issue[] => {
    if (i.code === "unrecognized_keys") {
      return i.keys.map((key) => {
        const guess = didYouMean(key, keysAt(i.path));
        const message = `unknown key ${JSON.stringify(key)}${guess ? `; did you mean ${JSON.stringify(guess)}?` : ""}`;
        return { code: "unknown-key", path: jsonPath([...i.path, key]), message };
      });
    }
    const message = i.code === "invalid_key" ? (i.issues[0]?.message ?? i.message) : i.message;
    return [{ code: "schema", path: jsonPath(i.path), message }];
  });
};

// What the schema cannot say: each ignore's match compiles, and top-level inputs are read by some token.
const meaningIssues = (config: ScopewiseConfig): Issue[] => {
  const issues: Issue[] = [];
  config.ignore?.forEach((e, i) => {
    const compiled = compileMatch(e.match);
    if (typeof compiled === "string")
      issues.push({ code: "bad-match", path: `$.ignore[${i}].match`, message: compiled });
  });
  const tokens = Object.values(config.tokens ?? {});
  if ((config.inputs?.length ?? 0) > 0 && tokens.length > 0 && tokens.every((t) => t.inputs !== undefined)) {
    issues.push({
      code: "unserved-inputs",
      path: "$.inputs",
      message: "every token lists its own inputs, so these are checked against no token; move them to a token",
    });
  }
  return issues;
};

const capped = (issues: Issue[]): Issue[] =>
  issues.length <= MAX_ISSUES
    ? issues
    : [
        ...issues.slice(0, MAX_ISSUES - 1),
        { code: "too-many-problems", path: "$", message: `and ${issues.length - MAX_ISSUES + 1} more not listed` },
      ];

/**
 * Reads `scopewise.config.json` text: JSON with comments and trailing commas, then the schema. Throws one
 * {@link ConfigError} listing every problem with its JSON path and line; never returns half a config.
 */
export const parseConfig = (text: string, file = "scopewise.config.json"): ParsedConfig => {
  try {
    return parse1(text, file);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Nesting deep enough to exhaust the parser's stack, or anything else that throws: still a config error.
    const why = error instanceof RangeError ? "nested too deeply" : describeError(error);
    throw new ConfigError([{ code: "unreadable", path: "$", message: `could not be read: ${why}` }], file);
  }
};

const parse1 = (text: string, file: string): ParsedConfig => {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: false });
  const at = lineIndex(text);
  if (errors.length > 0) {
    throw new ConfigError(
      capped(
        errors.map((e) => {
          const { line, column } = at(e.offset);
          const message = `not JSON (comments and trailing commas are fine): ${printParseErrorCode(e.error)}`;
          return { code: "invalid-json", path: "$", line, message: `column ${column}: ${message}` };
        }),
      ),
      file,
    );
  }
  const lineOf = lineFinder(text);
  const withLines = (issues: Issue[]): Issue[] =>
    capped(issues).map((i) => (i.line !== undefined ? i : { ...i, ...lineAt(lineOf, i.path) }));
  // `__proto__` would set a prototype when parsed into an object; a key given twice is read as its last value.
  const keys = keyIssuesIn(parseTree(text), at);
  if (keys.length > 0) throw new ConfigError(withLines(keys), file);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError([{ code: "schema", path: "$", line: 1, message: "a config is a JSON object" }], file);
  }
  const issues = schemaIssues(value);
  if (issues.length > 0) throw new ConfigError(withLines(issues), file);
  const config = configSchema.parse(value);
  const meaning = meaningIssues(config);
  if (meaning.length > 0) throw new ConfigError(withLines(meaning), file);
  return { config, file, text, lineOf };
};

const lineAt = (lineOf: (path: string) => number | undefined, path: string): { line?: number } => {
  const line = lineOf(path);
  return line === undefined ? {} : { line };
};
