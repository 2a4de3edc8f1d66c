import { describe, expect, test } from "vitest";
import { readText } from "../../src/node/index.js";

// A regular file whose size says 0 but reads as more (as /proc files do, or a file that grows while
// read): the cap holds on what is read, not on what fstat said (issue 9, §4).
describe("reads are capped by what is read, not by the size a file claims", () => {
  test("a /proc file over the cap is too large, though fstat says 0 bytes", async () => {
    await expect(readText("/proc/self/maps", { maxBytes: 16 })).rejects.toThrow(
      /maps.*more than 16 bytes \(the limit\), though it said 0 \[too-large\]/s,
    );
  });

  test("under the cap it is read whole", async () => {
    expect((await readText("/proc/self/maps", { maxBytes: 1 << 20 })).length).toBeGreaterThan(100);
  });
});
