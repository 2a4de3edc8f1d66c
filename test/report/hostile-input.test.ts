import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, test } from "vitest";
import { formatReport, reportFindings, REPORT_FORMATS, type Report } from "../../src/index.js";
import { jsonValue } from "../../src/report/json.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { hostileReports } from "../helpers/hostile-report.js";

// Report writers escape everything that came from input (issue 9, §2): one hostile corpus, every
// format, every kind of report; then the same checks for arbitrary strings.

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validSarif = ajv.compile(
  JSON.parse(readFileSync(new URL("../fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8")) as object,
);

/** One class of hostile string in test/fixtures/adversarial/report-strings.json, with why it is hostile. */
interface Case {
  readonly name: string;
  readonly string: string;
  readonly reason: string;
}
const cases = (
  JSON.parse(readFileSync(new URL("../fixtures/adversarial/report-strings.json", import.meta.url), "utf8")) as Case[]
).map((c) => ({
  ...c,
  string: c.string.replace(/<<(.+?)\*(\d+)>>/g, (_, t: string, n: string) => t.repeat(Number(n))),
}));

/** Any character a terminal, a CI runner or a reader could act on, other than a line feed. */
const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{DI}]/u;
/** What GitHub's runner reads as a workflow command: `::` first on a line, or `##[` anywhere. */
const COMMAND = /^\s*::|##\[/m;

/** The HTML a real GFM renderer makes of it, raw HTML allowed through (as GitHub would sanitize, not escape). */
// Adjacent code spans are read as one: a value cut at a `\|` is two spans, and is still one value.
const render = (markdown: string): string =>
  micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true }).replace(
    /<\/code> <code>/g,
    " ",
  );
const tags = (html: string): string[] => html.match(/<\/?[a-zA-Z][\w-]*/g) ?? [];
const outsideCode = (html: string): string => html.replace(/<code>[\s\S]*?<\/code>/g, "<code/>");

/** Checks one report of hostile input against its benign twin, in every format. */
const assertInert = (report: Report, twin: Report): void => {
  for (const format of REPORT_FORMATS) {
    const out = formatReport(report, format, { color: false });
    expect(out, format).not.toMatch(UNSAFE);
    if (format !== "github") expect(out, format).not.toMatch(COMMAND);
  }
  // Markdown: the same elements as the twin's, and input only inside code spans.
  const html = render(formatReport(report, "markdown"));
  const benign = render(formatReport(twin, "markdown"));
  expect(tags(html)).toEqual(tags(benign));
  expect(outsideCode(html)).toEqual(outsideCode(benign));
  // Text: as many lines as the twin, with colour too; the only escape sequences are the colours.
  for (const color of [false, true]) {
    const out = formatReport(report, "text", { color });
    expect(out.split("\n").length).toBe(formatReport(twin, "text", { color }).split("\n").length);
    expect(out.replace(/\u001b\[\d+m/g, "")).not.toMatch(UNSAFE);
    expect(out).not.toMatch(COMMAND);
  }
  // JSON: lossless, the input comes back as it went in.
  expect(JSON.parse(formatReport(report, "json"))).toEqual(JSON.parse(JSON.stringify(jsonValue(report))));
  if (report.result.kind === "plan" || report.result.kind === "check") {
    // SARIF: valid; GitHub: one command per finding, its properties free of `::` and `,` from input.
    expect(validSarif(JSON.parse(formatReport(report, "sarif")))).toBe(true);
    const lines = formatReport(report, "github").split("\n");
    expect(lines).toHaveLength(reportFindings(report).length);
    for (const line of lines)
      expect(line).toMatch(
        /^::(error|warning|notice) (?:file=[^:,]*,)?(?:line=\d+,)?(?:col=\d+,)?title=scopewise [a-z-]+::/,
      );
  }
};

describe("the hostile corpus, in every field of every report, in every format", () => {
  const twins = hostileReports("x");
  test("every class of the corpus has a reason", () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    for (const c of cases) expect(c.reason.trim(), c.name).not.toBe("");
  });

  test.each(
    cases.flatMap(({ name, string }) => hostileReports(string).map(([kind, r], i) => [name, kind, r, i] as const)),
  )("%s in a %s report", (_name, _kind, report, i) => assertInert(report, twins[i]![1]));

  test("a markdown report keeps the input readable: each value is a code span holding it, shown inert", () => {
    const md = formatReport(hostileReports("a|b `c` @d <e>")[0]![1], "markdown");
    const html = render(md);
    expect(html).toContain("<code>a|b `c` @d &lt;e&gt;</code>");
    expect(render(formatReport(hostileReports("one\ntwo\u001b")[0]![1], "markdown"))).toContain(
      "<code>one\\ntwo\\u001b</code>",
    );
  });

  test("text shows control characters as escapes, and a line never starts with a workflow command", () => {
    const out = formatReport(hostileReports("::error::x\n::stop-commands::t\u001b[2K")[0]![1], "text");
    expect(out).toContain("::error::x\\n::stop-commands::t\\u001b[2K");
    expect(out).toContain("\\u003a:error::x");
  });
});

test(
  "any strings: no format emits a control, line-breaking or invisible character, markup or a command from input",
  () => {
    const twins = hostileReports("x");
    const piece = fc.oneof(
      fc.string({ unit: "binary", minLength: 1 }),
      fc.constantFrom(..."<>[]()!*_~`|\\#@:&;/\n\r\u2028\u001b\u0085\u202e ".split("")),
      fc.constantFrom("http://", "www.", "::", "##[", "<br>", "](", "@a", "- ", "1. "),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.nat(twins.length - 1), (pieces, i) => {
        assertInert(hostileReports(pieces.join(""))[i]![1], twins[i]![1]);
      }),
      { numRuns: Math.ceil(numRuns / 3) },
    );
  },
  timeout,
);
