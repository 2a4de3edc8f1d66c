import { createInterface } from "node:readline";
import { Readable } from "node:stream";

/** The lines of a byte or text stream, one in memory at a time, whatever the stream's size. */
export const lines = (input: AsyncIterable<Uint8Array | string>): AsyncIterable<string> =>
  createInterface({ input: Readable.from(input, { objectMode: false }), crlfDelay: Infinity });
