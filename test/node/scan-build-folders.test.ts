import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { scanFiles } from "../../src/node/index.js";

// Found by an outside attack: calls put in `src/build/x.ts` were skipped silently by folder name.
const call = (method: string) =>
  `export const f = () => fetch("https://app.dynamicauth.com/api/v0/environments/e1/users/u1", { method: "${method}" });\n`;

const project = (git: boolean): string => {
  const dir = mkdtempSync(join(tmpdir(), "scopewise-build-"));
  const files: [string, string][] = [
    ["src/a.ts", "GET"],
    ["src/build/b.ts", "PUT"],
    ["src/.hid/c.ts", "DELETE"],
    ["src/dist/d.ts", "POST"],
  ];
  for (const [name, method] of files) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), call(method));
  }
  if (git) {
    spawnSync("git", ["init", "-q"], { cwd: dir });
    writeFileSync(join(dir, ".gitignore"), "dist/\n");
  }
  return dir;
};

test("in a git repository, build-looking folders are scanned unless git ignores them, and the rest are listed", async () => {
  const dir = project(true);
  const r = await scanFiles(["src"], { cwd: dir, mode: "file" });
  const methods = r.findings.flatMap((f) => (f.kind === "call" ? [f.call.method] : [])).sort();
  expect(methods).toEqual(["DELETE", "GET", "PUT"]);
  expect(r.passedOver).toEqual(["src/dist"]);
});

test("outside a git repository they are passed over by name, and listed", async () => {
  const dir = project(false);
  const r = await scanFiles(["src"], { cwd: dir, mode: "file" });
  expect(r.findings.flatMap((f) => (f.kind === "call" ? [f.call.method] : []))).toEqual(["GET"]);
  expect(r.passedOver).toEqual(["src/.hid", "src/build", "src/dist"]);
});
