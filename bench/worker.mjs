// One contender in its own process (JIT state from one router must not skew another).
// Usage: node bench/worker.mjs <contender> check|time [passes]
import { writeFileSync } from "node:fs";
import { makeWorkload, routes } from "./workload.mjs";

const [name, mode, passesArg] = process.argv.slice(2);
const contender = await import(`./contenders/${name}.mjs`);
const { setup } = contender;
const key = contender.key ?? ((answer) => answer);
const find = setup(routes);
const work = makeWorkload();

if (mode === "check") {
  writeFileSync(
    new URL(`../.bench/${name}.json`, import.meta.url),
    JSON.stringify(
      work.map((w) => {
        const answer = find(w.method, w.url);
        return answer === null ? null : key(answer);
      }),
    ),
  );
} else {
  const passes = Number(passesArg ?? 5);
  let sink = 0;
  const pass = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < work.length; i++) if (find(work[i].method, work[i].url) !== null) sink++;
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  pass(); // warm-up: let the JIT settle before timing
  const opsPerSec = Array.from({ length: passes }, () => work.length / pass());
  process.stdout.write(JSON.stringify({ name, opsPerSec, sink }));
}
