import { describe, expect, test } from "vitest";
import { scanSource } from "../../../src/node/index.js";

const HEAD = 'import { TokensApi } from "@dynamic-labs/sdk-api";\nconst api: any = new TokensApi();\n';
const CALL = 'api.deleteTokenById({ environmentId: "e", tokenId: "t" })';
const MARK = "scopewise-ignore-next-line";

const run = (code: string, file = "a.ts") => {
  const r = scanSource(code, file);
  return {
    found: r.findings.map((f) => (f.kind === "call" ? `${f.call.method} ${f.call.path}` : `? ${f.code}`)),
    suppressed: r.suppressions.reduce((n, s) => n + s.suppressed.length, 0),
  };
};

// A suppression is a comment the parser sees as one, with a reason a reader can see, ending at a line
// break editors show; anything else silences nothing.
const cases: [name: string, code: string, file: string, found: string[], suppressed: number][] = [
  [
    "a real comment with a reason silences the next line",
    `${HEAD}// ${MARK}: migrating to the typed client\n${CALL};\n`,
    "a.ts",
    [],
    1,
  ],
  ["the mark in a string", `${HEAD}const help = "// ${MARK}: x";\n${CALL};\n`, "a.ts", ["? untyped-receiver"], 0],
  [
    "the mark in a template",
    `${HEAD}const help = \`\n// ${MARK}: x\n\`;\n${CALL};\n`,
    "a.ts",
    ["? untyped-receiver"],
    0,
  ],
  [
    "the mark in a regular expression",
    `${HEAD}const re = /\\/\\/ ${MARK}: x/;\n${CALL};\n`,
    "a.ts",
    ["? untyped-receiver"],
    0,
  ],
  [
    "the mark in JSX text",
    `${HEAD}export const Revoke = () => <div>\n// ${MARK}: x\n{${CALL}}</div>;\n`,
    "a.tsx",
    ["? untyped-receiver"],
    0,
  ],
  [
    "a reason of zero-width spaces is no reason",
    `${HEAD}// ${MARK}: \u200b\u200b\n${CALL};\n`,
    "a.ts",
    ["? suppression-without-reason", "? untyped-receiver"],
    0,
  ],
  [
    "a reason of Hangul fillers is no reason",
    `${HEAD}// ${MARK}: \u3164\u115f\n${CALL};\n`,
    "a.ts",
    ["? suppression-without-reason", "? untyped-receiver"],
    0,
  ],
  [
    "a comment ended by U+2028, code after it on the same editor line",
    `${HEAD}// ${MARK}: x\u2028export const go = () => ${CALL};\nexport const go2 = () => ${CALL};\n`,
    "a.ts",
    ["? suppression-without-reason", "? untyped-receiver", "? untyped-receiver"],
    0,
  ],
  ["a reason in another script is a reason", `${HEAD}// ${MARK}: 移行中のため\n${CALL};\n`, "a.ts", [], 1],
];

describe("suppression comments", () => {
  test.each(cases)("%s", (_, code, file, found, suppressed) => {
    expect(run(code, file)).toEqual({ found, suppressed });
  });
});
