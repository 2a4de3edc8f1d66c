import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mayRepeatKeys } from "../../src/util/key-precheck.js";
import { numRuns, timeout } from "../helpers/fc.js";

// The cheap test lets most JSON log lines skip the exact one: it must never clear a text that repeats a key.

/** A string as JSON text, its first character sometimes written as a `\u` escape. */
const quoted = (s: string, escape: boolean): string => {
  const plain = JSON.stringify(s);
  if (!escape || s === "") return plain;
  return `"\\u${s.charCodeAt(0).toString(16).padStart(4, "0")}${plain.slice(2)}`;
};

type Doc = string | number | null | Doc[] | { entries: [string, Doc][] };
const key = fc.constantFrom("a", "b", "method", ":authority", "a:b", "__proto__");
const doc: fc.Arbitrary<Doc> = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("x", ":", "https://h/p", "10:00:01", 1, null),
    fc.array(tie("doc"), { maxLength: 3 }),
    fc.record({ entries: fc.array(fc.tuple(key, tie("doc")), { maxLength: 4 }) }),
  ),
})).doc;
const space = fc.constantFrom("", " ", "\n ");

/** JSON text for a document, keys in the order given (repeats kept), with random spacing and escapes. */
const text = (d: Doc, s: string, escape: boolean): string => {
  if (typeof d === "string") return quoted(d, escape);
  if (typeof d !== "object" || d === null) return JSON.stringify(d);
  if (Array.isArray(d)) return `[${d.map((x) => text(x, s, escape)).join(`,${s}`)}]`;
  const entries = d.entries.map(([k, v]) => `${quoted(k, escape)}${s}:${s}${text(v, s, escape)}`);
  return `{${s}${entries.join(`,${s}`)}${s}}`;
};

/** Whether a document gives a key twice in one of its objects: the reference the cheap test is held to. */
const repeats = (d: Doc): boolean => {
  if (typeof d !== "object" || d === null) return false;
  if (Array.isArray(d)) return d.some(repeats);
  const keys = d.entries.map(([k]) => k);
  return new Set(keys).size < keys.length || d.entries.some(([, v]) => repeats(v));
};

describe("mayRepeatKeys against the document a text was written from", () => {
  test(
    "says yes for every text that gives a key twice, and no for the rest unless it escapes a colon",
    () => {
      fc.assert(
        fc.property(doc, space, fc.boolean(), (d, s, escape) => {
          const t = text(d, s, escape);
          const maybe = mayRepeatKeys(t, JSON.parse(t));
          if (repeats(d)) expect(maybe).toBe(true);
          else if (!/\\u003a/i.test(t)) expect(maybe).toBe(false);
        }),
        { numRuns },
      );
    },
    timeout,
  );

  test("a text nested past the depth cap is not cleared", () => {
    const deep = `${"[".repeat(600)}${"]".repeat(600)}`;
    expect(mayRepeatKeys(deep, JSON.parse(deep))).toBe(true);
  });
});
