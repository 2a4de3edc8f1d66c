import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createJsonStream, JsonStreamError, TOO_LONG, type Keep } from "../../src/util/json-stream.js";
import { numRuns, timeout } from "../helpers/fc.js";

// The stream reader must accept exactly what JSON.parse accepts, keep what JSON.parse would give at the
// kept places, and answer the same however the text is cut into pieces. (A kept key given twice, where
// JSON.parse keeps the last, is refused: see the test of it below.)

const KEEP: Keep = {
  keys: {
    a: true,
    b: { keys: { c: true, d: { items: true } } },
    e: { items: { keys: { f: true } } },
  },
};

/** What JSON.parse gives at the kept places: the reference the stream is held to. */
const pruned = (value: unknown, keep: Keep | true): unknown => {
  if (keep === true) {
    if (Array.isArray(value)) return [];
    return typeof value === "object" && value !== null ? {} : value;
  }
  if (Array.isArray(value)) return keep.items === undefined ? [] : value.map((v) => pruned(v, keep.items!));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of Object.entries(keep.keys ?? {}))
    if (Object.hasOwn(value, k)) out[k] = pruned((value as Record<string, unknown>)[k], sub);
  return out;
};

const read = (pieces: readonly string[], keep: Keep = KEEP): { ok: true; value: unknown } | { ok: false } => {
  const stream = createJsonStream(keep, 1 << 20);
  try {
    for (const p of pieces) stream.write(p);
    return { ok: true, value: stream.end() };
  } catch (error) {
    if (!(error instanceof JsonStreamError)) throw error;
    return { ok: false };
  }
};

const reference = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: pruned(JSON.parse(text), KEEP) };
  } catch {
    return { ok: false };
  }
};

/** A text cut at random places. */
const cut = (text: string, cuts: readonly number[]): string[] => {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
  return [...at, text.length].map((end, i) => text.slice(i === 0 ? 0 : at[i - 1], end));
};

// JSON texts: documents with the kept keys, spacing, escapes, numbers of every shape.
const key = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "__proto__", "a\u0000", "\\u0061");
const leaf = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: fc.constantFrom("a", '"', "\\", "/", "\u2028", "\ud800", "\u0000", "\t"), maxLength: 8 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(true, false, null, 0, -0, 1e21, 1.5e-7),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
})).value;
const spacing = fc.constantFrom("", " ", "\n", "\r\n", "\t", "  \n ");
const text = fc.tuple(value, spacing).map(([v, s]) => JSON.stringify(v, null, s.includes("\n") ? 2 : undefined) + s);
// Texts that are often not JSON: a JSON text with one character changed, cut short or doubled.
const mutated = fc
  .tuple(
    text,
    fc.nat(),
    fc.constantFrom("", ",", "}", "]", '"', "\\", "\u0001", "x", "-", "0", "e", "tru", " "),
    fc.nat(4),
  )
  .map(([t, at, piece, how]) => {
    const i = at % (t.length + 1);
    if (how === 0) return t.slice(0, i) + piece + t.slice(i + 1);
    if (how === 1) return t.slice(0, i);
    if (how === 2) return t + t;
    // A kept key spelled with an escape is still that key.
    return how === 3 ? t.replaceAll('"a"', '"\\u0061"') : t + piece;
  });

describe("createJsonStream against JSON.parse", () => {
  test(
    "accepts exactly what JSON.parse accepts, and keeps what it would give, however the text is cut",
    () => {
      fc.assert(
        fc.property(fc.oneof(text, mutated), fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
          expect(read(cut(t, cuts))).toEqual(reference(t));
        }),
        { numRuns },
      );
    },
    timeout,
  );

  test("hands over streamed items one by one with the line each starts on", () => {
    const seen: [unknown, number, number][] = [];
    const keep: Keep = {
      keys: { list: { items: { keys: { id: true } }, each: (v, i, line) => seen.push([v, i, line]) } },
    };
    const doc = '{\n  "list": [\n    {"id": 1, "x": [1]},\n    2,\n\n    {"id": "\\u0041"}\n  ]\n}\n';
    for (const cuts of [[], [1, 9, 20, 31, 40, 47]])
      expect(read(cut(doc, cuts), keep)).toEqual({ ok: true, value: { list: [] } });
    expect(seen.slice(0, 3)).toEqual([
      [{ id: 1 }, 0, 3],
      [2, 1, 4],
      [{ id: "A" }, 2, 6],
    ]);
  });

  test("errors carry line and column; nesting past the cap and a once-only key given twice are errors", () => {
    const at = (t: string, keep: Keep = KEEP) => {
      const stream = createJsonStream(keep, 100);
      try {
        stream.write(t);
        return stream.end();
      } catch (error) {
        return error instanceof JsonStreamError ? [error.message, error.line, error.column, error.twice] : error;
      }
    };
    expect(at('{\n  "log": {\n    "entries": [,]\n  }\n}')).toEqual(["unexpected ','", 3, 17, false]);
    expect(at("[".repeat(600))).toEqual(["nested deeper than 512 levels", 1, 513, false]);
    expect(at('{"log": 1, "log": 2}', { keys: { log: { once: true } } })).toEqual([
      '"log" is given twice',
      1,
      17,
      true,
    ]);
    expect(at('{"a": "b\u0001"}')).toEqual(["bad character U+0001 in a string", 1, 9, false]);
    expect(at('{"a": 1')).toEqual(["unexpected end of JSON input", 1, 8, false]);
  });

  test("a kept key given twice goes to the `each` of its item, with path and line; elsewhere it is an error", () => {
    const seen: unknown[] = [];
    const keep: Keep = {
      keys: {
        a: true,
        list: { items: { keys: { id: true, o: { keys: { k: true } } } }, each: (...args) => seen.push(args) },
      },
    };
    const doc =
      '{"list": [\n{"id": 1, "x": 1, "x": 2},\n{"id": 1, "\\u0069d": 2},\n{"o": {"k": 1,\n "k": 2}},\n{"id": 3}]}';
    expect(read(cut(doc, [5, 20, 33]), keep)).toEqual({ ok: true, value: { list: [] } });
    expect(seen).toEqual([
      [{ id: 1 }, 0, 2, undefined],
      [{ id: 2 }, 1, 3, { path: "$.list[1].id", line: 3 }],
      [{ o: { k: 2 } }, 2, 4, { path: "$.list[2].o.k", line: 5 }],
      [{ id: 3 }, 3, 6, undefined],
    ]);
    expect(() => createJsonStream(keep, 100).write('{"a": 1, "a": 2}')).toThrow('"a" is given twice');
  });

  test("a kept string past the cap is TOO_LONG, whatever the pieces; a skipped one is read on without being held", () => {
    const long = "x".repeat(300);
    const stream = createJsonStream({ keys: { a: true } }, 100);
    for (const piece of cut(JSON.stringify({ a: long, b: long }), [50, 120, 250, 400, 550])) stream.write(piece);
    expect(stream.end()).toEqual({ a: TOO_LONG });
  });
});
