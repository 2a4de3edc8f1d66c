import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CONFIG_FILE } from "../../gate/config-schema.js";

const exists = async (path: string): Promise<boolean> => {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * The nearest `scopewise.config.json` from `cwd` up: the first directory that has one, stopping at the
 * repository's root (a directory with `.git`) so a file above the checkout cannot configure the gate.
 */
export const findConfig = async (cwd: string = process.cwd()): Promise<string | undefined> => {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (await exists(file)) return file;
    if ((await exists(join(dir, ".git"))) || dirname(dir) === dir) return undefined;
  }
};
