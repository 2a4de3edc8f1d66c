// `npm run bench`: every contender in its own process, several rounds, medians,
// ratios against scopewise from the same run. Asserts only that contenders agree.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const CONTENDERS = ["scopewise", "memoirist", "find-my-way", "rou3", "path-to-regexp"];
const PROCESSES = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = (args, opts = {}) => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", ...opts });
const fmt = (n, d = 2) => n.toFixed(d);
const verdict = (ok) => (ok ? "met" : "MISSED");

mkdirSync(`${root}.bench`, { recursive: true });

// 1. Agreement: every contender must name the same endpoint for every request.
for (const c of CONTENDERS) node(["bench/worker.mjs", c, "check"]);
const reference = JSON.parse(readFileSync(`${root}.bench/scopewise.json`, "utf8"));
for (const c of CONTENDERS.slice(1)) {
  const answers = JSON.parse(readFileSync(`${root}.bench/${c}.json`, "utf8"));
  const bad = answers.findIndex((a, i) => a !== reference[i]);
  if (bad !== -1) {
    console.error(`${c} disagrees with scopewise on request ${bad}: ${answers[bad]} vs ${reference[bad]}`);
    process.exit(1);
  }
}
const hits = reference.filter((r) => r !== null).length;
console.log(
  `workload: ${reference.length} requests, ${hits} matched, ${reference.length - hits} misses; all ${CONTENDERS.length} contenders agree on every one\n`,
);

// 2. Matching throughput, interleaved processes.
const samples = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
for (let p = 0; p < PROCESSES; p++) {
  for (const c of CONTENDERS) samples[c].push(...JSON.parse(node(["bench/worker.mjs", c, "time", "5"])).opsPerSec);
}
const ops = Object.fromEntries(CONTENDERS.map((c) => [c, median(samples[c])]));
console.log("| matcher | requests/s (median) | scopewise is × faster |");
console.log("| --- | ---: | ---: |");
for (const c of CONTENDERS) console.log(`| ${c} | ${(ops[c] / 1e6).toFixed(2)} M | ${fmt(ops.scopewise / ops[c])}× |`);
const fastest = Math.max(...CONTENDERS.slice(1).map((c) => ops[c]));

// 3. Planner, load, heap, linearity, cold start, bundle.
const extras = (mode) => JSON.parse(node(["--expose-gc", "bench/extras.mjs", mode]));
const planner = extras("planner");
const load = extras("load");
const heap = extras("heap");
const linear = extras("linear");

const wallOnce = (args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root });
  if (r.status !== 0 && args[0] !== "-e") throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const wall = (args, n = 15) => median(Array.from({ length: n }, () => wallOnce(args)));
// Cold start: the two commands alternate, so drift in machine load hits both alike.
const startups = { node: [], cli: [] };
for (let i = 0; i < 25; i++) {
  startups.node.push(wallOnce(["-e", "0"]));
  startups.cli.push(wallOnce(["dist/cli.js", "need", "GET", "/environments/x/users"]));
}
const nodeMs = median(startups.node);
const cliMs = median(startups.cli);

// A 1,000,000-line calls file planned in a 48 MB heap: streamed, never held whole.
const million = `${root}.bench/million-calls.txt`;
const chunk = Array.from(
  { length: 1000 },
  (_, i) => `GET /environments/e${i % 50}/users/usr_${i}\nPOST /environments/e1/users/u${i}/balances`,
).join("\n");
writeFileSync(million, `${Array.from({ length: 500 }, () => chunk).join("\n")}\n`);
const millionMs = wall(["--max-old-space-size=48", "dist/cli.js", "plan", "--json", million], 3);

const bundled = await build({
  stdin: {
    contents: `import { requiredScopes } from "./dist/esm/index.js"; globalThis.scopes = requiredScopes;`,
    resolveDir: root,
    loader: "js",
  },
  bundle: true,
  minify: true,
  write: false,
  format: "esm",
  platform: "browser",
});
const gz = gzipSync(bundled.outputFiles[0].contents, { level: 9 }).length;

console.log("\n| measurement | value | target | |");
console.log("| --- | ---: | ---: | --- |");
const rows = [
  ["matching vs fastest contender", `${fmt(ops.scopewise / fastest)}×`, "≥ 1.5×", ops.scopewise / fastest >= 1.5],
  [
    "minimalScopes(100k) / 100k requiredScopes",
    `${fmt(planner.planMs / planner.bareMs)}× (${fmt(planner.planMs, 1)} / ${fmt(planner.bareMs, 1)} ms)`,
    "≤ 1.3×",
    planner.planMs / planner.bareMs <= 1.3,
  ],
  [
    "CLI cold start / node -e 0",
    `${fmt(cliMs / nodeMs)}× (${fmt(cliMs, 1)} / ${fmt(nodeMs, 1)} ms)`,
    "≤ 1.5×",
    cliMs / nodeMs <= 1.5,
  ],
  ["browser bundle (requiredScopes + catalog)", `${fmt(gz / 1024, 1)} KB min+gzip`, "≤ 12 KB", gz <= 12 * 1024],
  [
    "per-byte cost 1 MB / 1 KB",
    `${fmt(linear.mb.nsPerByte / linear.kb.nsPerByte, 3)}× (${linear.mb.status})`,
    "≤ 3×",
    linear.mb.nsPerByte / linear.kb.nsPerByte <= 3,
  ],
  [
    "per-byte cost 8 KB (at the cap) / 1 KB",
    `${fmt(linear.cap.nsPerByte / linear.kb.nsPerByte)}× (${linear.cap.status})`,
    "linear",
    linear.cap.nsPerByte / linear.kb.nsPerByte <= 3,
  ],
  [
    "100,000-segment path",
    `${fmt((linear.segments.nsPerByte * linear.segments.bytes) / 1e3, 1)} µs (${linear.segments.status})`,
    "answered",
    true,
  ],
  ["CLI plan, 1,000,000-line calls file, 48 MB heap", `${fmt(millionMs / 1000)} s`, "bounded memory", true],
  ["embedded catalog compile", `${fmt(load.compileMs)} ms`, "", true],
  ["user catalog parse + validate + compile", `${fmt(load.parseMs)} ms`, "", true],
  ["heap after loading", `${fmt(heap.heapBytes / 1024, 0)} KB`, "", true],
];
for (const [what, value, target, ok] of rows)
  console.log(`| ${what} | ${value} | ${target} | ${target ? verdict(ok) : ""} |`);
console.log(
  `\nper-byte: 1 KB ${fmt(linear.kb.nsPerByte, 3)} ns/B (${linear.kb.status}), 8 KB ${fmt(linear.cap.nsPerByte, 3)} ns/B, 1 MB ${fmt(linear.mb.nsPerByte, 5)} ns/B`,
);
console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}`);
