/**
 * Preloaded into a measured `npm run build` (`node --import tsx --import ./bench/phase-marks.mjs src/cli/build.ts`):
 * it listens to the phases buildGarden announces and, when the process exits, prints them on one line that
 * run-bench.ts reads. The build itself runs unchanged, so one run gives both the total and its stages.
 *
 * JavaScript, and idle off the main thread: Node 20 runs --import preloads in worker threads too, where tsx's
 * hooks are not registered, so the render thread could not load TypeScript here.
 */
import { subscribe } from "node:diagnostics_channel";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const { BUILD_PHASE_CHANNEL } = await import("../src/cli/build-garden.ts");
  const { phasesLine } = await import("./phases-report.ts");
  /** @type {import("./phases-report.ts").PhaseMark[]} */
  const marks = [];
  let counts = {};
  subscribe(BUILD_PHASE_CHANNEL, (message) => {
    const { phase, at, result } = /** @type {import("../src/cli/build-garden.ts").BuildPhaseMessage} */ (message);
    marks.push({ name: phase, at });
    if (result) counts = { published: result.published, searchPages: result.searchPages };
  });
  process.on("exit", () => {
    // Writes to a pipe are synchronous on Linux, so the line is out before the process is.
    if (marks.length > 0) process.stdout.write(phasesLine({ marks, ...counts }));
  });
}
