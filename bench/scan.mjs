// `scopewise scan` on a generated 1,000-file TypeScript project (bench/scan-project.mjs, seeded), as the
// CLI in its own process: the whole project in project mode (TypeScript program, imports followed) and
// in file mode (each file alone), a pull request's 20 files, the same 20 through --changed-since in a
// git repository, and `tsc --noEmit` on the same project for scale. Rounds interleaved; medians and
// peak RSS. Fails if a scan misses a Dynamic call the generator wrote.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, mb, measure, median, root, table, target } from "./lib.mjs";
import { writeScanProject } from "./scan-project.mjs";

const FILES = 1000;
const PR = 20;
const TARGETS = { whole: 15, subset: 10 };

export const run = async ({ quick }) => {
  const dir = mkdtempSync(join(tmpdir(), "scopewise-scan-"));
  try {
    return jobs(dir, quick);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const jobs = (dir, quick) => {
  const rounds = quick ? 1 : 3;
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
  console.log(
    `project: ${FILES} files, ${calls} Dynamic calls written; pull request: ${PR} files, ${expectedSubset} calls`,
  );

  const cli = (...args) => [join(root, "dist/cli.js"), "scan", "--json", ...args];
  const JOBS = [
    { name: "whole project, project mode", args: cli(project), calls },
    { name: "whole project, file mode", args: cli("--mode", "file", project), calls: undefined },
    {
      name: `${PR} files of a pull request`,
      args: cli(...changed.map((f) => join(project, f))),
      calls: expectedSubset,
    },
    {
      name: `--changed-since main (${PR} files)`,
      args: cli("--changed-since", "main", project),
      calls: expectedSubset,
    },
    {
      name: "tsc --noEmit (the same project, for scale)",
      command: join(root, "node_modules/.bin/tsc"),
      args: ["--noEmit", "-p", project],
    },
  ];

  const samples = JOBS.map(() => ({ seconds: [], cpu: [], rss: [] }));
  for (let round = 0; round < rounds; round++)
    JOBS.forEach((job, i) => {
      // Exit 1 is an answer (tsc: type errors; scan: something unclassified), and so is 2 for tsc.
      const r = measure(job.command ?? process.execPath, job.args, { ok: [0, 1, 2] });
      samples[i].seconds.push(r.seconds);
      samples[i].cpu.push(r.cpu);
      samples[i].rss.push(r.rss);
      if (job.command !== undefined) return;
      const out = JSON.parse(r.stdout);
      job.found = out.calls.length;
      job.unclassified = out.inputs[0].unclassified;
      if (job.calls !== undefined && job.found !== job.calls)
        throw new Error(`${job.name}: found ${job.found} calls, the generator wrote ${job.calls}`);
    });
  console.log(
    table(
      ["job", "wall time", "CPU time", "peak RSS", "calls found", "unclassified"],
      JOBS.map((job, i) => {
        const s = samples[i];
        return [
          job.name,
          `${fmt(median(s.seconds))} s`,
          `${fmt(median(s.cpu))} s`,
          mb(median(s.rss)),
          job.found ?? "",
          job.unclassified ?? "",
        ];
      }),
    ),
  );
  const whole = median(samples[0].seconds);
  const subset = median(samples[2].seconds);
  console.log(
    `project mode costs ${fmt(whole / median(samples[1].seconds))}× file mode, ` +
      `${fmt(whole / median(samples[4].seconds))}× tsc --noEmit (${rounds} round${rounds === 1 ? "" : "s"}, medians)`,
  );
  return [
    target(`scan: whole ${FILES}-file project`, `${fmt(whole)} s`, `≤ ${TARGETS.whole} s`, whole <= TARGETS.whole),
    target(`scan: a ${PR}-file pull request`, `${fmt(subset)} s`, `≤ ${TARGETS.subset} s`, subset <= TARGETS.subset),
  ];
};
