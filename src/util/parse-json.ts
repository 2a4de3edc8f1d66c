/** Result of {@link parseJson}: the value, or where and why the text is not JSON. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** `JSON.parse` that reports the line and column of a syntax error instead of throwing. */
export const parseJson = (text: string): JsonResult => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const pos = /at position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return { ok: false, line, column, message: message.replace(/\s*\(line \d+ column \d+\)/, "") };
  }
};
