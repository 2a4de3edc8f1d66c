// The library's own rows: input forms, unknown calls, the planner against bare matching, cold start,
// the browser bundle, per-byte cost, load time and heap. Each measurement runs in a child process
// (bench/extras.mjs) so one JIT state does not skew another.
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fmt, median, nodeJson, range, root, table, target } from "./lib.mjs";

const extras = (mode, quick) => nodeJson(["--expose-gc", "bench/extras.mjs", mode, ...(quick ? ["--quick"] : [])]);

const wallOnce = (args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

export const run = async ({ quick }) => {
  const targets = [];

  // Input forms: each process times every form interleaved; the ratio to the fastest form is per process.
  const formRuns = Array.from({ length: quick ? 1 : 3 }, () => extras("forms", quick));
  const forms = Object.keys(formRuns[0]);
  const ratios = Object.fromEntries(forms.map((f) => [f, []]));
  for (const ms of formRuns) {
    const fastest = Math.min(...Object.values(ms));
    for (const f of forms) ratios[f].push(ms[f] / fastest);
  }
  console.log(
    table(
      ["input form (50,000 calls)", "ms (median)", "× fastest form", "range"],
      forms.map((f) => [f, fmt(median(formRuns.map((ms) => ms[f]))), `${fmt(median(ratios[f]))}×`, range(ratios[f])]),
    ),
  );
  const slowest = forms.reduce((a, b) => (median(ratios[a]) >= median(ratios[b]) ? a : b));
  targets.push(
    target(
      "input forms: slowest over fastest",
      `${fmt(median(ratios[slowest]))}× (${slowest})`,
      "≤ 1.15×",
      median(ratios[slowest]) <= 1.15,
    ),
  );

  const unknown = extras("unknown", quick);
  targets.push(
    target(
      `unknown calls: reason + suggestions read, beyond matching (${unknown.calls.toLocaleString("en")} calls)`,
      `${fmt(unknown.perUnknownUs, 1)} µs each`,
      "≤ 10 µs",
      unknown.perUnknownUs <= 10,
    ),
  );

  const planner = extras("planner", quick);
  const plannerRatio = planner.planMs / planner.bareMs;
  targets.push(
    target(
      "minimalScopes(100k), every field read / 100k requiredScopes",
      `${fmt(plannerRatio)}× (${fmt(planner.planMs, 1)} / ${fmt(planner.bareMs, 1)} ms)`,
      "≤ 1.3×",
      plannerRatio <= 1.3,
    ),
  );

  // Cold start: the two commands alternate, so drift in machine load hits both alike.
  const startups = { node: [], cli: [] };
  for (let i = 0; i < (quick ? 9 : 25); i++) {
    startups.node.push(wallOnce(["-e", "0"]));
    startups.cli.push(wallOnce(["dist/cli.js", "need", "GET", "/environments/x/users"]));
  }
  const nodeMs = median(startups.node);
  const cliMs = median(startups.cli);
  targets.push(
    target(
      "CLI cold start (`need`) / `node -e 0`",
      `${fmt(cliMs / nodeMs)}× (${fmt(cliMs, 1)} / ${fmt(nodeMs, 1)} ms)`,
      "≤ 1.5×",
      cliMs / nodeMs <= 1.5,
    ),
  );

  // As test/package/browser-bundle.test.ts measures it: esbuild, minified, gzip at its default level.
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
  const gz = gzipSync(bundled.outputFiles[0].contents).length;
  targets.push(
    target(
      "browser bundle (requiredScopes + catalog), min+gzip",
      `${gz.toLocaleString("en")} bytes`,
      "≤ 12,000 bytes",
      gz <= 12_000,
    ),
  );

  const linear = extras("linear", quick);
  const load = extras("load", quick);
  const heap = extras("heap", quick);
  console.log(
    `\nper-byte matching cost: 1 KB ${fmt(linear.kb.nsPerByte, 3)} ns/B (${linear.kb.status}), ` +
      `8 KB ${fmt(linear.cap.nsPerByte, 3)} ns/B (${linear.cap.status}), ` +
      `1 MB ${fmt(linear.mb.nsPerByte, 5)} ns/B (${linear.mb.status}), ` +
      `100,000 segments ${fmt((linear.segments.nsPerByte * linear.segments.bytes) / 1e3, 1)} µs (${linear.segments.status})`,
  );
  console.log(
    `embedded catalog compile ${fmt(load.compileMs)} ms; a user catalog parsed, validated and compiled ` +
      `${fmt(load.parseMs)} ms; heap after loading ${fmt(heap.heapBytes / 1024, 0)} KB`,
  );
  targets.push(
    target(
      "per-byte matching cost at the 8 KB cap / at 1 KB",
      `${fmt(linear.cap.nsPerByte / linear.kb.nsPerByte)}×`,
      "≤ 3× (linear)",
      linear.cap.nsPerByte / linear.kb.nsPerByte <= 3,
    ),
  );
  return targets;
};
