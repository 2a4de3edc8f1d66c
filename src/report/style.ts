/** ANSI styling that is a no-op unless enabled. */
export interface Style {
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const wrap = (on: boolean, open: number, close: number) => (s: string) =>
  on ? `\u001b[${open}m${s}\u001b[${close}m` : s;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const colorEnabled = (isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean =>
  isTTY === true && (env["NO_COLOR"] ?? "") === "" && env["TERM"] !== "dumb";

export const makeStyle = (on: boolean): Style => ({
  green: wrap(on, 32, 39),
  red: wrap(on, 31, 39),
  yellow: wrap(on, 33, 39),
  dim: wrap(on, 2, 22),
  bold: wrap(on, 1, 22),
});

/** A rating as a tag, `[critical]` (`[unrated]` when the catalog gives none), coloured by severity. */
export const riskTag = (style: Style, risk: { readonly level: string } | undefined): string => {
  const level = risk?.level ?? "unrated";
  const tag = `[${level}]`;
  return level === "read" ? style.dim(tag) : level === "write" ? tag : style.red(tag);
};
