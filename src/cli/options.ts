import { REPORT_FORMATS } from "../report/format.js";
import { parseLogFormat } from "../sources/logs/formats.js";
import { RISK_LEVELS } from "../catalog/risk.js";
import type { OptionSpec } from "./command.js";

/** `--catalog FILE`: every command that answers from a catalog. */
export const CATALOG_OPTIONS = {
  catalog: { type: "string", value: "FILE", description: "use this catalog file instead of the embedded Dynamic one" },
} as const satisfies Record<string, OptionSpec>;

/** `--format`/`--json` for commands whose answer is about the catalog itself. */
export const SIMPLE_OUTPUT_OPTIONS = {
  format: { type: "string", value: "FORMAT", choices: ["text", "json"], description: "text (default) or json" },
  json: { type: "boolean", description: "the same as --format json" },
} as const satisfies Record<string, OptionSpec>;

/** `--format`/`--json` for commands that report on calls. */
export const REPORT_OPTIONS = {
  format: {
    type: "string",
    value: "FORMAT",
    choices: REPORT_FORMATS,
    description: "text (default), json, markdown (PR comment), sarif (code scanning), github (annotations)",
  },
  json: { type: "boolean", description: "the same as --format json" },
} as const satisfies Record<string, OptionSpec>;

/** How to read call inputs. */
export const INPUT_OPTIONS = {
  from: {
    type: "string",
    value: "FORMAT",
    choices: ["auto", "calls", "har", "log"],
    description: "how to read FILE: auto (default: by name and first bytes), calls, har, log",
  },
  "base-url": {
    type: "string",
    list: true,
    check: (v) => (/^https?:\/\/[^/]/i.test(v) && URL.canParse(v) ? undefined : "must be an absolute http(s) URL"),
    value: "URL",
    description: "requests (HAR, logs) sent to URL's origin are Dynamic calls too (a proxy, a local fake); repeatable",
  },
  "log-format": {
    type: "string",
    value: "NAME|REGEX",
    check: (v) => {
      const r = parseLogFormat(v);
      return r.ok ? undefined : r.message;
    },
    description:
      "how log lines are written: auto (default: line by line), combined, common, json, envoy, alb, or a " +
      "regular expression with named groups method, url or path, and optionally host, status; reads FILE as a log",
  },
} as const satisfies Record<string, OptionSpec>;

/** The token a check is about. */
export const TOKEN_OPTIONS = {
  scopes: { type: "string", list: true, value: "LIST", description: "the token's scopes, comma-separated; repeatable" },
  token: {
    type: "string",
    value: "FILE",
    description: 'token JSON ("-" for stdin): { scopes }, { token: { scopes } } or { tokens: [...] }',
  },
  strict: { type: "boolean", description: "also fail when the token has unused or unknown scopes" },
  "max-unused-risk": {
    type: "string",
    value: "LEVEL",
    choices: RISK_LEVELS,
    description:
      "fail on unused scopes rated above LEVEL (read, write, admin, critical; unrated is above all); " +
      "with --strict it replaces the rule that any unused scope fails",
  },
} as const satisfies Record<string, OptionSpec>;
