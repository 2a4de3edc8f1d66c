// `npm run bench [-- --quick] [-- --only matcher,e2e]`: every section in turn, then one summary of every
// target, met or MISSED. Asserts only agreement (contenders on the workload, the CLI and the hand-written
// pipelines on the scopes, scan on the calls written); correctness is the tests' business.
import { fmt, machine, table, verdict } from "./lib.mjs";

const SECTIONS = {
  matcher: ["Matching throughput", () => import("./matcher.mjs")],
  library: ["The library", () => import("./library.mjs")],
  caps: ["Worst cases", () => import("./caps.mjs")],
  e2e: ["End to end: the CLI on real-sized inputs", () => import("./e2e.mjs")],
  scan: ["scan on a 1,000-file project", () => import("./scan.mjs")],
};

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt === -1 ? Object.keys(SECTIONS) : args[onlyAt + 1].split(",");
for (const name of only) if (!(name in SECTIONS)) throw new Error(`no section ${name}: ${Object.keys(SECTIONS)}`);

const started = Date.now();
console.log(`scopewise bench${quick ? " (quick: smaller inputs, fewer rounds)" : ""}; ${machine()}`);
const summary = [];
for (const name of only) {
  const [title, load] = SECTIONS[name];
  const t0 = Date.now();
  console.log(`\n## ${title}\n`);
  const targets = await (await load()).run({ quick });
  summary.push(...targets);
  console.log(`\n(${fmt((Date.now() - t0) / 1000, 0)} s)`);
}

console.log("\n## Summary\n");
console.log(
  table(
    ["target", "measured", "goal", ""],
    summary.map((t) => [t.what, t.value, t.goal, verdict(t.ok)]),
  ),
);
const missed = summary.filter((t) => t.ok === false).length;
console.log(
  `\n${summary.length - missed} of ${summary.length} targets met${missed ? `, ${missed} MISSED` : ""}; ` +
    `${machine()}; whole run ${fmt((Date.now() - started) / 1000, 0)} s`,
);
