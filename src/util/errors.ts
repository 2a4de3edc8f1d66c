import { shown } from "./shown.js";

/** One problem found in a catalog or an input document, located by JSON path. */
export interface Issue {
  /** Machine-readable kind, e.g. `unknown-scope`, `duplicate-endpoint`. */
  readonly code: string;
  /** JSON path of the offending value, e.g. `$.scopes[2].endpoints[0].path`. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the source file, when the input was text. */
  readonly line?: number;
}

// The message is for people, and quotes input (file names, JSON paths, values): shown inert.
// `issues` keep the input as it is, for programs.
const render = (what: string, file: string | undefined, issues: readonly Issue[]): string => {
  const where = file === undefined ? "" : ` in ${shown(file)}`;
  const lines = issues.map(
    (i) =>
      `  ${i.line === undefined ? "" : `line ${i.line}: `}${shown(i.path)}: ${shown(i.message)} [${shown(i.code)}]`,
  );
  return `${what}${where} (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}`;
};

/** A catalog failed to load; `issues` lists every problem, each with its JSON path. */
export class CatalogError extends Error {
  override readonly name = "CatalogError";
  readonly code = "invalid-catalog";
  constructor(
    readonly issues: readonly Issue[],
    readonly file?: string,
  ) {
    super(render("invalid catalog", file, issues));
  }
}

/** A token document (or other structured input) has the wrong shape. */
export class InputError extends Error {
  override readonly name: string = "InputError";
  constructor(
    readonly code: string,
    readonly issues: readonly Issue[],
    readonly file?: string,
  ) {
    super(render("invalid input", file, issues));
  }
}

/** `$` + JSON path for a zod-style path array. */
export const jsonPath = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>(
    (acc, s) =>
      typeof s === "number"
        ? `${acc}[${s}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(s))
          ? `${acc}.${String(s)}`
          : `${acc}[${JSON.stringify(String(s))}]`,
    "$",
  );

/** A config file (`scopewise.config.json`) is not valid: every problem with its JSON path and line. */
export class ConfigError extends InputError {
  override readonly name = "ConfigError";
  constructor(issues: readonly Issue[], file?: string) {
    super("invalid-config", issues, file);
    this.message = render("invalid config", file, issues);
  }
}
