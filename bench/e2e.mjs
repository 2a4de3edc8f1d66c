// End to end: each job runs as the CLI in its own process, next to the bare cost of reading its input
// (the limit) and a hand-written pipeline a user could write instead, rounds interleaved. Prints medians,
// ratios and peak RSS, and fails if the CLI and the pipeline disagree on the scopes.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCalls, writeHar, writeJsonLines, writeNginx } from "./e2e-inputs.mjs";
import { fmt, mb, measure, median, range, table, target } from "./lib.mjs";

export const run = async ({ quick }) => {
  const dir = mkdtempSync(join(tmpdir(), "scopewise-e2e-"));
  try {
    return await jobs(dir, quick);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const jobs = async (dir, quick) => {
  const rounds = quick ? 1 : 3;
  const size = quick ? { log: 100_000, har: 2_000, calls: 10_000 } : { log: 1_000_000, har: 50_000, calls: 100_000 };
  const files = {
    har: join(dir, "session.har"),
    nginx: join(dir, "access.log"),
    json: join(dir, "requests.jsonl"),
    calls: join(dir, "calls.txt"),
  };
  const t0 = Date.now();
  await writeHar(files.har, size.har);
  await writeNginx(files.nginx, size.log);
  await writeJsonLines(files.json, size.log);
  await writeCalls(files.calls, size.calls);
  console.log(
    `inputs (seeded, generated in ${fmt((Date.now() - t0) / 1000, 0)} s): ` +
      Object.entries(files)
        .map(([name, file]) => `${name} ${mb(statSync(file).size)}`)
        .join(", "),
  );

  const cli = (...args) => ["dist/cli.js", "plan", "--json", ...args];
  const pipe = (mode, file) => ["bench/e2e-pipelines.mjs", mode, file];
  const n = (x) => x.toLocaleString("en");
  const JOBS = [
    {
      name: `plan a HAR of ${n(size.har)} entries (${mb(statSync(files.har).size)})`,
      cli: cli(files.har),
      limit: { label: "readFile + JSON.parse", args: pipe("json-parse", files.har) },
      pipeline: pipe("pipeline-har", files.har),
      targets: { limit: 1.5, rss: 2 },
    },
    {
      name: `plan --from log, ${n(size.log)} nginx lines`,
      cli: cli("--from", "log", files.nginx),
      limit: { label: "readline", args: pipe("readline", files.nginx) },
      pipeline: pipe("pipeline-nginx", files.nginx),
      targets: { pipeline: 1, limit: 2 },
    },
    {
      name: `plan --from log, ${n(size.log)} JSON lines`,
      cli: cli("--from", "log", files.json),
      limit: { label: "readline", args: pipe("readline", files.json) },
      pipeline: pipe("pipeline-json", files.json),
      targets: { pipeline: 1, limit: 2 },
    },
    {
      name: `plan, ${n(size.calls)} METHOD URL lines`,
      cli: cli(files.calls),
      limit: { label: "readline", args: pipe("readline", files.calls) },
      pipeline: pipe("pipeline-calls", files.calls),
      targets: { limit: 2 },
    },
  ];

  const rows = [];
  const targets = [];
  for (const job of JOBS) {
    const runs = { cli: [], limit: [], pipeline: [] };
    for (let round = 0; round < rounds; round++) {
      runs.cli.push(measure(process.execPath, job.cli));
      runs.limit.push(measure(process.execPath, job.limit.args));
      runs.pipeline.push(measure(process.execPath, job.pipeline));
    }
    const ours = JSON.stringify(JSON.parse(runs.cli[0].stdout).scopes);
    const theirs = runs.pipeline[0].stdout.trim();
    if (ours !== theirs) throw new Error(`${job.name}: the CLI says ${ours}, the hand-written pipeline ${theirs}`);
    const m = (list, key = "seconds") => median(list.map((r) => r[key]));
    const cliS = m(runs.cli);
    const limitS = m(runs.limit);
    const pipeS = m(runs.pipeline);
    // Per-round ratios, for the spread beside the ratio of medians.
    const per = (other) => runs.cli.map((r, i) => r.seconds / other[i].seconds);
    const rss = m(runs.cli, "rss");
    const limitRss = m(runs.limit, "rss");
    rows.push([
      job.name,
      `${fmt(cliS)} s`,
      `${fmt(m(runs.cli, "cpu"))} s`,
      mb(rss),
      `${job.limit.label} ${fmt(limitS)} s, ${mb(limitRss)}`,
      `${fmt(cliS / limitS)}× (${range(per(runs.limit))})`,
      `${fmt(pipeS)} s`,
      `${fmt(cliS / pipeS)}× (${range(per(runs.pipeline))})`,
    ]);
    const t = job.targets;
    if (t.limit)
      targets.push(
        target(
          `${job.name}: time / ${job.limit.label}`,
          `${fmt(cliS / limitS)}×`,
          `≤ ${t.limit}×`,
          cliS / limitS <= t.limit,
        ),
      );
    if (t.pipeline)
      targets.push(
        target(
          `${job.name}: time / hand-written pipeline`,
          `${fmt(cliS / pipeS)}×`,
          `≤ ${t.pipeline}×`,
          cliS / pipeS <= t.pipeline,
        ),
      );
    if (t.rss)
      targets.push(
        target(
          `${job.name}: peak RSS / ${job.limit.label}'s`,
          `${fmt(rss / limitRss)}× (${mb(rss)} / ${mb(limitRss)})`,
          `≤ ${t.rss}×`,
          rss / limitRss <= t.rss,
        ),
      );
  }
  console.log(
    `${table(
      ["job (CLI, own process)", "wall", "CPU", "peak RSS", "limit", "× limit", "hand-written", "× hand-written"],
      rows,
    )}\n\nmedians of ${rounds} interleaved round${rounds === 1 ? "" : "s"}, per-round ratios in brackets; ` +
      "the CLI and each hand-written pipeline agree on the scopes",
  );
  return targets;
};
