import { parseArgs } from "node:util";
import { didYouMean } from "../util/edit-distance.js";
import { UsageError, type Command, type OptionSpecs, type OptionValues } from "./command.js";

/** Options every command takes. */
const HELP = { help: { type: "boolean", short: "h" } } as const;

const suggestion = (name: string, candidates: readonly string[]): string => {
  const guess = didYouMean(name, candidates);
  return guess === undefined ? "" : `; did you mean ${guess}?`;
};

/** The first `--name` or `-x` in argv that the command does not declare. */
const unknownOption = (argv: readonly string[], options: OptionSpecs): string | undefined => {
  const shorts = new Set(Object.values(options).flatMap((o) => (o.short ? [o.short] : [])));
  for (const arg of argv) {
    if (arg === "--") return undefined;
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0] as string;
      if (!Object.hasOwn(options, name) && name !== "help") return `--${name}`;
    } else if (arg.startsWith("-") && arg.length > 1 && !shorts.has(arg[1] as string) && arg[1] !== "h") return arg;
  }
  return undefined;
};

/**
 * Parses a command's arguments from its option table: unknown options (with a
 * did-you-mean), values outside `choices`, and the wrong number of positionals are
 * `UsageError`s; list options merge over repeats and commas.
 */
export const parseCommand = <O extends OptionSpecs>(
  command: Command<O>,
  argv: readonly string[],
  /** The other commands that take an option, for "--from is an option of plan, check". */
  elsewhere: (option: string) => readonly string[] = () => [],
): { values: OptionValues<O>; positionals: string[]; help: boolean } => {
  const unknown = unknownOption(argv, command.options);
  if (unknown !== undefined) {
    const names = Object.keys(command.options).map((n) => `--${n}`);
    const others = elsewhere(unknown);
    const hint =
      others.length > 0
        ? `: ${command.name} does not take it (${others.join(", ")} ${others.length === 1 ? "does" : "do"})`
        : suggestion(unknown, names);
    throw new UsageError(`unknown option ${unknown}${hint}`, command.name);
  }
  const config = Object.fromEntries(
    Object.entries(command.options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.list ? { multiple: true } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...config, ...HELP }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ""), command.name);
  }
  const raw = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(command.options)) {
    const v = raw[name];
    if (o.type === "boolean") values[name] = v === true;
    else if (o.list) {
      values[name] = ((v as string[] | undefined) ?? [])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter((s) => s !== "");
    } else values[name] = v;
    const given = o.list ? (values[name] as string[]) : typeof v === "string" ? [v] : [];
    for (const value of given) {
      const problem = o.check?.(value);
      if (problem !== undefined)
        throw new UsageError(`--${name} ${problem}, not ${JSON.stringify(value)}`, command.name);
      if (o.choices && !o.choices.includes(value)) {
        throw new UsageError(
          `--${name} must be one of ${o.choices.join(", ")}, not ${JSON.stringify(value)}` +
            suggestion(value, o.choices),
          command.name,
        );
      }
    }
  }
  const help = raw["help"] === true;
  const { min, max, name } = command.positionals;
  const n = parsed.positionals.length;
  if (!help && (n < min || n > max)) {
    const expected =
      min === max
        ? `${min === 1 ? "one" : min} ${name}`
        : max === Infinity
          ? `at least ${min === 1 ? "one" : min} ${name}`
          : `${min} to ${max} ${name}`;
    throw new UsageError(
      `expected ${expected}${
        n > max
          ? `, got ${n} (${parsed.positionals
              .slice(max)
              .map((p) => JSON.stringify(p))
              .join(" ")} extra)`
          : ""
      }`,
      command.name,
    );
  }
  return { values: values as OptionValues<O>, positionals: parsed.positionals, help };
};
