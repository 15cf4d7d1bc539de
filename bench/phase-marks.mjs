/**
 * Preloaded into a measured command (`node --import tsx --import ./bench/phase-marks.mjs src/cli/build.ts`, or
 * check.ts): it listens to the phases the command announces (src/cli/phase-channel.ts) and, when the process
 * exits, prints them on one line that run-bench.ts reads. The command itself runs unchanged, so one run gives both
 * its total time and its stages.
 *
 * JavaScript, and idle off the main thread: Node 20 runs --import preloads in worker threads too, where tsx's
 * hooks are not registered, so the render thread could not load TypeScript here.
 */
import { subscribe } from "node:diagnostics_channel";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const { PHASE_CHANNEL } = await import("../src/cli/phase-channel.ts");
  const { phasesLine } = await import("./phases-report.ts");
  /** @type {import("./phases-report.ts").PhaseMark[]} */
  const marks = [];
  let counts = {};
  subscribe(PHASE_CHANNEL, (message) => {
    const { phase, at, counts: more } = /** @type {import("../src/cli/phase-channel.ts").PhaseMessage} */ (message);
    marks.push({ name: phase, at });
    counts = { ...counts, ...more };
  });
  process.on("exit", () => {
    // Writes to a pipe are synchronous on Linux, so the line is out before the process is.
    if (marks.length > 0) process.stdout.write(phasesLine({ marks, counts }));
  });
}
