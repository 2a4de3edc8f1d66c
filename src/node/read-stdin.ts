import { InputError } from "../util/errors.js";

const binary = (): InputError =>
  new InputError(
    "binary",
    [{ code: "binary", path: "$", message: "looks binary (has NUL bytes); expected text" }],
    "<stdin>",
  );

/** Stdin as Buffers, each refused as it comes if it holds a NUL byte: `< /dev/zero` stops at once. */
async function* buffers(stdin: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const chunk of stdin) {
    const buffer =
      typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buffer.includes(0)) throw binary();
    yield buffer;
  }
}

/** Stdin's first bytes as text (at least `bytes` of them, or all there is), and all of stdin as a stream. */
export const peekStdin = async (
  stdin: AsyncIterable<Uint8Array | string>,
  bytes: number,
): Promise<{ head: string; all: AsyncIterable<Buffer> }> => {
  const rest = buffers(stdin);
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const r = await rest.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    size += r.value.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    if (!done) yield* rest;
  }
  return { head: Buffer.concat(head).toString("utf8"), all: all() };
};

/** A stream read whole, or undefined once it is past `max` bytes (nothing more is read). */
export const collect = async (chunks: AsyncIterable<Uint8Array | string>, max: number): Promise<string | undefined> => {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const buffer of buffers(chunks)) {
    size += buffer.length;
    if (size > max) return undefined;
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString("utf8");
};
