import type { Io } from "./io.js";

/** One option of a command: the parser and the help text both read it. */
export interface OptionSpec {
  readonly type: "boolean" | "string";
  readonly short?: string;
  /** A list: repeatable and comma-separated, merged in order (`--scopes a,b --scopes c`). */
  readonly list?: boolean;
  /** The only values allowed. */
  readonly choices?: readonly string[];
  /** Why a value is refused, or undefined when it is fine (checked for each value of a list). */
  readonly check?: (value: string) => string | undefined;
  /** Placeholder in help, e.g. `FILE`. */
  readonly value?: string;
  readonly description: string;
}

/** A command's options by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed option values, typed from the specs. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K]["type"] extends "boolean"
    ? boolean
    : O[K]["list"] extends true
      ? readonly string[]
      : string | undefined;
};

/** What a command's `run` gets: its parsed arguments and the process's streams. */
export interface CommandContext<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
  readonly io: Io;
}

/** A command: its option table, its help text, and what it does. `run` resolves to the exit code. */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line for `scopewise --help`. */
  readonly summary: string;
  /** What follows the command name in the usage line, e.g. `FILE...`. */
  readonly args: string;
  /** How many positionals it takes. */
  readonly positionals: { readonly min: number; readonly max: number; readonly name: string };
  readonly description: string;
  readonly options: O;
  /** The exit codes, in a sentence. */
  readonly exits: string;
  readonly examples?: readonly string[];
  readonly run: (ctx: CommandContext<O>) => Promise<number>;
}

/** Declares a command; the types of `run`'s values follow from `options`. */
export const defineCommand = <O extends OptionSpecs>(command: Command<O>): Command<O> => command;

/** Exit codes: 0 yes, 1 the answer is no, 2 usage or input error. */
export const EXIT = { ok: 0, no: 1, error: 2 } as const;

/** A mistake in the command line: printed with a pointer to the help, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}
