import { CatalogError, InputError } from "../util/errors.js";
import { describeError } from "../util/describe-error.js";
import { didYouMean } from "../util/edit-distance.js";
import { shown } from "../util/shown.js";
import { EXIT, UsageError, type Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { commandHelp, mainHelp } from "./help.js";
import { processIo, type Io } from "./io.js";
import { parseCommand } from "./parse.js";
import { VERSION } from "./version.js";

const find = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);

/** A command named by one word (`plan`) or two (`token audit`), and the arguments after its name. */
const lookup = (argv: readonly string[]): { command: Command | undefined; rest: readonly string[] } => {
  const [first = "", second, ...more] = argv;
  const two = second === undefined ? undefined : find(`${first} ${second}`);
  return two ? { command: two, rest: more } : { command: find(first), rest: argv.slice(1) };
};

/** The commands of a group (`token`): `scopewise token` lists them. */
const group = (name: string): readonly Command[] => COMMANDS.filter((c) => c.name.startsWith(`${name} `));

const usage = (io: Io, error: UsageError): number => {
  const help = error.command === undefined ? "scopewise --help" : `scopewise ${error.command} --help`;
  // Messages quote the command line: shown inert, as input is everywhere.
  io.stderr(
    `scopewise${error.command === undefined ? "" : ` ${error.command}`}: ${shown(error.message)} (see ${help})\n`,
  );
  return EXIT.error;
};

const dispatch = async (argv: readonly string[], io: Io): Promise<number> => {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") {
    (first === undefined ? io.stderr : io.stdout)(`${mainHelp(COMMANDS)}\n`);
    return first === undefined ? EXIT.error : EXIT.ok;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === "help") {
    const { command } = rest[0] === undefined ? { command: undefined } : lookup(rest);
    if (rest[0] !== undefined && command === undefined && group(rest[0]).length === 0) throw unknownCommand(rest[0]);
    const listed = command === undefined && rest[0] !== undefined ? group(rest[0]) : COMMANDS;
    io.stdout(`${command ? commandHelp(command) : mainHelp(listed)}\n`);
    return EXIT.ok;
  }
  const { command, rest: args } = lookup(argv);
  if (command === undefined) {
    const commands = group(first);
    if (commands.length === 0) throw unknownCommand(first);
    // `scopewise token` or `scopewise token --help`: the group's commands; anything else is a wrong name.
    const asked = rest[0] === "--help" || rest[0] === "-h";
    if (rest[0] !== undefined && !asked) throw unknownCommand(`${first} ${rest[0]}`);
    (asked ? io.stdout : io.stderr)(`${mainHelp(commands)}\n`);
    return asked ? EXIT.ok : EXIT.error;
  }
  const takenBy = (option: string) =>
    COMMANDS.filter((c) => option.startsWith("--") && Object.hasOwn(c.options, option.slice(2))).map((c) => c.name);
  const { values, positionals, help } = parseCommand(command, args, takenBy);
  if (help) {
    io.stdout(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }
  return command.run({ values, positionals, io });
};

const unknownCommand = (name: string): UsageError => {
  const guess = didYouMean(
    name,
    COMMANDS.map((c) => c.name),
  );
  const shown = name.startsWith("-") ? `unknown option ${name}` : `unknown command ${JSON.stringify(name)}`;
  return new UsageError(`${shown}${guess ? `; did you mean ${guess}?` : ""}`);
};

/**
 * Runs the CLI in-process: `await run(["plan", "calls.txt"])` writes to `io` (the real
 * process by default) and resolves to the exit code: 0 yes, 1 the answer is no, 2 usage or input error.
 */
export const run = async (argv: readonly string[], io: Partial<Io> = {}): Promise<number> => {
  const full: Io = { ...processIo(), ...io };
  try {
    return await dispatch(argv, full);
  } catch (error) {
    if (error instanceof UsageError) return usage(full, error);
    if (error instanceof CatalogError || error instanceof InputError) {
      full.stderr(`scopewise: ${error.message}\n`);
      return EXIT.error;
    }
    // A bug, not an answer: never exit 0 or 1 for it.
    full.stderr(
      `scopewise: internal error: ${shown(describeError(error))}\n` +
        (full.env["SCOPEWISE_DEBUG"] ? `${(error as Error).stack}\n` : ""),
    );
    return EXIT.error;
  }
};
