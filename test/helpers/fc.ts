/** Runs per property: bounded for `npm test`; raise with FC_RUNS for a long local run. */
export const numRuns = Number(process.env["FC_RUNS"] ?? 300);
