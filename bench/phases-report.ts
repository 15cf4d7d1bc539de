/** The line a measured process prints with its phase marks (bench/phase-marks.mjs, bench/scan-phases.ts). */
export const PHASES_PREFIX = "BENCH_PHASES ";

export interface PhaseMark {
  readonly name: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface PhasesReport {
  readonly marks: readonly PhaseMark[];
  readonly published?: number;
  readonly searchPages?: number;
}

export function phasesLine(report: PhasesReport): string {
  return `${PHASES_PREFIX}${JSON.stringify(report)}\n`;
}

/** The report a process printed, if it printed one. */
export function phasesReportIn(stdout: string): PhasesReport | undefined {
  const line = stdout.split("\n").find((l) => l.startsWith(PHASES_PREFIX));
  return line ? (JSON.parse(line.slice(PHASES_PREFIX.length)) as PhasesReport) : undefined;
}
