import { StringDecoder } from "node:string_decoder";
import { MAX_LINE_LENGTH } from "../sources/limits.js";

/**
 * Hands each line of a byte or text stream to `onLine`, split on `\n` (a `\r` before it is dropped),
 * one chunk in memory at a time, whatever the stream's size. A line longer than `maxLength` characters
 * is handed over cut to `maxLength + 1` characters, its rest skipped unread into memory, so a reader
 * that refuses lines over `maxLength` sees that it was too long; one huge line costs `maxLength`
 * characters, not its size. Lines are sliced from their chunk: what outlives the call must be detached.
 */
export const eachLine = async (
  input: AsyncIterable<Uint8Array | string>,
  onLine: (line: string) => void,
  maxLength: number = MAX_LINE_LENGTH,
): Promise<void> => {
  const decoder = new StringDecoder("utf8");
  // The start of a line the last chunk did not end; `over` once it is past the cap.
  let line = "";
  let over = false;
  const take = (piece: string): void => {
    if (over || piece === "") return;
    line += piece;
    if (line.length > maxLength) {
      line = line.slice(0, maxLength + 1);
      over = true;
    }
  };
  // An over-long line keeps its last character, even a `\r`: cut, it must stay over the cap.
  const emit = (text: string, cut: boolean): void =>
    onLine(!cut && text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text);
  const flush = (): void => {
    emit(line, over);
    line = "";
    over = false;
  };
  for await (const chunk of input) {
    const text =
      typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    let nl = text.indexOf("\n");
    if (nl !== -1 && (line !== "" || over)) {
      take(text.slice(0, nl));
      flush();
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    for (; nl !== -1; nl = text.indexOf("\n", start)) {
      if (nl - start > maxLength) emit(text.slice(start, start + maxLength + 1), true);
      else emit(text.slice(start, nl), false);
      start = nl + 1;
    }
    take(start === 0 ? text : text.slice(start));
  }
  take(decoder.end());
  if (line !== "" || over) flush();
};
