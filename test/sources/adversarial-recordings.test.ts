import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createLogReader, dynamicCatalog, parseLogLine, readHar, type LogLine } from "../../src/index.js";

/** One case of test/fixtures/adversarial/recordings.json. */
interface Case {
  readonly url?: string;
  readonly host?: string;
  readonly line?: string;
  readonly baseUrls?: readonly string[];
  /** `call`, `other-host:HOST` (skipped, counted under HOST), `no-request` or `bad`. */
  readonly expect: string;
  /** Where log lines differ from a HAR entry (an empty URL is no URL field at all). */
  readonly logExpect?: string;
  readonly reason: string;
}

const cases = JSON.parse(
  readFileSync(new URL("../fixtures/adversarial/recordings.json", import.meta.url), "utf8"),
) as Case[];

/** What a reader made of one request, as a corpus `expect` value. */
const verdict = (r: LogLine): string => (r.kind === "other-host" ? `other-host:${r.host}` : r.kind);

const harVerdict = (url: string, baseUrls: readonly string[]): string => {
  const r = readHar({ log: { entries: [{ request: { method: "DELETE", url } }] } }, { baseUrls });
  if (!r.ok) throw new Error(r.problem.message);
  if (r.calls.length === 1) return "call";
  return r.summary.otherHosts.length === 1 ? `other-host:${r.summary.otherHosts[0]?.host}` : "lost";
};

describe("the adversarial recordings corpus (test/fixtures/adversarial/recordings.json)", () => {
  test("every case has a reason and a known verdict, and the corpus is not trivial", () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
    for (const c of cases) {
      expect(c.reason.trim(), JSON.stringify(c)).not.toBe("");
      for (const e of [c.expect, c.logExpect ?? "call"]) expect(e).toMatch(/^(call|no-request|bad|other-host:.+)$/);
    }
  });

  const urlCases = cases.filter((c) => c.url !== undefined && c.host === undefined);
  test.each(urlCases.map((c) => [c.reason, c] as const))("URL, in a HAR and in logs: %s", (_reason, c) => {
    const baseUrls = [...dynamicCatalog.baseUrls, ...(c.baseUrls ?? [])];
    const url = c.url as string;
    expect(harVerdict(url, baseUrls), "HAR").toBe(c.expect);
    const inLog = c.logExpect ?? c.expect;
    expect(verdict(parseLogLine(JSON.stringify({ method: "DELETE", url }), { baseUrls })), "JSON line").toBe(inLog);
    // A request line cannot hold spaces, quotes or backslashes as they are.
    if (url !== "" && !/[\s"\\]/.test(url)) {
      const clf = `10.0.0.1 - - [27/Nov/2026:10:00:01 +0000] "DELETE ${url} HTTP/1.1" 204 0`;
      expect(verdict(parseLogLine(clf, { baseUrls })), "combined line").toBe(inLog);
    }
  });

  test.each(cases.filter((c) => c.host !== undefined).map((c) => [c.reason, c] as const))(
    "a path with a logged host: %s",
    (_reason, c) => {
      const line = JSON.stringify({ method: "DELETE", host: c.host, url: c.url });
      expect(verdict(parseLogLine(line))).toBe(c.expect);
    },
  );

  test.each(cases.filter((c) => c.line !== undefined).map((c) => [c.reason, c] as const))(
    "a hostile line: %s",
    (_reason, c) => {
      expect(verdict(parseLogLine(c.line as string))).toBe(c.expect);
    },
  );

  test("a log of every hostile line: nothing lost, every line counted once, every problem located", () => {
    const reader = createLogReader({ file: "hostile.log" });
    const lines = cases.filter((c) => c.line !== undefined).map((c) => c.line as string);
    for (const line of lines) reader.line(line);
    const { summary, problems } = reader.finish();
    expect(summary.used + summary.skipped + summary.noRequest + summary.bad).toBe(lines.length);
    expect(problems.filter((p) => p.code === "bad-log-line")).toHaveLength(summary.bad);
  });
});

describe("lines built to crash or stall a reader", () => {
  const huge = 200_000;
  test.each([
    ["deeply nested JSON", `{"a":${"[".repeat(huge)}${"]".repeat(huge)},"method":"GET","url":"/x"}`],
    ["an unclosed JSON nest", `{"a":${"[".repeat(huge)}`],
    ["a combined-log prefix with a long unclosed date", `1.2.3.4 - - [${"a".repeat(huge)}`],
    ["many quoted fields (Envoy's tail is read from the end)", `[t] "GET /x HTTP/1.1" 200 ${' "a"'.repeat(huge / 4)}`],
    ["a long run of spaces", `1.2.3.4${" ".repeat(huge)}x`],
    ["a long run of escapes", `1.2.3.4 - - [d] "GET /${"\\x41".repeat(huge / 4)} HTTP/1.1" 200 0`],
    ["an ALB prefix of many fields", `http ${"a ".repeat(huge / 2)}`],
  ])("%s is answered quickly, without throwing", (_name, line) => {
    const started = performance.now();
    expect(() => parseLogLine(line)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

test("a log of a million distinct other hosts keeps a bounded count of them", () => {
  const reader = createLogReader();
  for (let i = 0; i < 5000; i++) reader.line(`{"method":"GET","url":"https://h${i}.example/x"}`);
  const { summary } = reader.finish();
  expect(summary.skipped).toBe(5000);
  expect(summary.otherHosts.length).toBeLessThanOrEqual(1001);
  expect(summary.otherHosts[0]).toEqual({ host: "(more hosts)", count: 4000 });
});
