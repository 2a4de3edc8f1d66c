import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";
import { parseJson } from "../util/parse-json.js";
import type { CallSource } from "./io.js";
import { trimAscii } from "../util/trim-ascii.js";
import { unreadable } from "../node/open-input.js";

/** Calls read from a file, each with where it came from. */
export interface SourcedCalls {
  readonly calls: unknown[];
  readonly sources: CallSource[];
}

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Reads a file (or `-` for stdin) as bytes, turning fs errors into one-line messages. */
export const readInput = async (file: string): Promise<string> => {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? await readStdin() : await readFile(file);
  } catch (error) {
    throw unreadable(file === "-" ? "<stdin>" : file, error);
  }
  if (bytes.includes(0)) {
    throw new InputError(
      "binary",
      [{ code: "binary", path: "$", message: "looks binary (has NUL bytes); expected text lines or JSON" }],
      file === "-" ? "<stdin>" : file,
    );
  }
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
};

/**
 * Parses a calls document: `METHOD URL` lines (blank lines and `#` comments
 * skipped) or a JSON array of strings / `{ method, url }` objects.
 */
export const parseCalls = (text: string, file: string): SourcedCalls => {
  const calls: unknown[] = [];
  const sources: CallSource[] = [];
  if (text.trimStart().startsWith("[")) {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      throw new InputError(
        "invalid-json",
        [
          {
            code: "invalid-json",
            path: "$",
            message: `line ${parsed.line}, column ${parsed.column}: ${parsed.message}`,
          },
        ],
        file,
      );
    }
    if (!Array.isArray(parsed.value))
      throw new InputError(
        "invalid-json",
        [{ code: "invalid-json", path: "$", message: "expected a JSON array of calls" }],
        file,
      );
    parsed.value.forEach((call: unknown, i) => {
      calls.push(call);
      sources.push({ file, path: `$[${i}]` });
    });
    return { calls, sources };
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = trimAscii(raw);
    if (line === "" || line.startsWith("#")) return;
    calls.push(line);
    sources.push({ file, line: i + 1 });
  });
  return { calls, sources };
};

/** Reads and parses a calls file; `-` is stdin. */
export const readCalls = async (file: string): Promise<SourcedCalls> =>
  parseCalls(await readInput(file), file === "-" ? "<stdin>" : file);
