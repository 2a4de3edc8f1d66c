import pkg from "../../package.json" with { type: "json" };

/** The package's version, as `--version` and SARIF print it. */
export const VERSION: string = pkg.version;
