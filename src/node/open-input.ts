import { open, type FileHandle } from "node:fs/promises";
import { InputError } from "../errors.js";

/** How many bytes are read up front to tell binary files and formats apart. */
export const SNIFF_BYTES = 4096;

/** An fs error as a one-line `InputError` naming the file. */
export const unreadable = (file: string, error: unknown): InputError => {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "is a directory, not a file"
        : code === "EACCES"
          ? "permission denied"
          : (error as Error).message;
  return new InputError("unreadable", [{ code: code ?? "unreadable", path: "$", message: why }], file);
};

/** An open file and its first bytes; throws `InputError` (file named) if unreadable or binary. */
export const openInput = async (file: string): Promise<{ handle: FileHandle; head: string }> => {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, "r");
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0))
      throw new InputError(
        "binary",
        [{ code: "binary", path: "$", message: "looks binary (has NUL bytes); expected text" }],
        file,
      );
    return { handle, head: head.toString("utf8").replace(/^\uFEFF/, "") };
  } catch (error) {
    await handle?.close();
    throw error instanceof InputError ? error : unreadable(file, error);
  }
};
