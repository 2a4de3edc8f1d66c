import { describe, expect, test } from "vitest";
import { bumpVersion, versionAtLeast } from "../../src/upkeep/semver.js";

describe("bumpVersion", () => {
  test.each([
    ["1.2.3", "major", "2.0.0"],
    ["1.2.3", "minor", "1.3.0"],
    ["1.2.3", "patch", "1.2.4"],
    ["1.2.3-beta.1", "patch", "1.2.4"],
    ["1.2.3", "none", "1.2.3"],
    // Past 2^53 a double rounds 2^53 + 1 down: the bump would name a version below the old one.
    ["9007199254740993.0.0", "major", "9007199254740994.0.0"],
    ["1.9007199254740993.0", "minor", "1.9007199254740994.0"],
    // Not semver (leading zeros): left as it is, and judged below any version.
    ["02.0.0", "major", "02.0.0"],
  ] as const)("%s + %s is %s", (version, bump, expected) => {
    expect(bumpVersion(version, bump)).toBe(expected);
  });
});

describe("versionAtLeast", () => {
  test.each([
    ["2.0.0", "2.0.0", true],
    ["2.0.1", "2.0.0", true],
    ["1.10.0", "1.9.0", true],
    ["1.9.0", "1.10.0", false],
    ["9007199254740993.0.0", "9007199254740994.0.0", false],
    ["9007199254740994.0.0", "9007199254740993.0.0", true],
    ["02.0.0", "1.0.0", false],
    ["2.0", "1.0.0", false],
  ] as const)("%s ≥ %s: %s", (version, expected, answer) => {
    expect(versionAtLeast(version, expected)).toBe(answer);
  });
});
