import { describe, expect, test } from "vitest";
import { scanSource } from "../../../src/node/index.js";

/** Request helpers `levels` deep, each calling the one below `fan` times: `fan ** levels` requests. */
const fanOut = (levels: number, fan: number): string => {
  const lines = [
    'const B = "https://app.dynamicauth.com/api/v0";',
    "function h0(p: string, m: string) { return fetch(B + p, { method: m }); }",
  ];
  for (let l = 1; l <= levels; l++) {
    const calls = Array.from({ length: fan }, (_, i) => `  h${l - 1}(p + "/${i}", m);`);
    lines.push(`function h${l}(p: string, m: string) {`, ...calls, "}");
  }
  lines.push(`export const go = () => h${levels}("/environments/e/tokens", "POST");`);
  return lines.join("\n");
};

// Helper fan-out is bounded by the file's evaluation budget: what is past it is `too-complex` at the
// call, with a problem for the file, in bounded time, never dropped.
const cases: [name: string, levels: number, fan: number, expected: "calls" | "too-complex"][] = [
  ["a few helpers deep, a few calls each: every request", 2, 3, "calls"],
  ["4 levels of 80 calls (40 million requests)", 4, 80, "too-complex"],
  ["3 levels of 300 calls", 3, 300, "too-complex"],
];

describe("helper fan-out", () => {
  test.each(cases)("%s", (_, levels, fan, expected) => {
    const started = Date.now();
    const r = scanSource(fanOut(levels, fan), "a.ts");
    expect(Date.now() - started).toBeLessThan(30_000);
    const codes = new Set(r.findings.map((f) => (f.kind === "call" ? "call" : f.code)));
    if (expected === "calls") {
      expect([...codes]).toEqual(["call"]);
      expect(r.findings).toHaveLength(fan ** levels);
    } else {
      expect(codes.has("too-complex")).toBe(true);
      expect(r.problems.map((p) => p.code)).toContain("too-complex");
    }
  });
});
