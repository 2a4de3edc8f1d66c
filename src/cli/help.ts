import type { Command } from "./command.js";

const optionLines = (command: Command): string[] => {
  const rows = Object.entries(command.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}`;
    return [flag, o.description] as const;
  });
  rows.push(["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`);
};

/** A command's help, generated from the same table its parser reads. */
export const commandHelp = (command: Command): string =>
  [
    `Usage: scopewise ${command.name}${command.args ? ` ${command.args}` : ""} [options]`,
    "",
    command.description,
    "",
    "Options:",
    ...optionLines(command),
    ...(command.examples?.length ? ["", "Examples:", ...command.examples.map((e) => `  ${e}`)] : []),
    "",
    `Exit: ${command.exits}`,
  ].join("\n");

/** The top-level help: every command with its one-line summary. */
export const mainHelp = (commands: readonly Command[]): string => {
  const rows = commands.map((c) => [`scopewise ${c.name}${c.args ? ` ${c.args}` : ""}`, c.summary] as const);
  const width = Math.max(...rows.map(([usage]) => usage.length)) + 2;
  return [
    "scopewise: least-privilege scopes for Dynamic API tokens",
    "",
    "Usage:",
    ...rows.map(([usage, summary]) => `  ${usage.padEnd(width)}${summary}`),
    "",
    "scopewise help COMMAND (or COMMAND --help) shows a command's options.",
    "scopewise --version prints the version.",
    "",
    "Exit codes: 0 yes / done, 1 the answer is no (a token insufficient, a call",
    "unknown or invalid), 2 usage or input error.",
  ].join("\n");
};
