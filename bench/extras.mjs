// Measurements that are scopewise-only, each in its own process: the planner against bare matching,
// input forms, unknown calls, load time, heap, linearity. Prints one JSON object.
// Usage: node --expose-gc bench/extras.mjs planner|forms|unknown|load|heap|linear [--quick]
import { makeWorkload, rng } from "./workload.mjs";

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
const quick = process.argv.includes("--quick");
const out = (o) => process.stdout.write(JSON.stringify(o));
const BASE = "https://app.dynamicauth.com/api/v0";

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
    // Every field of the plan read: the explanations, per-call reports, unidentified calls with their
    // reasons and suggestions, and deprecated calls.
    const plan = () => {
      const p = lib.minimalScopes(calls);
      let n = p.scopes.length + p.unlocks;
      for (const r of p.reasons) n += r.calls.length;
      for (const c of p.calls) n += c.call.length;
      for (const u of p.unidentified) n += u.reason.length + (u.suggestions?.length ?? 0);
      return n + p.deprecated.length;
    };
    // Interleaved, so a slow spell on a shared machine hits both sides alike.
    const bareMs = [];
    const planMs = [];
    for (let i = 0; i < (quick ? 7 : 15); i++) {
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
  } else if (mode === "unknown") {
    // 10,000 distinct unknown calls (near-misses of real endpoints, other ids each time) against 10,000
    // known ones: what each unknown call costs beyond matching when every reason and suggestion is read.
    const r = rng(7);
    const unknown = Array.from({ length: 10_000 }, (_, i) => `GET /environments/e${i}/userz/${Math.floor(r() * 1e9)}`);
    const known = makeWorkload().slice(0, 10_000);
    const read = (calls) => () => {
      const plan = lib.minimalScopes(calls);
      let n = 0;
      for (const u of plan.unidentified) n += u.reason.length + (u.suggestions?.length ?? 0);
      return n;
    };
    const unknownMs = [];
    const knownMs = [];
    for (let i = 0; i < (quick ? 5 : 9); i++) {
      unknownMs.push(time(read(unknown), 1));
      knownMs.push(time(read(known), 1));
    }
    out({
      calls: unknown.length,
      perUnknownUs: ((median(unknownMs) - median(knownMs)) * 1000) / unknown.length,
      unknownMs: median(unknownMs),
    });
  } else if (mode === "forms") {
    // The same requests in every input form: each workload path without its base URL, which the absolute
    // forms put back, so every form asks the same questions. Each within 1.15× of the fastest.
    const paths = makeWorkload()
      .map((c) => ({ method: c.method, path: c.url.replace(/^(?:https:\/\/[^/]+)?\/api\/v0(?=[/?]|$)/, "") }))
      .slice(0, 50_000);
    const forms = {
      "METHOD URL": paths.map((c) => `${c.method} ${c.path}`),
      "{ method, url } relative": paths.map((c) => ({ method: c.method, url: c.path })),
      "{ method, url } absolute": paths.map((c) => ({ method: c.method, url: `${BASE}${c.path}` })),
      "{ method, path }": paths.map((c) => ({ method: c.method, path: c.path })),
      "fetch Request": paths.map((c) => new Request(`${BASE}${c.path}`, { method: c.method })),
    };
    const results = Object.fromEntries(Object.keys(forms).map((k) => [k, []]));
    const getters = [];
    for (let i = 0; i < (quick ? 5 : 9); i++) {
      for (const [k, list] of Object.entries(forms))
        results[k].push(time(() => list.map((c) => lib.requiredScopes(c)), 1));
      // A Request's own url and method getters are not scopewise's cost: timed apart and taken off.
      getters.push(time(() => forms["fetch Request"].map((q) => q.url.length + q.method.length), 1));
    }
    const ms = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v.slice(2))]));
    ms["fetch Request"] -= median(getters.slice(2));
    out(ms);
  }
}
