import { expect, test } from "vitest";
import { colorEnabled, makeStyle } from "../../src/report/style.js";

test.each<[boolean | undefined, Record<string, string>, boolean]>([
  [true, {}, true],
  [false, {}, false],
  [undefined, {}, false],
  [true, { NO_COLOR: "1" }, false],
  [true, { NO_COLOR: "" }, true],
  [true, { TERM: "dumb" }, false],
])("tty=%s env=%j → colour %s", async (tty, env, on) => {
  expect(colorEnabled(tty, env)).toBe(on);
  expect(makeStyle(on).red("x") !== "x").toBe(on);
});
