import { StringDecoder } from "node:string_decoder";
import { MAX_LINE_LENGTH } from "../sources/limits.js";

/**
 * The lines of a byte or text stream, split on `\n` (a `\r` before it is dropped), one in
 * memory at a time, whatever the stream's size. A line longer than `maxLength` characters
 * is yielded cut to `maxLength + 1` characters, its rest skipped unread into memory, so a
 * reader that refuses lines over `maxLength` sees that it was too long; one huge line costs
 * `maxLength` characters, not its size.
 */
export async function* lines(
  input: AsyncIterable<Uint8Array | string>,
  maxLength: number = MAX_LINE_LENGTH,
): AsyncIterable<string> {
  const decoder = new StringDecoder("utf8");
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
  const end = (): string => (!over && line.endsWith("\r") ? line.slice(0, -1) : line);
  for await (const chunk of input) {
    const text =
      typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      take(text.slice(start, nl));
      yield end();
      line = "";
      over = false;
      start = nl + 1;
    }
    take(text.slice(start));
  }
  take(decoder.end());
  if (line !== "") yield end();
}
