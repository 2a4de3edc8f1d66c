// Matching throughput: scopewise against four routers loaded with the same catalog, each contender in its
// own process (bench/worker.mjs), processes interleaved, medians. Fails if any contender names another
// endpoint than scopewise for any request of the workload.
import { mkdirSync, readFileSync } from "node:fs";
import { fmt, median, node, nodeJson, range, root, table, target } from "./lib.mjs";

const CONTENDERS = ["scopewise", "memoirist", "find-my-way", "rou3", "path-to-regexp"];

export const run = async ({ quick }) => {
  mkdirSync(`${root}.bench`, { recursive: true });
  for (const c of CONTENDERS) node(["bench/worker.mjs", c, "check"]);
  const reference = JSON.parse(readFileSync(`${root}.bench/scopewise.json`, "utf8"));
  for (const c of CONTENDERS.slice(1)) {
    const answers = JSON.parse(readFileSync(`${root}.bench/${c}.json`, "utf8"));
    const bad = answers.findIndex((a, i) => a !== reference[i]);
    if (bad !== -1)
      throw new Error(`${c} disagrees with scopewise on request ${bad}: ${answers[bad]} vs ${reference[bad]}`);
  }
  const hits = reference.filter((r) => r !== null).length;
  console.log(
    `workload: ${reference.length} requests, ${hits} matched, ${reference.length - hits} misses; ` +
      `all ${CONTENDERS.length} contenders agree on every one\n`,
  );
  const processes = quick ? 1 : 3;
  const passes = quick ? "3" : "5";
  // Per process, the median of its passes; across processes, the median of those and their range.
  const perProcess = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
  // scopewise's speed over memoirist's, process pair by process pair: the ratio the target reads.
  const pairs = [];
  for (let p = 0; p < processes; p++) {
    const round = {};
    for (const c of CONTENDERS) {
      round[c] = median(nodeJson(["bench/worker.mjs", c, "time", passes]).opsPerSec);
      perProcess[c].push(round[c]);
    }
    pairs.push(round.scopewise / round.memoirist);
  }
  const ops = Object.fromEntries(CONTENDERS.map((c) => [c, median(perProcess[c])]));
  console.log(
    table(
      ["matcher", "requests/s (median)", "range over processes", "scopewise is × faster"],
      CONTENDERS.map((c) => [
        c,
        `${fmt(ops[c] / 1e6)} M`,
        `${range(perProcess[c].map((x) => x / 1e6))} M`,
        `${fmt(ops.scopewise / ops[c])}×`,
      ]),
    ),
  );
  const ratio = median(pairs);
  return [
    target(
      "matcher: requests/s over memoirist's (bench workload)",
      `${fmt(ratio)}× (${range(pairs)} per process pair)`,
      "≥ 1.0×",
      ratio >= 1,
    ),
  ];
};
