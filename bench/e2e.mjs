// End-to-end benchmark: each job runs as the CLI in its own process, next to the bare cost of
// reading its input and a hand-written pipeline a user could write instead, rounds interleaved.
// Prints medians, ratios and peak RSS, and fails if the CLI and the pipeline disagree on the scopes.
// Usage: node bench/e2e.mjs [--quick]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { writeCalls, writeHar, writeJsonLines, writeNginx } from "./e2e-inputs.mjs";

const quick = process.argv.includes("--quick");
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "scopewise-e2e-"));
const ROUNDS = quick ? 1 : 3;
const size = quick ? { log: 100_000, har: 2_000, calls: 10_000 } : { log: 1_000_000, har: 50_000, calls: 100_000 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Wall time (s), peak RSS (bytes) and stdout of one process, measured by GNU time. */
const measure = (args) => {
  const stats = join(dir, "time.txt");
  let stdout = "";
  try {
    stdout = execFileSync("/usr/bin/time", ["-f", "%e %M", "-o", stats, process.execPath, ...args], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    // Exit 1 is an answer ("not every call identified"); anything else is a failure.
    if (error.status !== 1) throw new Error(`${args.join(" ")} failed (${error.status}): ${error.stderr}`);
    stdout = error.stdout;
  }
  // GNU time writes "Command exited with non-zero status 1" first when the exit code is not 0.
  const [seconds, kb] = readFileSync(stats, "utf8").trim().split("\n").at(-1).split(" ");
  return { seconds: Number(seconds), rss: Number(kb) * 1024, stdout };
};

console.log(`generating inputs in ${dir} (${quick ? "quick" : "full"} sizes)…`);
const files = {
  nginx: join(dir, "access.log"),
  json: join(dir, "requests.jsonl"),
  har: join(dir, "session.har"),
  calls: join(dir, "calls.txt"),
};
await writeNginx(files.nginx, size.log);
await writeJsonLines(files.json, size.log);
await writeHar(files.har, size.har);
await writeCalls(files.calls, size.calls);
for (const [name, file] of Object.entries(files)) console.log(`  ${name}: ${mb(statSync(file).size)}`);

const pipe = (mode, file) => ["bench/e2e-pipelines.mjs", mode, file];
const JOBS = [
  {
    name: `plan a HAR of ${size.har.toLocaleString("en")} entries`,
    cli: ["dist/cli.js", "plan", "--json", files.har],
    limit: { label: "readFile + JSON.parse", args: pipe("json-parse", files.har) },
    targets: { limit: 1.5, rssOfLimit: 2 },
  },
  {
    name: `plan --from log, ${size.log.toLocaleString("en")} nginx lines`,
    cli: ["dist/cli.js", "plan", "--json", "--from", "log", files.nginx],
    limit: { label: "readline", args: pipe("readline", files.nginx) },
    pipeline: pipe("pipeline-nginx", files.nginx),
    targets: { pipeline: 1, limit: 2 },
  },
  {
    name: `plan --from log, ${size.log.toLocaleString("en")} JSON lines`,
    cli: ["dist/cli.js", "plan", "--json", "--from", "log", files.json],
    limit: { label: "readline", args: pipe("readline", files.json) },
    pipeline: pipe("pipeline-json", files.json),
    targets: { pipeline: 1, limit: 2 },
  },
  {
    name: `plan, ${size.calls.toLocaleString("en")} METHOD URL lines`,
    cli: ["dist/cli.js", "plan", "--json", files.calls],
    limit: { label: "readline", args: pipe("readline", files.calls) },
    pipeline: pipe("pipeline-calls", files.calls),
    targets: { limit: 2 },
  },
];

const rows = [];
for (const job of JOBS) {
  const runs = { cli: [], limit: [], pipeline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.cli.push(measure(job.cli));
    runs.limit.push(measure(job.limit.args));
    if (job.pipeline) runs.pipeline.push(measure(job.pipeline));
  }
  const cli = median(runs.cli.map((r) => r.seconds));
  const limit = median(runs.limit.map((r) => r.seconds));
  const pipeline = job.pipeline ? median(runs.pipeline.map((r) => r.seconds)) : undefined;
  const rss = median(runs.cli.map((r) => r.rss));
  const limitRss = median(runs.limit.map((r) => r.rss));
  if (job.pipeline) {
    const ours = JSON.stringify(JSON.parse(runs.cli[0].stdout).scopes);
    const theirs = runs.pipeline[0].stdout.trim();
    if (ours !== theirs) throw new Error(`${job.name}: the CLI says ${ours}, the hand-written pipeline ${theirs}`);
  }
  rows.push({ job, cli, limit, pipeline, rss, limitRss });
  console.log(`  ${job.name}: ${cli.toFixed(2)} s`);
}

const verdict = (ok) => (ok ? "met" : "MISSED");
console.log("\n| job | scopewise | peak RSS | limit | × limit | hand-written | × hand-written | targets |");
console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |");
for (const { job, cli, limit, pipeline, rss, limitRss } of rows) {
  const t = job.targets;
  const checks = [
    t.limit && `≤ ${t.limit}× limit: ${verdict(cli / limit <= t.limit)}`,
    t.pipeline && `≤ ${t.pipeline}× hand-written: ${verdict(cli / pipeline <= t.pipeline)}`,
    t.rssOfLimit && `RSS ≤ ${t.rssOfLimit}× limit's (${mb(limitRss)}): ${verdict(rss / limitRss <= t.rssOfLimit)}`,
  ].filter(Boolean);
  console.log(
    `| ${job.name} | ${cli.toFixed(2)} s | ${mb(rss)} | ${job.limit.label} ${limit.toFixed(2)} s | ${(cli / limit).toFixed(2)}× | ` +
      `${pipeline === undefined ? "" : `${pipeline.toFixed(2)} s`} | ${pipeline === undefined ? "" : `${(cli / pipeline).toFixed(2)}×`} | ${checks.join("; ")} |`,
  );
}
console.log(
  `\nmedians of ${ROUNDS} interleaved round${ROUNDS === 1 ? "" : "s"}; machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}`,
);
rmSync(dir, { recursive: true, force: true });
