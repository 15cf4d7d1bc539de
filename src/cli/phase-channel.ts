import { channel } from "node:diagnostics_channel";

/** The moments of a build, in order. */
export type BuildPhase = "build.start" | "eleventy.before" | "eleventy.graph" | "eleventy.after" | "eleventy.end" | "search.end" | "build.end";

/** The moments of a check, in order. */
export type CheckPhase = "check.start" | "scan.end" | "graph.end";

export interface PhaseMessage {
  readonly phase: BuildPhase | CheckPhase;
  /** Epoch milliseconds. */
  readonly at: number;
  /** What the command has counted so far, on its last phase. */
  readonly counts?: Readonly<Record<string, number>>;
}

/**
 * Where the build and the check announce their phases, for whoever times the real commands from outside (the
 * benchmark preloads bench/phase-marks.mjs). Publishing costs nothing while nobody listens.
 */
export const PHASE_CHANNEL = "museumxtd:phase";
const phases = channel(PHASE_CHANNEL);

export function announce(phase: PhaseMessage["phase"], counts?: PhaseMessage["counts"]): void {
  if (phases.hasSubscribers) phases.publish({ phase, at: performance.timeOrigin + performance.now(), ...(counts ? { counts } : {}) } satisfies PhaseMessage);
}
