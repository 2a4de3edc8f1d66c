// `scopewise scan` on a generated 1,000-file TypeScript project (bench/scan-project.mjs, seeded), as the
// CLI in its own process: the whole project in project mode (TypeScript program, imports followed) and
// in file mode (each file alone), a pull request's 20 files, the same 20 through --changed-since in a
// git repository, and `tsc --noEmit` on the same project for scale. Rounds interleaved; medians and
// peak RSS. Fails if a scan misses a Dynamic call the generator wrote. Usage: node bench/scan.mjs [--quick]
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { writeScanProject } from "./scan-project.mjs";

const quick = process.argv.includes("--quick");
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "scopewise-scan-"));
const ROUNDS = quick ? 1 : 3;
const FILES = 1000;
const PR = 20;
const TARGETS = { whole: 15, subset: 10 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Wall time and CPU time (user + system, s), peak RSS (bytes) and stdout of one process, by GNU time. */
const measure = (command, args, cwd = root) => {
  const stats = join(dir, "time.txt");
  let stdout = "";
  try {
    stdout = execFileSync("/usr/bin/time", ["-f", "%e %M %U %S", "-o", stats, command, ...args], {
      cwd,
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    // Exit 1 is an answer (tsc: type errors; scan: something unclassified); a crash is not.
    if (error.status !== 1 && error.status !== 2)
      throw new Error(`${args.join(" ")} failed (${error.status}): ${error.stderr}`);
    stdout = error.stdout;
  }
  const [seconds, kb, user, sys] = readFileSync(stats, "utf8").trim().split("\n").at(-1).split(" ");
  return { seconds: Number(seconds), cpu: Number(user) + Number(sys), rss: Number(kb) * 1024, stdout };
};

console.log(`generating a ${FILES}-file project in ${dir}…`);
const project = join(dir, "app");
const { features, calls } = writeScanProject(project, { files: FILES, seed: 42 });
// The pull request: 20 feature files picked by the seed's order, changed in a git repository.
const changed = features.filter((_, i) => i % Math.floor(features.length / PR) === 0).slice(0, PR);
const git = (...args) =>
  execFileSync("git", ["-c", "user.email=bench@example.com", "-c", "user.name=bench", ...args], { cwd: project });
git("init", "-q", "-b", "main");
git("add", ".");
git("commit", "-qm", "base");
for (const f of changed) appendFileSync(join(project, f), "export const touched = true;\n");
const expectedSubset = changed
  .map(
    (f) =>
      readFileSync(join(project, f), "utf8")
        .split("\n")
        .filter((l) => /^\s{2}(const \w+ = )?await /.test(l)).length,
  )
  .reduce((a, b) => a + b, 0);

const cli = (...args) => [join(root, "dist/cli.js"), "scan", "--json", ...args];
const JOBS = [
  { name: "whole project, project mode", args: cli(project), calls },
  { name: "whole project, file mode", args: cli("--mode", "file", project), calls: undefined },
  { name: `${PR} files of a pull request`, args: cli(...changed.map((f) => join(project, f))), calls: expectedSubset },
  { name: `--changed-since main (${PR} files)`, args: cli("--changed-since", "main", project), calls: expectedSubset },
  {
    name: "tsc --noEmit (the same project, for scale)",
    command: join(root, "node_modules/.bin/tsc"),
    args: ["--noEmit", "-p", project],
  },
];

const samples = JOBS.map(() => ({ seconds: [], cpu: [], rss: [] }));
for (let round = 0; round < ROUNDS; round++)
  JOBS.forEach((job, i) => {
    const r = measure(job.command ?? process.execPath, job.args);
    samples[i].seconds.push(r.seconds);
    samples[i].cpu.push(r.cpu);
    samples[i].rss.push(r.rss);
    if (job.command !== undefined) return;
    const out = JSON.parse(r.stdout);
    const found = out.calls.length;
    job.found = found;
    job.unclassified = out.inputs[0].unclassified;
    if (job.calls !== undefined && found !== job.calls) {
      console.error(`${job.name}: found ${found} calls, the generator wrote ${job.calls}`);
      process.exit(1);
    }
  });

const cpu = cpus()[0]?.model ?? "unknown CPU";
const load = (await import("node:os")).loadavg()[0].toFixed(1);
console.log(
  `\n${cpu}, ${cpus().length} cores, Node ${process.version}; load average ${load}; ${ROUNDS} rounds, medians`,
);
console.log(
  `project: ${FILES} files, ${calls} Dynamic calls written; pull request: ${PR} files, ${expectedSubset} calls\n`,
);
console.log("| job | wall time | CPU time | peak RSS | calls found | unclassified |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
JOBS.forEach((job, i) => {
  const s = samples[i];
  console.log(
    `| ${job.name} | ${median(s.seconds).toFixed(2)} s | ${median(s.cpu).toFixed(2)} s | ${mb(median(s.rss))} | ` +
      `${job.found ?? ""} | ${job.unclassified ?? ""} |`,
  );
});
const whole = median(samples[0].seconds);
const subset = median(samples[2].seconds);
const verdict = (ok) => (ok ? "met" : "MISSED");
console.log(
  `\nwhole project ≤ ${TARGETS.whole} s: ${verdict(whole <= TARGETS.whole)}; ${PR}-file subset ≤ ${TARGETS.subset} s: ${verdict(subset <= TARGETS.subset)}`,
);
console.log(
  `project mode costs ${(whole / median(samples[1].seconds)).toFixed(2)}× file mode, ${(whole / median(samples[4].seconds)).toFixed(2)}× tsc --noEmit`,
);
rmSync(dir, { recursive: true, force: true });
