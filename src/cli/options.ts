import { RISK_LEVELS } from "../catalog/risk.js";
import { DEFAULT_MAX_AGE_DAYS } from "../checker/token-age.js";
import { checkApiUrl, DEFAULT_API_URL } from "../node/tokens/api-url.js";
import { REPORT_FORMATS, type ReportFormat } from "../report/report-formats.js";
import { parseLogFormat } from "../sources/logs/log-format.js";
import { UsageError, type OptionSpec } from "./command.js";

// The option tables of every command, and what they need: light, since every command's table loads
// for `--help` and for parsing, while each command's work loads only when it runs.

/** `--format` and `--json` as one format; they must agree. */
export const outputFormat = (values: { format?: string | undefined; json: boolean }, command: string): ReportFormat => {
  if (values.format === undefined) return values.json ? "json" : "text";
  if (values.json && values.format !== "json")
    throw new UsageError(`--json and --format ${values.format} disagree; give one`, command);
  return values.format as ReportFormat; // the parser checked it against the option's choices
};

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

/** `--config FILE` / `--no-config`: every command that reads calls. */
export const CONFIG_OPTIONS = {
  config: {
    type: "string",
    value: "FILE",
    description: "read this config instead of the nearest scopewise.config.json (found from the working directory up)",
  },
  "no-config": { type: "boolean", description: "read no config file" },
} as const satisfies Record<string, OptionSpec>;

const number = (min: number, max: number, integer: boolean) => (v: string) =>
  /^\d+(\.\d+)?$/.test(v) && Number(v) >= min && Number(v) <= max && (!integer || Number.isInteger(Number(v)))
    ? undefined
    : `must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}`;

const apiUrl = (v: string): string | undefined => {
  try {
    checkApiUrl(v);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^--api-url .*? (must|is)/, "$1");
  }
};

/** How the live commands reach Dynamic: the token comes from `DYNAMIC_API_TOKEN`, never from an option. */
export const LIVE_OPTIONS = {
  environment: {
    type: "string",
    value: "ENV",
    check: (v) =>
      /^[A-Za-z0-9._~-]{1,128}$/.test(v) ? undefined : "must be an environment id (letters, digits, -, _)",
    description: "the Dynamic environment's id",
  },
  "api-url": {
    type: "string",
    value: "URL",
    check: apiUrl,
    description: `Dynamic's admin API (default ${DEFAULT_API_URL}); https, or http to localhost`,
  },
  timeout: {
    type: "string",
    value: "SECONDS",
    check: number(0.05, 600, false),
    description: "the longest wait for one whole answer (default 10)",
  },
  retries: {
    type: "string",
    value: "N",
    check: number(0, 10, true),
    description: "retries after a 429, a 5xx, a timeout or a lost connection (default 2)",
  },
  quiet: { type: "boolean", description: "no progress on stderr (there is none when piped or in CI either)" },
} as const satisfies Record<string, OptionSpec>;

/** `--max-age DAYS`. */
export const AGE_OPTION = {
  "max-age": {
    type: "string",
    value: "DAYS",
    check: number(0, 36_500, true),
    description: `a token older than this fails, with a rotation hint (default ${DEFAULT_MAX_AGE_DAYS})`,
  },
} as const satisfies Record<string, OptionSpec>;

/** `--token-id ID`, for when the API has no `GET /tokens/me`. */
export const TOKEN_ID_OPTION = {
  "token-id": {
    type: "string",
    value: "ID",
    description: "which token this is, when the API has no GET /tokens/me (else matched by checksum)",
  },
} as const;
