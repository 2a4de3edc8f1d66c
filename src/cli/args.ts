import { parseArgs } from "node:util";

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
}

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
    },
  });
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    json: values.json,
    help: values.help,
    version: values.version,
    strict: values.strict,
    ...(values.catalog === undefined ? {} : { catalog: values.catalog }),
    ...(values.scopes === undefined ? {} : { scopes: values.scopes }),
    ...(values.token === undefined ? {} : { token: values.token }),
  };
};
