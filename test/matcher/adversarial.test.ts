import { compiledOf } from "../../src/catalog/compiled.js";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { dynamicCatalog, requiredScopes, type MatchResult } from "../../src/index.js";
import { fastMatch } from "../../src/matcher/fast/match.js";
import { requiredScopesCareful } from "../../src/matcher/required-scopes.js";

/** One hand-written case of test/fixtures/adversarial/requests.json. */
interface Case {
  readonly call: string;
  readonly status: MatchResult["status"];
  readonly code?: string;
  readonly endpoint?: string;
  readonly anyOf?: readonly string[];
  readonly allowedMethods?: readonly string[];
  readonly reason: string;
}

const cases = JSON.parse(
  readFileSync(new URL("../fixtures/adversarial/requests.json", import.meta.url), "utf8"),
) as Case[];

/** `<<x*N>>` in a call stands for `x` repeated N times, so long inputs stay readable in the file. */
const expand = (call: string): string =>
  call.replace(/<<(.+?)\*(\d+)>>/g, (_, text: string, n: string) => text.repeat(Number(n)));

/** A result as plain data (reads the lazy suggestions too). */
const plain = (result: unknown): unknown => JSON.parse(JSON.stringify(result));

describe("the adversarial request corpus (test/fixtures/adversarial/requests.json)", () => {
  test("has at least 200 distinct cases, each with a reason and the fields its status needs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.call)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.reason.trim(), c.call).not.toBe("");
      if (c.status === "matched") expect([c.endpoint, c.anyOf], c.call).not.toContain(undefined);
      if (c.status === "invalid") expect(c.code, c.call).toBeDefined();
      if (c.status === "method-not-allowed") expect(c.allowedMethods, c.call).toBeDefined();
    }
  });

  test.each(cases.map((c) => [c.reason, c] as const))("%s", async (_reason, c) => {
    const call = expand(c.call);
    const result = requiredScopes(call);
    const got: Record<string, unknown> = { status: result.status };
    if (result.status === "matched")
      Object.assign(got, { endpoint: `${result.endpoint.method} ${result.endpoint.path}`, anyOf: result.anyOf });
    if (result.status === "invalid") got["code"] = result.code;
    if (result.status === "method-not-allowed") got["allowedMethods"] = result.allowedMethods;
    expect(got).toEqual(Object.fromEntries(Object.entries(c).filter(([key]) => key !== "call" && key !== "reason")));
    // The fast path (taken for plain URLs) answers exactly as the careful path would.
    expect(plain(result)).toEqual(plain(requiredScopesCareful(compiledOf(dynamicCatalog), call)));
  });

  test("the fast path answers a good share of the corpus itself, so the agreement check above is not vacuous", () => {
    const answered = cases.filter((c) => {
      const call = expand(c.call);
      const space = call.indexOf(" ");
      return (
        space > 0 && fastMatch(compiledOf(dynamicCatalog), call.slice(0, space), call.slice(space + 1)) !== undefined
      );
    });
    expect(answered.length).toBeGreaterThan(60);
  });
});
