/**
 * Runs one command as a child process and measures its wall time and the memory of its whole process tree,
 * sampled from /proc: our build is several processes (Node, its render thread, Pagefind's binary), so the peak of
 * one process would understate it.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const SAMPLE_EVERY_MS = 50;
const KEPT_OUTPUT = 1_000_000;

export interface Measurement {
  readonly label: string;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly wallMs: number;
  /** Epoch milliseconds, to line up with the phase marks the child prints. */
  readonly startedAt: number;
  /** Sum of VmRSS over the tree, in KiB, every 50 ms. */
  readonly samples: readonly { readonly at: number; readonly rssKb: number }[];
  /** The highest sample, or the largest single process's VmHWM if higher (a short process may peak between two samples). */
  readonly peakKb: number;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<number>();

/** Process groups (by leader pid) that killRunning() ends: measured commands, and the dev server. */
export function track(pid: number): void {
  running.add(pid);
}

export function untrack(pid: number): void {
  running.delete(pid);
}

/** Kills the process groups still running, when the benchmark itself is interrupted. */
export function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function readProc(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The process and its descendants; a child belongs to the thread that forked it, not always the main one. */
function tree(pid: number): number[] {
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    // the process ended meanwhile
  }
  const children = tasks.flatMap((task) => readProc(`/proc/${pid}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number));
  return [pid, ...children.flatMap(tree)];
}

export async function measure(command: string, args: readonly string[], options: { label: string; cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Measurement> {
  const samples: { at: number; rssKb: number }[] = [];
  let highWater = 0;
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  const startedAt = Date.now();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid!;
  track(pid);
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = (stdout + chunk).slice(-KEPT_OUTPUT)));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-KEPT_OUTPUT)));
  const sampler = setInterval(() => {
    let rssKb = 0;
    for (const member of tree(pid)) {
      const status = readProc(`/proc/${member}/status`);
      const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
      rssKb += field("VmRSS");
      highWater = Math.max(highWater, field("VmHWM"));
    }
    samples.push({ at: Date.now(), rssKb });
  }, SAMPLE_EVERY_MS);
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-pid, "SIGKILL");
  }, options.timeoutMs);
  const { exitCode, wallMs } = await new Promise<{ exitCode: number | null; wallMs: number }>((resolve, reject) => {
    let wallMs = 0;
    child.on("error", reject);
    child.on("exit", () => (wallMs = performance.now() - started));
    child.on("close", (code) => resolve({ exitCode: code, wallMs }));
  });
  clearInterval(sampler);
  clearTimeout(timer);
  untrack(pid);
  const peakKb = Math.max(highWater, ...samples.map((s) => s.rssKb));
  return { label: options.label, exitCode, timedOut, wallMs, startedAt, samples, peakKb, stdout, stderr };
}

/**
 * Peak of the sampled tree RSS between two epoch times, in KiB. A window shorter than the sampling period may hold
 * no sample: then the first sample after it stands for it, or the last before it.
 */
export function peakBetween(m: Measurement, from: number, to: number): number {
  const alive = m.samples.filter((s) => s.rssKb > 0);
  const inside = alive.filter((s) => s.at >= from && s.at <= to);
  const nearest = alive.find((s) => s.at > to) ?? alive.findLast((s) => s.at < from);
  const chosen = inside.length > 0 ? inside : nearest ? [nearest] : [];
  return chosen.length > 0 ? Math.max(...chosen.map((s) => s.rssKb)) : NaN;
}

export function failed(m: Measurement, okCodes: readonly number[] = [0]): boolean {
  return m.timedOut || m.exitCode === null || !okCodes.includes(m.exitCode);
}

export function describeFailure(m: Measurement): string {
  const why = m.timedOut ? "timed out" : `exit code ${m.exitCode}`;
  const output = `${m.stderr}\n${m.stdout}`.trim().split("\n").filter((line) => !/^\s+at /.test(line)).slice(-12).join("\n");
  return `${m.label}: ${why}\n${output}`;
}
