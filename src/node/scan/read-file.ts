import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { MAX_SOURCE_BYTES } from "./limits.js";

/** A source file's text, or why it was not read. */
export type FileText =
  | { readonly text: string }
  | { readonly refused: "not-regular" | "too-large" | "binary" | "unreadable"; readonly message: string };

// O_NONBLOCK: opening a FIFO swapped in after the stat must not wait for a writer.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `cap` bytes ({@link MAX_SOURCE_BYTES}) as UTF-8 (BOM dropped). Devices, FIFOs and
 * sockets are refused before a byte is read, and nothing past the cap is ever read, so `/dev/zero`
 * behind a symlink costs nothing. Synchronous: TypeScript's compiler host asks synchronously.
 */
export const readFileText = (file: string, cap = MAX_SOURCE_BYTES): FileText => {
  let fd: number | undefined;
  try {
    const before = statSync(file);
    if (!before.isFile()) return { refused: "not-regular", message: "not a regular file; not read" };
    fd = openSync(file, FLAGS);
    const info = fstatSync(fd);
    if (!info.isFile()) return { refused: "not-regular", message: "not a regular file; not read" };
    if (info.size > cap)
      return {
        refused: "too-large",
        message: `${info.size} bytes; files over ${cap} bytes are not scanned`,
      };
    const buffer = Buffer.alloc(Math.min(info.size, cap) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length)
        return { refused: "too-large", message: `grew past ${cap} bytes while read; not scanned` };
    }
    const bytes = buffer.subarray(0, length);
    if (bytes.includes(0)) return { refused: "binary", message: "looks binary (has NUL bytes); not scanned" };
    return { text: bytes.toString("utf8").replace(/^\uFEFF/, "") };
  } catch (error) {
    return { refused: "unreadable", message: `cannot read: ${(error as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/** True when `file` is (or links to) a regular file. */
export const isRegularFile = (file: string): boolean => {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
};
