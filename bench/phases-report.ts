/** The line a measured command prints with its phase marks, when bench/phase-marks.mjs is preloaded. */
export const PHASES_PREFIX = "BENCH_PHASES ";

export interface PhaseMark {
  readonly name: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface PhasesReport {
  readonly marks: readonly PhaseMark[];
  /** What the command counted ("published", "searchPages" for the build). */
  readonly counts: Readonly<Record<string, number>>;
}

export function phasesLine(report: PhasesReport): string {
  return `${PHASES_PREFIX}${JSON.stringify(report)}\n`;
}

/** The report a process printed, if it printed one. */
export function phasesReportIn(stdout: string): PhasesReport | undefined {
  const line = stdout.split("\n").find((l) => l.startsWith(PHASES_PREFIX));
  return line ? (JSON.parse(line.slice(PHASES_PREFIX.length)) as PhasesReport) : undefined;
}

/** When a phase was reached, in epoch milliseconds. */
export function markOf(report: PhasesReport, name: string): number | undefined {
  return report.marks.find((mark) => mark.name === name)?.at;
}
