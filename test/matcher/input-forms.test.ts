import { expect, test } from "vitest";
import { requiredScopes, type CallInput } from "../../src/index.js";

const expected = {
  status: "matched",
  anyOf: ["environment.users.read"],
  endpoint: { path: "/environments/:environmentId/users" },
};

test.each<[string, unknown]>([
  ["a METHOD URL string", "GET /environments/e1/users"],
  ["surrounding whitespace and tabs", "  GET\t/environments/e1/users  "],
  ["{ method, url }", { method: "GET", url: "https://app.dynamicauth.com/api/v0/environments/e1/users" }],
  ["{ method, path }", { method: "get", path: "/environments/e1/users" }],
  ["{ method, url: URL }", { method: "GET", url: new URL("https://app.dynamic.xyz/api/v0/environments/e1/users?x=1") }],
  ["a fetch Request", new Request("https://app.dynamicauth.com/api/v0/environments/e1/users?limit=5")],
])("accepts %s", async (_name, call) => {
  expect(requiredScopes(call as CallInput)).toMatchObject(expected);
});

test.each<[string, unknown, string]>([
  ["null", null, "bad-call"],
  ["a number", 42, "bad-call"],
  ["a numeric method", { method: 42, url: "/environments/e1/users" }, "bad-call"],
  ["no url", { method: "GET" }, "bad-call"],
  [
    "url and path that disagree",
    { method: "GET", url: "/environments/e1/users", path: "/environments/e2/users" },
    "bad-call",
  ],
  [
    "a throwing getter",
    Object.defineProperty({ url: "/x" }, "method", {
      get: () => {
        throw new Error("boom");
      },
    }),
    "bad-call",
  ],
])("refuses %s as invalid, without throwing", async (_name, call, code) => {
  expect(requiredScopes(call as CallInput)).toMatchObject({ status: "invalid", code });
});
