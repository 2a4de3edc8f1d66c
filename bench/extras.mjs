// Measurements that are scopewise-only: planner vs matching, load time, heap, linearity.
// Usage: node --expose-gc bench/extras.mjs planner|load|heap|linear
import { makeWorkload } from "./workload.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f, reps) =>
  median(
    Array.from({ length: reps }, () => {
      const t0 = process.hrtime.bigint();
      f();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    }),
  );
const mode = process.argv[2];
const out = (o) => process.stdout.write(JSON.stringify(o));

if (mode === "heap") {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const lib = await import("../dist/esm/index.js");
  lib.requiredScopes("GET /environments/e1/users");
  globalThis.gc();
  out({ heapBytes: process.memoryUsage().heapUsed - before });
} else {
  const lib = await import("../dist/esm/index.js");
  if (mode === "planner") {
    const calls = makeWorkload();
    // Bare matching keeps its answers, as any caller does (discarded results let the JIT skip allocating them).
    const bare = () => calls.map((c) => lib.requiredScopes(c));
    const plan = () => lib.minimalScopes(calls);
    // Interleaved, so a slow spell on a shared machine hits both sides alike.
    const bareMs = [];
    const planMs = [];
    for (let i = 0; i < 15; i++) {
      bareMs.push(time(bare, 1));
      planMs.push(time(plan, 1));
    }
    out({ bareMs: median(bareMs.slice(3)), planMs: median(planMs.slice(3)) });
  } else if (mode === "load") {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../data/dynamic.catalog.json", import.meta.url), "utf8");
    const data = JSON.parse(text);
    const { compileCatalog } = await import("../dist/esm/catalog/compile-catalog.js");
    out({ compileMs: time(() => compileCatalog(data), 50), parseMs: time(() => lib.parseCatalog(text), 20) });
  } else if (mode === "linear") {
    const perByte = (url) => {
      const reps = Math.max(3, Math.floor(2_000_000 / url.length));
      const ms = time(() => {
        for (let i = 0; i < reps; i++) lib.requiredScopes({ method: "GET", url });
      }, 5);
      return {
        bytes: url.length,
        status: lib.requiredScopes({ method: "GET", url }).status,
        nsPerByte: (ms * 1e6) / reps / url.length,
      };
    };
    const id = (n) => "a".repeat(n);
    out({
      kb: perByte(`/environments/${id(1000)}/users`),
      cap: perByte(`/environments/${id(8100)}/users`),
      mb: perByte(`/environments/${id(1_000_000)}/users`),
      segments: perByte("/a".repeat(100_000)),
    });
  }
}
