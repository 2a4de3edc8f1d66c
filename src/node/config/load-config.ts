import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { parseConfig, type ParsedConfig } from "../../gate/parse-config.js";
import { ConfigError, InputError } from "../../util/errors.js";
import { readText } from "../read-source.js";

/** A config file is a reviewed page or two; past this it is refused before it is parsed. */
export const MAX_CONFIG_BYTES = 1 << 20;

/** A loaded config: what it says, where it is, and the directory its paths are relative to. */
export interface LoadedConfig extends ParsedConfig {
  /** Absolute path of the file. */
  readonly path: string;
  /** Absolute directory of the file: inputs are relative to it and may not leave it. */
  readonly root: string;
}

/** A path as shown in reports: relative to `cwd` with `/` separators (absolute only on another drive). */
export const shownPath = (path: string, cwd: string): string => {
  const r = relative(cwd, path);
  return r === "" ? "." : isAbsolute(r) ? path : r.split(sep).join("/");
};

/** Reads and validates a config file (`ConfigError` with JSON path and line, `InputError` if unreadable). */
export const loadConfig = async (file: string, cwd: string = process.cwd()): Promise<LoadedConfig> => {
  const path = resolve(cwd, file);
  const shown = shownPath(path, cwd);
  let text: string;
  try {
    text = await readText(path, { maxBytes: MAX_CONFIG_BYTES });
  } catch (error) {
    // Unreadable, too large, binary, not a regular file: a config error naming the file as given.
    throw error instanceof InputError ? new ConfigError(error.issues, shown) : error;
  }
  return { ...parseConfig(text, shown), path, root: dirname(path) };
};
