/**
 * Runs one command as a child process and measures it: wall time, CPU time and the peak memory of the whole process
 * tree, sampled from /proc (and GNU time when installed). Our build is several processes (tsx's wrapper,
 * Node, esbuild, Pagefind's binary), so the peak of one process would understate it.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";
const SAMPLE_EVERY_MS = 50;
const KEPT_OUTPUT = 2_000_000;

export interface Sample {
  /** Epoch milliseconds. */
  readonly at: number;
  /** Sum of VmRSS over the tree, in KiB. */
  readonly rssKb: number;
  /** VmRSS summed by process name (comm), in KiB. */
  readonly byName: Readonly<Record<string, number>>;
}

export interface Measurement {
  readonly label: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly wallMs: number;
  /** Epoch milliseconds, to line up with marks printed by the child. */
  readonly startedAt: number;
  readonly endedAt: number;
  /**
   * user + sys seconds of the whole tree: the larger of GNU time's count (processes that were waited for) and the
   * sum of the last /proc sample of each process (also those nobody waits for, like Pagefind's service binary).
   */
  readonly cpuSeconds?: number;
  /** Peak RSS of the tree: the highest sampled sum, or the largest single process's VmHWM if higher. KiB. */
  readonly treePeakKb: number;
  /** Peak RSS (VmHWM) of each process name seen. KiB. */
  readonly peakByNameKb: Readonly<Record<string, number>>;
  readonly samples: readonly Sample[];
  readonly loadBefore: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly label: string;
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
}

const hasGnuTime = existsSync(GNU_TIME);
const running = new Set<number>();

/** Process groups (by leader pid) that killRunning() ends: measured commands, and the dev server. */
export function track(pid: number): void {
  running.add(pid);
}

export function untrack(pid: number): void {
  running.delete(pid);
}

/** Kills the process groups of the commands still running, when the benchmark itself is interrupted. */
export function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** user + sys CPU seconds of one process so far, from /proc/<pid>/stat. */
function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function readStatus(pid: number): { name: string; rssKb: number; hwmKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?", rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  // A child belongs to the thread that forked it, not always the main one.
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/)) {
        if (child) children.push(Number(child));
      }
    } catch {
      // the thread ended meanwhile
    }
  }
  return children;
}

function tail(text: string): string {
  return text.length > KEPT_OUTPUT ? text.slice(-KEPT_OUTPUT) : text;
}

export async function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const timeDir = hasGnuTime ? await mkdtemp(path.join(os.tmpdir(), "garden-bench-time-")) : undefined;
  const timeFile = timeDir ? path.join(timeDir, "time.txt") : undefined;
  const [file, fileArgs] = timeFile ? [GNU_TIME, ["-o", timeFile, "-f", "%e %M %U %S", command, ...args]] : [command, [...args]];

  const loadBefore = os.loadavg()[0]!;
  const samples: Sample[] = [];
  const peakByNameKb: Record<string, number> = {};
  let maxSingleHwm = 0;
  const cpuByPid = new Map<number, number>();
  let stdout = "";
  let stderr = "";
  let timedOut = false;

  const startedAt = Date.now();
  const started = performance.now();
  const child = spawn(file, fileArgs, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid!;
  track(pid);
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = tail(stdout + chunk)));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = tail(stderr + chunk)));

  const sample = () => {
    const byName: Record<string, number> = {};
    let rssKb = 0;
    const queue = [pid];
    for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
      const status = readStatus(current);
      if (!status) continue;
      // GNU time is measuring apparatus, not part of the command.
      if (!(timeFile && current === pid)) {
        rssKb += status.rssKb;
        byName[status.name] = (byName[status.name] ?? 0) + status.rssKb;
        peakByNameKb[status.name] = Math.max(peakByNameKb[status.name] ?? 0, status.hwmKb);
        maxSingleHwm = Math.max(maxSingleHwm, status.hwmKb);
        const cpu = readCpuSeconds(current);
        if (cpu !== undefined) cpuByPid.set(current, Math.max(cpuByPid.get(current) ?? 0, cpu));
      }
      queue.push(...childrenOf(current));
    }
    samples.push({ at: Date.now(), rssKb, byName });
  };
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, options.timeoutMs);

  const { exitCode, signal, wallMs, endedAt } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; wallMs: number; endedAt: number }>(
    (resolve, reject) => {
      let exit: { exitCode: number | null; signal: NodeJS.Signals | null; wallMs: number; endedAt: number } | undefined;
      child.on("error", reject);
      child.on("exit", (code, sig) => (exit = { exitCode: code, signal: sig, wallMs: performance.now() - started, endedAt: Date.now() }));
      child.on("close", () => resolve(exit!));
    },
  );
  clearInterval(sampler);
  clearTimeout(timer);
  untrack(pid);

  const sampledCpu = [...cpuByPid.values()].reduce((sum, s) => sum + s, 0);
  let cpuSeconds: number | undefined = sampledCpu > 0 ? sampledCpu : undefined;
  if (timeFile) {
    const lines = (await readFile(timeFile, "utf8").catch(() => "")).trim().split("\n");
    const fields = (lines.at(-1) ?? "").split(" ").map(Number);
    if (fields.length === 4 && fields.every((n) => Number.isFinite(n))) {
      cpuSeconds = Math.max(cpuSeconds ?? 0, fields[2]! + fields[3]!);
      maxSingleHwm = Math.max(maxSingleHwm, fields[1]!);
    }
    await rm(timeDir!, { recursive: true, force: true });
  }
  const sampledPeak = samples.reduce((max, s) => Math.max(max, s.rssKb), 0);

  return {
    label: options.label,
    exitCode,
    signal,
    timedOut,
    wallMs,
    startedAt,
    endedAt,
    ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
    treePeakKb: Math.max(sampledPeak, maxSingleHwm),
    peakByNameKb,
    samples,
    loadBefore,
    stdout,
    stderr,
  };
}

/** Peak of the sampled tree RSS between two epoch times (KiB), and the same for processes whose name matches. */
export function peakBetween(samples: readonly Sample[], from: number, to: number, name?: RegExp): number {
  let peak = 0;
  for (const s of samples) {
    if (s.at < from || s.at > to) continue;
    const value = name ? Object.entries(s.byName).reduce((sum, [n, kb]) => (name.test(n) ? sum + kb : sum), 0) : s.rssKb;
    peak = Math.max(peak, value);
  }
  return peak;
}

export function failed(m: Measurement, okCodes: readonly number[] = [0]): boolean {
  return m.timedOut || m.exitCode === null || !okCodes.includes(m.exitCode);
}

export function describeFailure(m: Measurement): string {
  const why = m.timedOut ? "timed out" : m.exitCode === null ? `killed by ${m.signal}` : `exit code ${m.exitCode}`;
  const output = `${m.stderr}\n${m.stdout}`.trim().split("\n").filter((line) => !/^\s+at /.test(line)).slice(-12).join("\n");
  return `${m.label}: ${why}\n${output}`;
}
