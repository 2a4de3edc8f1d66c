import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { bin, root } from "../helpers/cli.js";
import { VERSION } from "../../src/cli/version.js";

// A few runs of the built bin itself; everything else runs the CLI in-process (test/helpers/cli.ts).

test("--version prints the package's version", () => {
  expect(bin(["--version"])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
});

test("npm start's job: plan the example calls, exit 0", () => {
  const r = bin(["plan", "examples/deploy-calls.txt"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("scopes: environment.balances.read,environment.users.read");
});

test("a usage error exits 2 with a did-you-mean on stderr and nothing on stdout", () => {
  expect(bin(["pln", "examples/deploy-calls.txt"])).toMatchObject({
    code: 2,
    stdout: "",
    stderr: expect.stringContaining('unknown command "pln"; did you mean plan?'),
  });
});

test("stdin is read with -", () => {
  const r = bin(["plan", "--json", "-"], { input: "GET /environments/e1/users\n" });
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).scopes).toEqual(["environment.users.read"]);
});

test("`scopewise … | head` exits quietly when the reader stops early (EPIPE)", () => {
  const dir = mkdtempSync(join(tmpdir(), "scopewise-epipe-"));
  const calls = join(dir, "calls.txt");
  writeFileSync(calls, Array.from({ length: 20_000 }, (_, i) => `GET /environments/e${i}/users`).join("\n"));
  const errors = join(dir, "stderr.txt");
  const r = spawnSync(
    "sh",
    ["-c", `"${process.execPath}" dist/cli.js plan --json "${calls}" 2>"${errors}" | head -c 100`],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  expect(r.stdout).toHaveLength(100);
  expect(readFileSync(errors, "utf8")).toBe("");
});
