import { readFileSync } from "node:fs";
import type { CatalogData } from "../../src/index.js";
import { describe, expect, test } from "vitest";
import { MAX_URL_LENGTH, requiredScopes } from "../../src/index.js";

const USERS = "/environments/:environmentId/users";

// [call, status, endpoint path or invalid code]
const rules: [string, string, string, string][] = [
  // method
  ["method is case-insensitive", "gEt /environments/e1/users", "matched", USERS],
  ["HEAD is not assumed to be GET", "HEAD /environments/e1/users", "method-not-allowed", "GET,POST"],
  ["an unknown method on a known path", "PATCH /environments/e1/users", "method-not-allowed", "GET,POST"],
  ["a method with digits", "G3T /environments/e1/users", "invalid", "bad-method"],
  ["no method", "/environments/e1/users", "invalid", "bad-call"],
  ["extra text after the URL", "GET /environments/e1/users HTTP/1.1", "invalid", "bad-call"],
  ["empty input", "", "invalid", "bad-call"],
  // query, fragment, trailing slash
  ["query ignored", "GET /environments/e1/users?limit=5&x=/../y", "matched", USERS],
  ["fragment ignored", "GET /environments/e1/users#/..", "matched", USERS],
  ["one trailing slash tolerated", "GET /environments/e1/users/", "matched", USERS],
  ["two trailing slashes are an empty segment", "GET /environments/e1/users//", "invalid", "empty-segment"],
  // case
  ["path is case-sensitive", "GET /Environments/e1/users", "unknown", ""],
  ["a look-alike of a literal sibling is refused", "GET /environments/e1/waas/Policies", "invalid", "look-alike"],
  ["a ;suffix look-alike is refused", "GET /environments/e1/waas/policies;v=1", "invalid", "look-alike"],
  // base URL and prefixes
  ["any origin with the base path", "GET http://localhost:8080/api/v0/environments/e1/users", "matched", USERS],
  [
    "an absolute URL outside the base path",
    "GET https://app.dynamicauth.com/environments/e1/users",
    "invalid",
    "outside-base-path",
  ],
  ["another API version is not this API", "GET /api/v1/environments/e1/users", "unknown", ""],
  ["a base path prefix that is not a segment", "GET /api/v0environments/e1/users", "unknown", ""],
  ["an unsupported scheme", "GET ftp://app.dynamicauth.com/api/v0/environments/e1/users", "invalid", "bad-url"],
  ["a relative path without /", "GET environments/e1/users", "invalid", "bad-url"],
  ["a scheme-relative URL", "GET //evil.test/api/v0/environments/e1/users", "invalid", "empty-segment"],
  ["no host", "GET https:///api/v0/environments/e1/users", "invalid", "bad-url"],
  // dot and empty segments
  ["dot-dot", "GET /environments/e1/../users", "invalid", "dot-segment"],
  ["dot", "GET /environments/./e1/users", "invalid", "dot-segment"],
  ["encoded dot-dot", "GET /environments/e1/%2e%2E/users", "invalid", "encoded-unreserved"],
  ["half-encoded dot-dot", "GET /environments/e1/.%2e/users", "invalid", "encoded-unreserved"],
  ["empty segment", "GET /environments//users", "invalid", "empty-segment"],
  // percent-encoding
  ["an encoded letter in a literal", "GET /environments/e1/%75sers", "invalid", "encoded-unreserved"],
  ["an encoded letter in an id", "GET /environments/%65%31/users", "invalid", "encoded-unreserved"],
  ["an encoded reserved character in an id is fine", "GET /environments/a%40b/users", "matched", USERS],
  ["an encoded slash", "GET /environments/e1%2Fx/users", "invalid", "encoded-delimiter"],
  ["an encoded backslash", "GET /environments/e1%5Cx/users", "invalid", "encoded-delimiter"],
  ["a raw backslash", "GET /environments\\e1/users", "invalid", "backslash"],
  ["a malformed escape", "GET /environments/e%zz/users", "invalid", "bad-escape"],
  ["a truncated escape", "GET /environments/e%4/users", "invalid", "bad-escape"],
  ["overlong UTF-8 for /", "GET /environments/e%c0%af/users", "invalid", "bad-escape"],
  ["an encoded NUL", "GET /environments/e%00/users", "invalid", "control-character"],
  ["a raw control character", "GET /environments/e\u0001/users", "invalid", "control-character"],
  // lengths
  ["a URL over the limit", `GET /environments/${"a".repeat(MAX_URL_LENGTH)}/users`, "invalid", "too-long"],
  ["a path deeper than any template", `GET ${"/a".repeat(200)}`, "unknown", ""],
  ["the root", "GET /", "unknown", ""],
  ["the base path alone", "GET /api/v0", "unknown", ""],
];

describe("matching rules (README: Matching rules)", () => {
  test.each(rules)("%s: %s", async (_why, call, status, detail) => {
    const result = requiredScopes(call);
    expect(result.status).toBe(status);
    if (result.status === "matched") expect(result.endpoint.path).toBe(detail);
    if (result.status === "invalid") expect(result.code).toBe(detail);
    if (result.status === "method-not-allowed") expect(result.allowedMethods.join(",")).toBe(detail);
  });

  test("param values are percent-decoded; placeholders are kept as written", () => {
    expect(requiredScopes("GET /environments/a%40b/users")).toMatchObject({ params: { environmentId: "a@b" } });
    expect(requiredScopes("GET /environments/{env}/users")).toMatchObject({ params: { environmentId: "{env}" } });
  });

  test("unknown paths come with up to 3 nearest endpoints", () => {
    const result = requiredScopes("GET /environments/e1/userz");
    expect(result.status).toBe("unknown");
    if (result.status !== "unknown") return;
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0]).toEqual({ method: "GET", path: USERS });
  });

  test("catalog order never decides: reversing the catalog changes no answer", async () => {
    const { createCalculator } = await import("../../src/index.js");
    const { compileCatalog } = await import("../../src/catalog/compile-catalog.js");
    const data = JSON.parse(
      readFileSync(new URL("../../data/dynamic.catalog.json", import.meta.url), "utf8"),
    ) as CatalogData;
    const reversed = createCalculator(
      compileCatalog({
        ...data,
        scopes: [...data.scopes].reverse().map((s) => ({ ...s, endpoints: [...s.endpoints].reverse() })),
      }),
    );
    for (const [, call] of rules) expect(reversed.requiredScopes(call)).toEqual(requiredScopes(call));
  });
});
