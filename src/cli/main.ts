import { run } from "./run.js";

// `scopewise … | head`: a reader that stops early is not an error, and it does not change the
// answer. The write that fails is dropped (so are later ones), the run finishes, and the exit
// code is the answer's, so `set -o pipefail` still fails a gate whose token is not enough.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2));
