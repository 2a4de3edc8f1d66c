// Helpers shared by the sections of `npm run bench`: medians, child processes timed by GNU time, verdicts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (n, digits = 2) => n.toFixed(digits);
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** `lo–hi` of a list, for the spread beside a median. */
export const range = (xs, digits = 2) => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;

/** Runs node with `args` in the package root and returns its stdout. */
export const node = (args, options = {}) =>
  execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30, ...options });

/** A JSON answer from a bench child process. */
export const nodeJson = (args) => JSON.parse(node(args));

const scratch = mkdtempSync(join(tmpdir(), "scopewise-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Wall time and CPU time (s), peak RSS (bytes) and stdout of one process, measured by GNU time.
 * Exit codes in `ok` are answers (scopewise exits 1 when not every call is identified).
 */
export const measure = (command, args, { cwd = root, ok = [0, 1] } = {}) => {
  const stats = join(scratch, "time.txt");
  let stdout = "";
  try {
    stdout = execFileSync("/usr/bin/time", ["-f", "%e %M %U %S", "-o", stats, command, ...args], {
      cwd,
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    if (!ok.includes(error.status)) throw new Error(`${args.join(" ")} failed (${error.status}): ${error.stderr}`);
    stdout = error.stdout;
  }
  // GNU time writes "Command exited with non-zero status 1" first when the exit code is not 0.
  const [seconds, kb, user, sys] = readFileSync(stats, "utf8").trim().split("\n").at(-1).split(" ");
  return { seconds: Number(seconds), cpu: Number(user) + Number(sys), rss: Number(kb) * 1024, stdout };
};

/** One line of the summary: what was measured, its value, the target, and whether it is met. */
export const target = (what, value, goal, ok) => ({ what, value, goal, ok });

export const verdict = (ok) => (ok === undefined ? "" : ok ? "met" : "MISSED");

export const machine = () =>
  `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, node ${process.version}, load average ${fmt(loadavg()[0], 1)}`;

/** A markdown table. */
export const table = (head, rows) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map((h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
