import { describe, expect, test } from "vitest";
import { CatalogError, InputError, parseCallsFile, parseCatalog, readHar } from "../../src/index.js";
import { MAX_JSON_DEPTH } from "../../src/util/parse-json.js";

// The library's readers answer deeply nested JSON like the CLI does (issue 9, §4): a located
// error, never a RangeError, whatever the stack left to them.
const deep = (open: string, close: string, n: number) => `${open.repeat(n)}${close.repeat(n)}`;
const har = (x: string) =>
  `{"log":{"entries":[{"request":{"method":"GET","url":"https://app.dynamicauth.com/api/v0/u"},"x":${x}}]}}`;

describe("deep JSON in the library's readers", () => {
  test.each([
    ["a HAR nested 12,000 deep", har(deep("[", "]", 12_000))],
    ["an unclosed [[[…", "[".repeat(100_000)],
    ["objects", `{"log":${'{"a":'.repeat(20_000)}`],
  ])("readHar: %s is not-har, located", (_name, text) => {
    const r = readHar(text, { file: "h.har" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: "not-har", source: { file: "h.har", line: 1 } });
    if (!r.ok) expect(r.problem.message).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  test("parseCallsFile: an InputError at the first bracket past the cap", () => {
    const error = (() => {
      try {
        parseCallsFile(`[\n${"[".repeat(100_000)}`, { file: "c.json" });
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.issues).toEqual([
      {
        code: "invalid-json",
        path: "$",
        line: 2,
        message: `line 2, column 512: nested deeper than ${MAX_JSON_DEPTH} levels`,
      },
    ]);
  });

  test("parseCatalog: a CatalogError, even for a catalog that is valid JSON", () => {
    for (const text of [`{"formatVersion":1,"x":${deep("[", "]", 20_000)}}`, `{"a":${"{".repeat(50_000)}`]) {
      expect(() => parseCatalog(text, { file: "cat.json" })).toThrow(CatalogError);
      expect(() => parseCatalog(text)).toThrow(/nested deeper than 512 levels \[invalid-json\]/);
    }
  });

  test("at the cap exactly, JSON is read as before", () => {
    const r = parseCallsFile(`[${deep("[", "]", MAX_JSON_DEPTH - 1)}]`);
    expect(r.calls).toHaveLength(1);
  });
});
