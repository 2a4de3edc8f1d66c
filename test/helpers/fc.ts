/** Runs per property: bounded for `npm test`; raise with FC_RUNS for a long local run. */
export const numRuns = Number(process.env["FC_RUNS"] ?? 300);

/** Per-test timeout (ms) for a property: vitest's default at the default runs, scaled up for long local runs. */
export const timeout = Math.max(10_000, numRuns * 25);
