import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { InputError } from "../util/errors.js";

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

/** An open regular file, its size and its first bytes. */
export interface OpenFile {
  readonly handle: FileHandle;
  readonly size: number;
  readonly head: Buffer;
}

/**
 * Opens a regular file and reads its first bytes. Devices, FIFOs and sockets (also
 * behind a symlink) are refused before anything is read, so `/dev/zero` cannot hang a run;
 * a file with NUL bytes up front is refused as binary. Throws `InputError` naming the file.
 */
export const openFile = async (file: string): Promise<OpenFile> => {
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer before fstat can refuse it.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (info.isDirectory()) throw unreadable(file, Object.assign(new Error("is a directory"), { code: "EISDIR" }));
    if (!info.isFile()) {
      const message = "is not a regular file (a device, FIFO or socket); give a file";
      throw new InputError("not-a-file", [{ code: "not-a-file", path: "$", message }], file);
    }
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) {
      const message = "looks binary (has NUL bytes); expected text";
      throw new InputError("binary", [{ code: "binary", path: "$", message }], file);
    }
    return { handle, size: info.size, head };
  } catch (error) {
    await handle?.close();
    throw error instanceof InputError ? error : unreadable(file, error);
  }
};

/** Checks that `file` opens as a regular text file (as {@link openFile} does), and closes it again. */
export const checkFile = async (file: string): Promise<void> => {
  const { handle } = await openFile(file);
  await handle.close();
};

/**
 * Reads an open file whole, but never more than `max` bytes: undefined past that. The size `fstat`
 * gave is not trusted (a `/proc` file says 0 and has more; a file may grow while read).
 */
export const readCapped = async (handle: FileHandle, max: number): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1 << 20, max + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > max) return undefined;
  }
  return Buffer.concat(chunks).toString("utf8");
};
