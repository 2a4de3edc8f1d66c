import { describe, expect, test } from "vitest";
import { scanSource } from "../../../src/node/index.js";

const found = (url: string) =>
  scanSource(`export const go = () => fetch(${JSON.stringify(url)}, { method: "DELETE" });\n`, "a.ts").findings.map(
    (f) => (f.kind === "call" ? `${f.call.method} ${f.call.path}` : `? ${f.code}`),
  );

// A request to Dynamic's host is surfaced whatever its path; a path that reads as Dynamic's API under
// another host (a proxy) counts as the bare path it ends in.
const cases: [url: string, expected: string[]][] = [
  ["https://app.dynamicauth.com/api/v0/environments/e/tokens/t", ["DELETE /environments/e/tokens/t"]],
  ["https://app.dynamicauth.com?x=/api/v0/environments/e/tokens/t", ["? outside-base"]],
  ["https://app.dynamicauth.com/#/api/v0/environments/e/tokens/t", ["? outside-base"]],
  [
    "https://app.dynamicauth.com/v0/environments/e/tokens/t",
    ["DELETE https://app.dynamicauth.com/v0/environments/e/tokens/t"],
  ],
  ["https://proxy.internal/api/v0/environments/e/tokens/t", ["DELETE /environments/e/tokens/t"]],
  ["https://proxy.internal/dynamic/environments/e/tokens/t", ["DELETE /environments/e/tokens/t"]],
  ["https://gitlab.example.com/api/v4/projects/1/issues", []],
];

describe("Dynamic URLs however spelled", () => {
  test.each(cases)("%s", (url, expected) => {
    expect(found(url)).toEqual(expected);
  });
});
