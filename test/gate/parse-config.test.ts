import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { configSchema } from "../../src/gate/config-schema.js";
import { parseConfig } from "../../src/gate/parse-config.js";
import { ConfigError, type Issue } from "../../src/util/errors.js";

const issues = (text: string): Issue[] => {
  try {
    parseConfig(text, "cfg.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^invalid config in cfg\.json \(\d+ problems?\):/);
    return [...(error as ConfigError).issues];
  }
  throw new Error("expected a ConfigError");
};

test("the committed JSON Schema is generated from the zod schema (run `npm run schema` if this fails)", () => {
  const committed: unknown = JSON.parse(
    readFileSync(new URL("../../data/config.schema.json", import.meta.url), "utf8"),
  );
  expect(committed).toEqual({ ...z.toJSONSchema(configSchema), title: "scopewise.config.json" });
});

test("JSON with comments and trailing commas reads; the example config is valid", () => {
  const text = readFileSync(new URL("../../examples/gate/scopewise.config.json", import.meta.url), "utf8");
  const { config, lineOf } = parseConfig(text);
  expect(Object.keys(config.tokens ?? {})).toEqual(["backend", "e2e"]);
  expect(lineOf("$.ignore[1]")).toBe(15);
  expect(parseConfig('{ /* c */ "inputs": ["a.har",], // x\n}').config.inputs).toEqual(["a.har"]);
});

describe("every problem names its JSON path and line", () => {
  test.each<[string, string, Partial<Issue>]>([
    [
      "a wrong type",
      '{\n  "tokens": {\n    "ci": { "scopes": "environment.users.read" }\n  }\n}',
      {
        path: "$.tokens.ci.scopes",
        line: 3,
        code: "schema",
      },
    ],
    [
      "an unknown key, with a did-you-mean",
      '{\n  "ignores": []\n}',
      {
        path: "$.ignores",
        line: 2,
        message: 'unknown key "ignores"; did you mean "ignore"?',
      },
    ],
    ["a missing reason", '{ "ignore": [\n { "match": "GET /healthz" }\n] }', { path: "$.ignore[0].reason", line: 2 }],
    [
      "a blank reason",
      '{ "ignore": [ { "match": "GET /healthz", "reason": "   " } ] }',
      {
        path: "$.ignore[0].reason",
        message: "a reason is required",
      },
    ],
    [
      "a date that is not one",
      '{ "ignore": [ { "match": "GET /x", "reason": "r", "expires": "2027-02-30" } ] }',
      {
        path: "$.ignore[0].expires",
        message: "a real calendar date",
      },
    ],
    [
      "a token name with markup",
      '{ "tokens": { "<img src=x>": { "scopes": [] } } }',
      {
        path: '$.tokens["<img src=x>"]',
        message: "token names use letters, digits and . _ - (at most 64)",
      },
    ],
    [
      "a reason on two lines",
      '{ "ignore": [ { "match": "GET /x", "reason": "a\\nb" } ] }',
      {
        path: "$.ignore[0].reason",
        message: "one line, no control characters",
      },
    ],
    ["a base URL that is not one", '{ "baseUrls": ["ftp://x"] }', { path: "$.baseUrls[0]" }],
    [
      "a rewrite without a leading slash",
      '{ "rewrites": [ { "from": "dynamic", "to": "/api/v0" } ] }',
      {
        path: "$.rewrites[0].from",
      },
    ],
    ["an input kind that does not exist", '{ "inputs": [ { "path": "a", "from": "pcap" } ] }', { path: "$.inputs[0]" }],
    [
      "__proto__, which would set a prototype",
      '{\n "__proto__": { "tokens": {} }\n}',
      {
        code: "forbidden-key",
        path: "$.__proto__",
        line: 2,
      },
    ],
    [
      "a key given twice: a reviewer sees the first, JSON reads the last",
      '{ "tokens": { "ci": {\n "scopes": ["a"],\n "scopes": [] } } }',
      {
        code: "duplicate-key",
        path: "$.tokens.ci.scopes",
        line: 3,
        message: '"scopes" is given twice (first on line 2); keep one',
      },
    ],
    [
      "an ignore that matches every path",
      '{ "ignore": [ { "match": "* /**", "reason": "r" } ] }',
      {
        code: "bad-match",
        path: "$.ignore[0].match",
        message: "it would ignore every request of that shape; name at least one literal path segment",
      },
    ],
    [
      "an SDK operation that does not exist",
      '{ "ignore": [ { "match": "UsersApi.getUserz", "reason": "r" } ] }',
      {
        code: "bad-match",
        message: "no operation of @dynamic-labs/sdk-api matches UsersApi.getUserz; did you mean UsersApi.getUser?",
      },
    ],
    [
      "inputs no token reads",
      '{ "inputs": ["a.har"], "tokens": { "ci": { "scopes": [], "inputs": ["b.har"] } } }',
      {
        code: "unserved-inputs",
        path: "$.inputs",
      },
    ],
    ["not JSON", '{\n  "inputs": [\n}', { code: "invalid-json", line: 3 }],
    ["not an object", "[]", { path: "$", message: "a config is a JSON object" }],
    ["an empty file", "", { code: "invalid-json" }],
    [
      "nesting that would exhaust the stack",
      `{"inputs":${"[".repeat(100000)}${"]".repeat(100000)}}`,
      {
        code: "unreadable",
        message: "could not be read: nested too deeply",
      },
    ],
  ])("%s", (_name, text, expected) => {
    expect(issues(text)).toContainEqual(expect.objectContaining(expected));
  });

  test("a file with a thousand mistakes lists 50, the last counting the rest", () => {
    const found = issues(JSON.stringify({ ignore: Array.from({ length: 1000 }, () => ({ match: 1 })) }));
    expect(found).toHaveLength(50);
    expect(found.at(-1)).toMatchObject({ code: "too-many-problems", message: "and 1951 more not listed" });
  });
});
