import { randomBytes } from "node:crypto";
import { readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "../../util/errors.js";

/**
 * Replaces a config file's text all at once (a temporary file beside it, then a rename), and only if
 * it still holds `before`: an edit made meanwhile is never overwritten, and a reader never sees half a file.
 */
export const replaceConfig = async (path: string, before: string, after: string, shown: string): Promise<void> => {
  const now = await readFile(path, "utf8");
  if (now.replace(/^\uFEFF/, "") !== before) {
    const message = "changed while scopewise read it; run again";
    throw new InputError("changed", [{ code: "changed", path: "$", message }], shown);
  }
  const bom = now.startsWith("\uFEFF") ? "\uFEFF" : "";
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bom + after, { mode: (await stat(path)).mode & 0o777, flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const message = `could not write it: ${(error as Error).message}`;
    throw new InputError("unwritable", [{ code: "unwritable", path: "$", message }], shown);
  }
};
