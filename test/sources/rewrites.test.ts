import { describe, expect, test } from "vitest";
import { InputError, rewriteIssues } from "../../src/index.js";
import { compileRewrites } from "../../src/sources/rewrites.js";

describe("rewrites: path prefixes, whole segments, longest first, applied once", () => {
  const rewrite = compileRewrites([
    { from: "/dynamic", to: "/api/v0" },
    { from: "/dynamic/v2/", to: "/api/v0/" },
    { from: "/root-mounted", to: "/" },
  ]);
  test.each([
    ["/dynamic/environments/e1/users", "/api/v0/environments/e1/users"],
    ["/dynamic", "/api/v0"],
    ["/dynamic?limit=5", "/api/v0?limit=5"],
    ["/dynamic/x?next=/dynamic/y#/dynamic", "/api/v0/x?next=/dynamic/y#/dynamic"],
    ["https://gw.example.com/dynamic/environments/e1", "https://gw.example.com/api/v0/environments/e1"],
    ["https://gw.example.com:8443/dynamic", "https://gw.example.com:8443/api/v0"],
    ["/dynamic/v2/environments/e1", "/api/v0/environments/e1"],
    ["/root-mounted/environments/e1", "/environments/e1"],
    ["/root-mounted", "/"],
  ])("%s → %s", (url, expected) => {
    expect(rewrite?.(url)).toBe(expected);
  });

  test.each([
    ["/dynamically/x", "a prefix matches whole segments only"],
    ["/Dynamic/x", "byte for byte: another case is another path (the matcher then refuses it)"],
    ["/%64ynamic/x", "byte for byte: no decoding"],
    ["//dynamic/x", "an empty first segment is not the prefix"],
    ["https://gw.example.com/x/dynamic", "a prefix, not anywhere in the path"],
    ["https://gw.example.com?/dynamic", "the query is never rewritten"],
    ["dynamic/x", "a relative path without its slash"],
  ])("%s is left alone: %s", (url) => {
    expect(rewrite?.(url)).toBeUndefined();
  });

  test("the root as from prefixes every path once", () => {
    const root = compileRewrites([{ from: "/", to: "/api/v0" }]);
    expect(root?.("/environments/e1/users")).toBe("/api/v0/environments/e1/users");
    expect(root?.("https://fake.test:3000/environments/e1")).toBe("https://fake.test:3000/api/v0/environments/e1");
    expect(root?.("/api/v0/environments/e1")).toBe("/api/v0/api/v0/environments/e1");
  });

  test("no rewrites compile to nothing, so the common case costs nothing", () => {
    expect(compileRewrites([])).toBeUndefined();
    expect(compileRewrites()).toBeUndefined();
  });

  test("bad rewrites are refused, each field by its JSON path", () => {
    const bad = [
      { from: "dynamic", to: "/api/v0" },
      { from: "/a?b", to: "/api/v0" },
      { from: "/a", to: "" },
      { from: "/a\\b", to: "/x y" },
    ];
    expect(rewriteIssues(bad).map((i) => i.path)).toEqual([
      "$.rewrites[0].from",
      "$.rewrites[1].from",
      "$.rewrites[2].to",
      "$.rewrites[3].from",
      "$.rewrites[3].to",
    ]);
    expect(() => compileRewrites(bad)).toThrow(InputError);
    expect(rewriteIssues([{ from: "/dynamic", to: "/api/v0" }])).toEqual([]);
  });
});
