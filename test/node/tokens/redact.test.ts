import { describe, expect, test } from "vitest";
import { redact, redactJson } from "../../../src/node/tokens/redact.js";
import { hiddenCharacters, printable, safeJson } from "../../../src/util/printable.js";
import { leaksSecret, SECRET } from "../../helpers/fake-dynamic.js";

/** `s` with `sep` after every `n` characters. */
const every = (s: string, n: number, sep: string): string => s.replace(new RegExp(`(.{${n}})(?=.)`, "g"), `$1${sep}`);
const fullwidth = (s: string): string =>
  [...s].map((c) => (c >= "!" && c <= "~" ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join("");

describe("redact: a secret echoed in any disguise is redacted, the whole span", () => {
  test.each([
    ["as is", SECRET],
    ["a zero-width space every 11 characters", every(SECRET, 11, "\u200b")],
    ["a zero-width space after every character", every(SECRET, 1, "\u200b")],
    ["a BEL every 11 characters", every(SECRET, 11, "\u0007")],
    ["a newline every 5", every(SECRET, 5, "\n")],
    ["no-break spaces (Zs)", every(SECRET, 7, "\u00a0")],
    ["line and paragraph separators (Zl, Zp)", every(every(SECRET, 9, "\u2028"), 4, "\u2029")],
    ["soft hyphens, word joiners, BOMs (Cf)", every(SECRET, 3, "\u00ad\u2060\ufeff")],
    ["bidi controls and the Arabic letter mark", every(SECRET, 6, "\u202e\u061c\u2066")],
    ["tag characters", every(SECRET, 10, "\u{e0041}\u{e007f}")],
    ["combining marks", every(SECRET, 2, "\u0301")],
    ["upper case", SECRET.toUpperCase()],
    ["lower case", SECRET.toLowerCase()],
    ["fullwidth forms", fullwidth(SECRET)],
    ["upper case with ESC every 11", every(SECRET.toUpperCase(), 11, "\u001b")],
    ["already escaped by printable", printable(every(SECRET, 11, "\u0007"), 500)],
    ["escaped as JSON", JSON.stringify(every(SECRET, 4, "\n\t")).slice(1, -1)],
    ["escaped by safeJson", safeJson(every(SECRET, 11, "\u200b")).slice(1, -1)],
    ["escaped for a GitHub workflow command", every(SECRET, 8, "%0A%0D")],
    ["as HTML character references", every(SECRET, 8, "&#8203;")],
    ["a Markdown backslash before the underscore", SECRET.replace("_", "\\_")],
  ])("%s", (_, disguised) => {
    const out = redact(`before ${disguised} after`, [SECRET]);
    expect(out).toBe("before [redacted] after");
    expect(leaksSecret(out)).toBe(false);
  });

  test("the test's own leak check sees what redact must hide", () => {
    for (const text of [every(SECRET, 11, "\u200b"), printable(every(SECRET, 11, "\u0007")), SECRET.toUpperCase()])
      expect(leaksSecret(text)).toBe(true);
    expect(leaksSecret(SECRET.slice(0, 11))).toBe(false);
  });

  test("any run of 12 characters, in any case, is redacted; the rest of the text is kept", () => {
    const half = SECRET.slice(10, 30).toUpperCase();
    expect(redact(`x ${half} y`, [SECRET])).toBe("x [redacted] y");
    expect(redact(`a ${SECRET.slice(0, 12)} b ${SECRET.slice(-12)} c`, [SECRET])).toBe("a [redacted] b [redacted] c");
    // Echoed twice, once disguised: two marks, never a piece between them.
    expect(redact(`${SECRET}\u200b${every(SECRET, 3, " ")}`, [SECRET])).toBe("[redacted]\u200b[redacted]");
  });

  test.each([
    ["the checksum (what the dashboard shows)", `token t1 (…${SECRET.slice(-6)})`],
    ["11 characters in a row", SECRET.slice(5, 16)],
    ["ordinary text", "GET /environments/e1/users needs environment.users.read; %0A and &amp; and \\u001b stay"],
    ["a secret shorter than 8 characters is not looked for", "abc"],
  ])("left alone: %s", (_, text) => {
    expect(redact(text, [SECRET, "abc"])).toBe(text);
  });

  test("every secret is looked for; a long one (many windows) too", () => {
    const long = `dyn_${"Zq8".repeat(60)}Tail99`;
    expect(redact(`${SECRET} and ${every(long, 13, "\u200b")}`, [SECRET, long])).toBe("[redacted] and [redacted]");
  });

  test("bounded: a megabyte of text with the secret in it is redacted quickly", () => {
    const big = `${"lorem ipsum ".repeat(90_000)}${every(SECRET, 11, "\u200b")}${"\u00e9t\u00e9 ".repeat(10_000)}`;
    const started = performance.now();
    const out = redact(big, [SECRET, `dyn_${"Q".repeat(200)}`]);
    expect(leaksSecret(out)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("redactJson scrubs every string and key of an answer, keeps its shape, and bounds its depth", () => {
    const answer = {
      tokens: [{ id: SECRET.toUpperCase(), note: `n ${every(SECRET, 11, "\u200b")}`, scopes: ["a"], n: 1 }],
      [`k${SECRET}`]: null,
      ["__proto__"]: { polluted: true },
    };
    const out = redactJson(JSON.parse(JSON.stringify(answer)), [SECRET]) as Record<string, unknown>;
    expect(out).toEqual({
      tokens: [{ id: "[redacted]", note: "n [redacted]", scopes: ["a"], n: 1 }],
      "k[redacted]": null,
      ["__proto__"]: { polluted: true },
    });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => redactJson(deep, [SECRET])).toThrow(RangeError);
  });
});

describe("printable and safeJson: nothing invisible or reordering reaches the output raw", () => {
  test.each([
    ["ESC", "\u001b[31m", "\\u001b[31m"],
    ["C1", "\u009b", "\\u009b"],
    ["zero-width space", "a\u200bb", "a\\u200bb"],
    ["Arabic letter mark (bidi)", "a\u061cb", "a\\u061cb"],
    ["right-to-left override", "a\u202eb", "a\\u202eb"],
    ["soft hyphen", "a\u00adb", "a\\u00adb"],
    ["word joiner", "a\u2060b", "a\\u2060b"],
    ["a tag character (ASCII smuggling)", "a\u{e0041}b", "a\\u{e0041}b"],
    ["line separator", "a\u2028b", "a\\u2028b"],
    ["ordinary text", "café ☕ 𝒳", "café ☕ 𝒳"],
  ])("%s", (_, text, shown) => {
    expect(printable(text)).toBe(shown);
    const json = safeJson({ text });
    expect(JSON.parse(json)).toEqual({ text });
    expect(json).not.toMatch(/[\u007f-\u009f\p{Cf}\u2028\u2029]/u);
    // On one line too (the wizard's curl --data and TypeScript literals), and said to hold hidden characters.
    expect(JSON.parse(safeJson(text, 0))).toBe(text);
    expect(safeJson(text, 0)).not.toMatch(/[\n\u007f-\u009f\p{Cf}\u2028\u2029]/u);
    expect(hiddenCharacters(text).length > 0).toBe(text !== shown);
  });
});
