import { parseArgs } from "node:util";
import { SOURCE_FORMATS } from "../node/detect-format.js";

/** Parsed command line. */
export interface Args {
  readonly command: string | undefined;
  readonly positionals: readonly string[];
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly catalog?: string;
  readonly scopes?: string;
  readonly token?: string;
  readonly strict: boolean;
  /** `--format`; `--json` is `json`. */
  readonly format: OutputFormat;
  /** `--from`: how to read FILE. */
  readonly from: InputFormat;
  /** `--base-url`, repeatable: more base URLs whose HAR entries and log lines are Dynamic calls. */
  readonly baseUrls: readonly string[];
}

/** Every `--format`. */
export const OUTPUT_FORMATS = ["text", "json", "markdown", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Every `--from`: the formats the Node adapters detect, and `auto`. */
export const INPUT_FORMATS = SOURCE_FORMATS;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const oneOf = <T extends string>(option: string, value: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(value))
    throw new TypeError(`--${option} must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`);
  return value as T;
};

const baseUrl = (value: string): string => {
  if (!/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value))
    throw new TypeError(`--base-url must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  return value;
};

const outputFormat = (json: boolean, format: string | undefined): OutputFormat => {
  if (format === undefined) return json ? "json" : "text";
  const f = oneOf("format", format, OUTPUT_FORMATS);
  if (json && f !== "json") throw new TypeError(`--json and --format ${f} disagree; give one`);
  return f;
};

/** Parses argv (without node and script); throws a TypeError with node's message on unknown options. */
export const parseCommandLine = (argv: readonly string[]): Args => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "V", default: false },
      catalog: { type: "string" },
      scopes: { type: "string" },
      token: { type: "string" },
      strict: { type: "boolean", default: false },
      format: { type: "string" },
      from: { type: "string" },
      "base-url": { type: "string", multiple: true },
    },
  });
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    // `--format json` is `--json` for every command, including need, scopes and grants.
    json: values.json || values.format === "json",
    format: outputFormat(values.json, values.format),
    from: oneOf("from", values.from ?? "auto", INPUT_FORMATS),
    baseUrls: (values["base-url"] ?? []).map(baseUrl),
    help: values.help,
    version: values.version,
    strict: values.strict,
    ...(values.catalog === undefined ? {} : { catalog: values.catalog }),
    ...(values.scopes === undefined ? {} : { scopes: values.scopes }),
    ...(values.token === undefined ? {} : { token: values.token }),
  };
};
