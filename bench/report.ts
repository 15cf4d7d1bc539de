/** Medians, ratios, targets and the Markdown of bench/RESULTS.md, from the measurements of run-bench.ts. */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DevServerResult } from "./dev-server.js";
import type { GeneratedVaultStats } from "./generate-vault.js";
import { failed, peakBetween, type Measurement } from "./measure.js";
import { markOf, type PhasesReport } from "./phases-report.js";
import { ownFunctionsByTotal, type ProfileSummary } from "./profile-summary.js";

export interface PhasesRun {
  readonly measurement: Measurement;
  readonly report: PhasesReport;
}

export interface RunRecord {
  readonly run: number;
  ours?: Measurement;
  bareEleventy?: Measurement;
  barePagefind?: Measurement;
  bareHtml?: number;
  barePagefindPages?: number;
  /** The stages of `ours`, from bench/phase-marks.mjs. */
  oursPhases?: PhasesReport;
  /** The stages of `check`, from bench/phase-marks.mjs. */
  checkPhases?: PhasesReport;
  check?: Measurement;
}

export interface SizeResult {
  readonly notes: number;
  readonly stats: GeneratedVaultStats;
  readonly generateMs: number;
  readonly runs: readonly RunRecord[];
  /** The build is profiled at the smallest size, the check at the largest. */
  profile?: { readonly build?: ProfileRun; readonly check?: ProfileRun };
  devServer?: DevServerResult;
  elapsedMs?: number;
}

export interface ProfileRun {
  readonly wallMs: number;
  readonly summary: ProfileSummary;
  readonly directory: string;
}

export interface Machine {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly eleventy: string;
  readonly pagefind: string;
  readonly commit: string;
  readonly uncommitted: readonly string[];
}

export interface BenchResults {
  readonly options: {
    readonly sizes: readonly number[];
    readonly runs: number;
    readonly seed: number;
    readonly command: string;
    readonly comment: string | undefined;
    readonly work: string;
  };
  readonly machine: Machine;
  readonly startedAt: Date;
  readonly sizes: SizeResult[];
  readonly errors: readonly string[];
  /** 1-minute load average, every 5 s during the run. */
  readonly loads: number[];
  elapsedMs?: number;
}

/** Everything below this line in RESULTS.md is written by hand, and kept when the benchmark rewrites the file. */
const KEEP_MARKER = "<!-- Hand-written analysis below: kept when `npm run bench` rewrites this file. -->";

// ---------------------------------------------------------------------------------------------------------
// Machine

async function version(projectRoot: string, pkg: string): Promise<string> {
  const json = await readFile(path.join(projectRoot, "node_modules", pkg, "package.json"), "utf8").catch(() => "{}");
  return (JSON.parse(json) as { version?: string }).version ?? "?";
}

export async function machineDetails(projectRoot: string): Promise<Machine> {
  const cpuinfo = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
  const git = (...args: string[]) => spawnSync("git", args, { cwd: projectRoot, encoding: "utf8" }).stdout?.trim() ?? "";
  return {
    node: process.version,
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "?",
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    eleventy: await version(projectRoot, "@11ty/eleventy"),
    pagefind: await version(projectRoot, "pagefind"),
    commit: git("rev-parse", "--short", "HEAD") || "?",
    uncommitted: git("status", "--porcelain", "--", "src", "_includes", ".eleventy.ts", "_data").split("\n").filter(Boolean),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Stat {
  readonly wallMs: number;
  readonly peakKb: number;
  readonly cpuS: number;
  readonly n: number;
}

interface Point {
  readonly wallMs: number;
  readonly peakKb: number;
  readonly cpuS?: number | undefined;
}

function stat(points: readonly Point[]): Stat {
  return {
    wallMs: median(points.map((p) => p.wallMs)),
    peakKb: median(points.map((p) => p.peakKb)),
    cpuS: median(points.map((p) => p.cpuS ?? NaN)),
    n: points.length,
  };
}

const point = (m: Measurement): Point => ({ wallMs: m.wallMs, peakKb: m.treePeakKb, cpuS: m.cpuSeconds });

interface PhaseTimes {
  /** From spawn to the script's first line: tsx, Node and module loading. */
  readonly startup: number;
  readonly setup: number;
  readonly scanAndGraph: number;
  readonly render: number;
  readonly afterHooks: number;
  readonly search: number;
  readonly swapAndExit: number;
  readonly eleventyStage: number;
  readonly total: number;
  readonly eleventyPeakKb: number;
  readonly searchPeakKb: number;
  readonly searchPagefindPeakKb: number;
}

function phaseTimes({ measurement: m, report }: PhasesRun): PhaseTimes | undefined {
  const at = (name: string) => markOf(report, name);
  const [start, before, graph, after, eleventyEnd, searchEnd] = ["build.start", "eleventy.before", "eleventy.graph", "eleventy.after", "eleventy.end", "search.end"].map(at);
  if ([start, before, graph, after, eleventyEnd, searchEnd].some((t) => t === undefined)) return undefined;
  return {
    startup: start! - m.startedAt,
    setup: before! - start!,
    scanAndGraph: graph! - before!,
    render: after! - graph!,
    afterHooks: eleventyEnd! - after!,
    search: searchEnd! - eleventyEnd!,
    swapAndExit: m.endedAt - searchEnd!,
    eleventyStage: eleventyEnd! - m.startedAt,
    total: m.wallMs,
    eleventyPeakKb: peakBetween(m.samples, m.startedAt, eleventyEnd!),
    searchPeakKb: peakBetween(m.samples, eleventyEnd!, searchEnd!),
    searchPagefindPeakKb: peakBetween(m.samples, eleventyEnd!, searchEnd!, /pagefind/),
  };
}

export interface Derived {
  readonly notes: number;
  readonly ours?: Stat;
  readonly bareEleventy?: Stat;
  readonly barePagefind?: Stat;
  readonly baseline?: Stat;
  readonly phases?: { readonly [K in keyof PhaseTimes]: number } & { readonly n: number };
  /** The stages of the check: its own process start, then the vault scan and the link resolution, cold. */
  readonly checkPhases?: { readonly startup: number; readonly readVault: number; readonly buildLinkGraph: number; readonly n: number };
  readonly check?: Stat;
  readonly publishedNotes?: number;
  readonly searchPages?: number;
  readonly barePagefindPages?: number;
  readonly bareHtml?: number;
}

function derive(size: SizeResult): Derived {
  const ok = (m: Measurement | undefined, codes: readonly number[] = [0]): m is Measurement => m !== undefined && !failed(m, codes);
  const ours = size.runs.map((r) => r.ours).filter((m) => ok(m));
  const eleventy = size.runs.map((r) => r.bareEleventy).filter((m) => ok(m));
  const pagefind = size.runs.map((r) => r.barePagefind).filter((m) => ok(m));
  const baselineRuns = size.runs.filter((r) => ok(r.bareEleventy) && ok(r.barePagefind));
  const baseline = baselineRuns.map((r) => ({
    wallMs: r.bareEleventy!.wallMs + r.barePagefind!.wallMs,
    peakKb: Math.max(r.bareEleventy!.treePeakKb, r.barePagefind!.treePeakKb),
    cpuS: (r.bareEleventy!.cpuSeconds ?? NaN) + (r.barePagefind!.cpuSeconds ?? NaN),
  }));
  const phaseRuns = size.runs.flatMap((r) => (r.oursPhases && ok(r.ours) ? [phaseTimes({ measurement: r.ours, report: r.oursPhases })] : [])).filter((p) => p !== undefined);
  const checkRuns = size.runs.flatMap((r) => (r.checkPhases && ok(r.check, [0, 1]) ? [{ measurement: r.check, report: r.checkPhases }] : []));
  const checks = size.runs.map((r) => r.check).filter((m) => ok(m, [0, 1]));
  const lastBuild = size.runs.map((r) => r.oursPhases).filter((r) => r !== undefined).at(-1);
  const lastBare = size.runs.filter((r) => r.bareHtml !== undefined).at(-1);

  const checkMark = (run: PhasesRun, name: string) => markOf(run.report, name) ?? NaN;
  return {
    notes: size.notes,
    ...(ours.length ? { ours: stat(ours.map(point)) } : {}),
    ...(eleventy.length ? { bareEleventy: stat(eleventy.map(point)) } : {}),
    ...(pagefind.length ? { barePagefind: stat(pagefind.map(point)) } : {}),
    ...(baseline.length ? { baseline: stat(baseline) } : {}),
    ...(phaseRuns.length
      ? {
          phases: {
            ...(Object.fromEntries(Object.keys(phaseRuns[0]!).map((key) => [key, median(phaseRuns.map((p) => p[key as keyof PhaseTimes]))])) as {
              [K in keyof PhaseTimes]: number;
            }),
            n: phaseRuns.length,
          },
        }
      : {}),
    ...(checkRuns.length
      ? {
          checkPhases: {
            startup: median(checkRuns.map((c) => checkMark(c, "check.start") - c.measurement.startedAt)),
            readVault: median(checkRuns.map((c) => checkMark(c, "scan.end") - checkMark(c, "check.start"))),
            buildLinkGraph: median(checkRuns.map((c) => checkMark(c, "graph.end") - checkMark(c, "scan.end"))),
            n: checkRuns.length,
          },
        }
      : {}),
    ...(checks.length ? { check: stat(checks.map(point)) } : {}),
    ...(lastBuild?.counts["published"] === undefined ? {} : { publishedNotes: lastBuild.counts["published"] }),
    ...(lastBuild?.counts["searchPages"] === undefined ? {} : { searchPages: lastBuild.counts["searchPages"] }),
    ...(lastBare ? { bareHtml: lastBare.bareHtml!, barePagefindPages: lastBare.barePagefindPages! } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Targets

export interface TargetResult {
  readonly target: string;
  readonly notes: string;
  readonly measured: string;
  readonly limit: string;
  /** undefined: could not be measured. */
  readonly met: boolean | undefined;
  readonly verdict: string;
  /** Which profile and phases explain a miss. */
  readonly focus?: "total" | "eleventy" | "search" | "search-memory" | "scaling" | "check" | "dev";
  readonly size?: number;
}

const n = (value: number) => value.toLocaleString("en-US");
export const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "–");
export const megabytes = (kb: number) => {
  if (!Number.isFinite(kb) || kb === 0) return "–";
  const mb = (kb * 1024) / 1e6;
  return mb >= 1000 ? `${(mb / 1000).toFixed(2)} GB` : `${mb.toFixed(0)} MB`;
};
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");

function ratioTarget(target: string, size: number, focus: TargetResult["focus"], ours: number, base: number, limitRatio: number, unit: "time" | "memory"): TargetResult {
  const show = unit === "time" ? seconds : megabytes;
  const r = ours / base;
  if (!Number.isFinite(r)) return { target, notes: n(size), measured: "not measured", limit: `≤ ${limitRatio}×`, met: undefined, verdict: "NOT MEASURED", size };
  const allowed = base * limitRatio;
  const met = r <= limitRatio;
  const over = ours - allowed;
  const verdict = met
    ? `MET (${show(allowed - ours)} to spare)`
    : `MISSED by ${show(over)} (${ratio(r)} vs ${ratio(limitRatio)}: ${((100 * over) / allowed).toFixed(0)} % over the limit)`;
  return { target, notes: n(size), measured: `${ratio(r)} (${show(ours)} vs ${show(base)})`, limit: `≤ ${limitRatio}× = ${show(allowed)}`, met, verdict, focus, size };
}

function evaluateTargets(results: BenchResults, derived: readonly Derived[]): TargetResult[] {
  const targets: TargetResult[] = [];
  for (const d of derived) {
    targets.push(ratioTarget("Total build ≤ 1.25 × baseline (Eleventy + Pagefind CLI)", d.notes, "total", d.ours?.wallMs ?? NaN, d.baseline?.wallMs ?? NaN, 1.25, "time"));
  }
  for (const d of derived) {
    targets.push(ratioTarget("Eleventy stage ≤ 1.25 × bare Eleventy", d.notes, "eleventy", d.phases?.eleventyStage ?? NaN, d.bareEleventy?.wallMs ?? NaN, 1.25, "time"));
  }
  for (const d of derived) {
    targets.push(ratioTarget("Search stage time ≤ Pagefind CLI", d.notes, "search", d.phases?.search ?? NaN, d.barePagefind?.wallMs ?? NaN, 1, "time"));
  }
  for (const d of derived) {
    targets.push(ratioTarget("Search stage peak memory ≤ Pagefind CLI", d.notes, "search-memory", d.phases?.searchPeakKb ?? NaN, d.barePagefind?.peakKb ?? NaN, 1, "memory"));
  }
  if (derived.length >= 2) {
    const small = derived.find((d) => d.notes === 1000) ?? derived[0]!;
    const large = derived.find((d) => d.notes === 10000) ?? derived.at(-1)!;
    const sizeRatio = large.notes / small.notes;
    const r = (large.ours?.wallMs ?? NaN) / (small.ours?.wallMs ?? NaN);
    const met = Number.isFinite(r) ? r <= sizeRatio : undefined;
    targets.push({
      target: `Scaling: time(${n(large.notes)}) / time(${n(small.notes)}) ≤ ${n(sizeRatio)}`,
      notes: `${n(small.notes)} → ${n(large.notes)}`,
      measured: `${ratio(r)} (${seconds(large.ours?.wallMs ?? NaN)} / ${seconds(small.ours?.wallMs ?? NaN)})`,
      limit: `≤ ${n(sizeRatio)}×`,
      met,
      verdict: met === undefined ? "NOT MEASURED" : met ? "MET" : `MISSED by ${ratio(r - sizeRatio)} (${((100 * (r - sizeRatio)) / sizeRatio).toFixed(0)} % over)`,
      focus: "scaling",
      size: large.notes,
    });
  }
  const tenThousand = derived.find((d) => d.notes === 10000);
  if (tenThousand) {
    const wall = tenThousand.check?.wallMs ?? NaN;
    const met = Number.isFinite(wall) ? wall < 1500 : undefined;
    targets.push({
      target: "`npm run check` on 10,000 notes < 1.5 s",
      notes: n(10000),
      measured: seconds(wall),
      limit: "< 1.50 s",
      met,
      verdict: met === undefined ? "NOT MEASURED" : met ? `MET (${seconds(1500 - wall)} to spare)` : `MISSED by ${seconds(wall - 1500)} (${((100 * (wall - 1500)) / 1500).toFixed(0)} % over)`,
      focus: "check",
      size: 10000,
    });
  }
  const dev = results.sizes.find((s) => s.devServer);
  const devNotes = results.options.sizes.includes(1000) ? 1000 : results.options.sizes[0];
  if (dev?.devServer) {
    const wall = median([...dev.devServer.pageUpdatedMs]);
    const met = wall < 2000;
    targets.push({
      target: "Dev server: one edited note rebuilt < 2 s",
      notes: n(dev.notes),
      measured: `${seconds(wall)} to the page on disk; ${seconds(median([...dev.devServer.rebuildDoneMs]))} to the end of the rebuild`,
      limit: "< 2.00 s",
      met,
      verdict: met ? `MET (${seconds(2000 - wall)} to spare)` : `MISSED by ${seconds(wall - 2000)} (${((100 * (wall - 2000)) / 2000).toFixed(0)} % over)`,
      focus: "dev",
      size: dev.notes,
    });
  } else if (devNotes !== undefined) {
    targets.push({ target: "Dev server: one edited note rebuilt < 2 s", notes: n(devNotes), measured: "not measured", limit: "< 2.00 s", met: undefined, verdict: "NOT MEASURED" });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function loadSummary(values: readonly number[]): string {
  if (values.length === 0) return "–";
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${sorted[0]!.toFixed(2)}, median ${median(sorted).toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}`;
}

function sizeSection(size: SizeResult, d: Derived, runs: number): string {
  const out: string[] = [];
  const p = d.phases;
  const cpu = (s: Stat | undefined) => (s && Number.isFinite(s.cpuS) ? `${s.cpuS.toFixed(1)} s` : "–");
  out.push(`## ${n(size.notes)} notes`);
  out.push("");
  out.push(
    `Vault: ${n(size.stats.notes)} notes, ${n(size.stats.wikilinks)} wikilinks (${(100 * size.stats.missingShare).toFixed(1)} % to missing notes), ` +
      `${n(size.stats.images)} images, ${(size.stats.bytes / 1e6).toFixed(1)} MB, generated in ${seconds(size.generateMs)}. ` +
      `Our build published ${d.publishedNotes === undefined ? "–" : n(d.publishedNotes)} notes and indexed ${d.searchPages === undefined ? "–" : n(d.searchPages)} pages; ` +
      `bare Eleventy wrote ${d.bareHtml === undefined ? "–" : n(d.bareHtml)} HTML files and the Pagefind CLI indexed ${d.barePagefindPages === undefined ? "–" : n(d.barePagefindPages)} pages.`,
  );
  out.push("");
  out.push(`Medians of ${runs} runs each (wall time; peak RSS of the whole process tree; CPU = user + sys of the tree).`);
  out.push("");
  out.push(
    table(
      ["stage", "ours", "ours peak RSS", "ours CPU", "baseline", "baseline peak RSS", "baseline CPU", "ours / baseline"],
      [
        [
          "Eleventy stage",
          seconds(p?.eleventyStage ?? NaN),
          megabytes(p?.eleventyPeakKb ?? NaN),
          "–",
          seconds(d.bareEleventy?.wallMs ?? NaN),
          megabytes(d.bareEleventy?.peakKb ?? NaN),
          cpu(d.bareEleventy),
          ratio((p?.eleventyStage ?? NaN) / (d.bareEleventy?.wallMs ?? NaN)),
        ],
        [
          "search stage",
          seconds(p?.search ?? NaN),
          `${megabytes(p?.searchPeakKb ?? NaN)} (Pagefind binary ${megabytes(p?.searchPagefindPeakKb ?? NaN)})`,
          "–",
          seconds(d.barePagefind?.wallMs ?? NaN),
          megabytes(d.barePagefind?.peakKb ?? NaN),
          cpu(d.barePagefind),
          `${ratio((p?.search ?? NaN) / (d.barePagefind?.wallMs ?? NaN))} time, ${ratio((p?.searchPeakKb ?? NaN) / (d.barePagefind?.peakKb ?? NaN))} memory`,
        ],
        [
          "**total**",
          `**${seconds(d.ours?.wallMs ?? NaN)}**`,
          megabytes(d.ours?.peakKb ?? NaN),
          cpu(d.ours),
          `**${seconds(d.baseline?.wallMs ?? NaN)}**`,
          megabytes(d.baseline?.peakKb ?? NaN),
          cpu(d.baseline),
          `**${ratio((d.ours?.wallMs ?? NaN) / (d.baseline?.wallMs ?? NaN))}** (CPU ${ratio((d.ours?.cpuS ?? NaN) / (d.baseline?.cpuS ?? NaN))})`,
        ],
      ],
    ),
  );
  out.push("");
  out.push(
    "Ours: `node --import tsx --import ./bench/phase-marks.mjs src/cli/build.ts`, that is `npm run build` with a preloaded listener of the phases the build announces, " +
      "Eleventy stage = from spawn to the end of Eleventy's worker thread (`eleventy.write()`); Pagefind already indexes the notes' pages during it, as their layouts render; " +
      "search stage = from there to the index written (`SearchIndexWriter.write()`: the pages not yet indexed, then Pagefind's own index building and writing). " +
      "Baseline: `node node_modules/@11ty/eleventy/cmd.cjs` with an empty configuration, then `pagefind --site`.",
  );
  out.push("");
  if (p) {
    out.push(`### Our phases (median of ${p.n} runs of our build)`);
    out.push("");
    const rows: string[][] = [
      ["process start: tsx, Node, module loading", seconds(p.startup)],
      ["render worker start and Eleventy setup: configuration, plugins, until `eleventy.before`", seconds(p.setup)],
      ["vault scan + link resolution, in the plugin's `eleventy.before` hook", seconds(p.scanAndGraph)],
      ["render and write of every page", seconds(p.render)],
      ["`eleventy.after`: the end of the attachments and previews, written during the render; the render thread's end", seconds(p.afterHooks)],
      ["search index, after Eleventy: `SearchIndexWriter.write()`", seconds(p.search)],
      ["swap into the output folder, summary, exit", seconds(p.swapAndExit)],
      ["**total**", `**${seconds(p.total)}**`],
    ];
    if (d.check) rows.push([`\`npm run check\` (\`node --import tsx src/cli/check.ts --notes …\`), whole process, peak ${megabytes(d.check.peakKb)}`, seconds(d.check.wallMs)]);
    if (d.checkPhases) {
      rows.push(
        [`in the check: process start, tsx and imports (median of ${d.checkPhases.n})`, seconds(d.checkPhases.startup)],
        ["in the check: vault scan, `readVault`, cold", seconds(d.checkPhases.readVault)],
        ["in the check: link resolution, `buildLinkGraph`", seconds(d.checkPhases.buildLinkGraph)],
      );
    }
    out.push(table(["phase", "wall"], rows));
    out.push("");
  }
  if (size.devServer) {
    const dev = size.devServer;
    out.push("### Dev server (`npm start`)");
    out.push("");
    out.push(
      `First build and "Watching…" after ${seconds(dev.startupMs)}. Appending a line to \`${dev.note}\`, ${dev.pageUpdatedMs.length} times: ` +
        `the note's page held the line after ${dev.pageUpdatedMs.map(seconds).join(", ")} (median ${seconds(median([...dev.pageUpdatedMs]))}); ` +
        `Eleventy had finished the rebuild (the browser reloads then) after ${dev.rebuildDoneMs.map(seconds).join(", ")}.`,
    );
    out.push("");
  }
  return out.join("\n");
}

function runsSection(size: SizeResult): string {
  const s = (m: Measurement | undefined) => (m ? `${seconds(m.wallMs)} / ${megabytes(m.treePeakKb)}` : "–");
  const rows = size.runs.map((r) => [
    String(r.run),
    [r.ours, r.bareEleventy, r.check].find((m) => m)?.loadBefore.toFixed(2) ?? "–",
    s(r.ours),
    s(r.bareEleventy),
    s(r.barePagefind),
    s(r.check),
  ]);
  return table(["run", "load", "ours", "bare Eleventy", "Pagefind CLI", "check"], rows);
}

const ms = (value: number) => `${n(Math.round(value))} ms`;
const shareOf = (summary: ProfileSummary, value: number) => `${((100 * value) / summary.busyMs).toFixed(1)} %`;

/** The `count` busiest functions of a profile by their own time. */
function selfTimeTable(summary: ProfileSummary, count: number): string {
  const rows = summary.functions.filter((f) => f.name !== "(idle)").slice(0, count);
  return table(["self", "share", "function", "where"], rows.map((f) => [ms(f.selfMs), shareOf(summary, f.selfMs), `\`${f.name}\``, f.location]));
}

/** Our `count` busiest functions by time with their callees. */
function totalTimeTable(summary: ProfileSummary, count: number): string {
  const rows = ownFunctionsByTotal(summary).slice(0, count);
  return table(["total", "share", "self", "function", "where"], rows.map((f) => [ms(f.totalMs), shareOf(summary, f.totalMs), ms(f.selfMs), `\`${f.name}\``, f.location]));
}

function profileSection(size: SizeResult): string {
  const { build, check } = size.profile ?? {};
  const out: string[] = [];
  if (build) {
    const { summary } = build;
    out.push(
      `### CPU profile of the build, ${n(size.notes)} notes`,
      "",
      `\`node --import tsx --cpu-prof src/cli/build.ts\`: ${seconds(build.wallMs)} wall, ${ms(summary.busyMs)} busy in Node's threads (main, render worker and tsx's module loaders) ` +
        "(Pagefind's binary works in its own process: its time shows as idle here). Shares are of the busy time.",
      "",
      "Top functions by self time:",
      "",
      selfTimeTable(summary, 15),
      "",
      "Self time by owner (src = our code):",
      "",
      table(["self", "share", "owner"], summary.owners.slice(0, 10).map((o) => [ms(o.selfMs), shareOf(summary, o.selfMs), o.owner])),
      "",
      "Our functions (src/) by total time, callees included:",
      "",
      totalTimeTable(summary, 15),
    );
  }
  if (check) {
    if (out.length > 0) out.push("");
    out.push(
      `### CPU profile of the check, ${n(size.notes)} notes`,
      "",
      `\`node --import tsx --cpu-prof src/cli/check.ts\`: ${seconds(check.wallMs)} wall, ${ms(check.summary.busyMs)} busy (all threads). Top functions by self time, then ours by total time:`,
      "",
      selfTimeTable(check.summary, 10),
      "",
      totalTimeTable(check.summary, 10),
    );
  }
  return out.join("\n");
}

const FOCUS_FILES: Record<NonNullable<TargetResult["focus"]>, RegExp> = {
  total: /^src\//,
  eleventy: /^src\/(eleventy-plugin|link-graph|vault-scan|site-output)\//,
  search: /^src\/search-index\//,
  "search-memory": /^src\/search-index\//,
  scaling: /^src\//,
  check: /^src\/(vault-scan|link-graph)\//,
  dev: /^src\//,
};

function whySection(target: TargetResult, results: BenchResults, derived: readonly Derived[]): string {
  const size = results.sizes.find((s) => s.notes === target.size);
  const d = derived.find((x) => x.notes === target.size);
  if (!size || !d || !target.focus) return "";
  const lines = [`**${target.target}, ${target.notes} notes: ${target.verdict}.**`];
  const p = d.phases;
  if (p && (target.focus === "total" || target.focus === "eleventy" || target.focus === "scaling" || target.focus === "dev")) {
    lines.push(
      `Phases: start ${seconds(p.startup)}, setup ${seconds(p.setup)}, scan + links ${seconds(p.scanAndGraph)}, render ${seconds(p.render)}, ` +
        `after hook and render thread's end ${seconds(p.afterHooks)}, search ${seconds(p.search)}; bare Eleventy takes ${seconds(d.bareEleventy?.wallMs ?? NaN)} in all, the Pagefind CLI ${seconds(d.barePagefind?.wallMs ?? NaN)}.`,
    );
  }
  if (p && (target.focus === "search" || target.focus === "search-memory")) {
    lines.push(
      `After Eleventy's worker thread, \`SearchIndexWriter.write()\` takes ${seconds(p.search)} and peaks at ${megabytes(p.searchPeakKb)} for the tree (the Node process and Pagefind's binary, which already indexed pages during the render; ` +
        `Pagefind's binary alone ${megabytes(p.searchPagefindPeakKb)}), against ${seconds(d.barePagefind?.wallMs ?? NaN)} and ${megabytes(d.barePagefind?.peakKb ?? NaN)} for the CLI.`,
    );
  }
  if (d.checkPhases && target.focus === "check") {
    const c = d.checkPhases;
    lines.push(`Process start ${seconds(c.startup)} (tsx and imports), cold \`readVault\` ${seconds(c.readVault)}, \`buildLinkGraph\` ${seconds(c.buildLinkGraph)}; the rest is printing the findings and exit.`);
  }
  // The build is profiled at one size only: a miss at another size is explained by that profile, and says so.
  const profiled = target.focus === "check" ? (size.profile?.check ? size : undefined) : results.sizes.find((s) => s.profile?.build);
  const summary = target.focus === "check" ? profiled?.profile?.check?.summary : profiled?.profile?.build?.summary;
  if (profiled && summary) {
    const busy = summary.busyMs;
    const hot = ownFunctionsByTotal(summary)
      .filter((f) => FOCUS_FILES[target.focus!].test(f.location))
      .slice(0, 5)
      .map((f) => `\`${f.name}\` (${f.location}) ${((100 * f.totalMs) / busy).toFixed(1)} % total, ${((100 * f.selfMs) / busy).toFixed(1)} % self`);
    const which = target.focus === "check" ? "profile of the check" : "profile of the build";
    if (hot.length) lines.push(`In the ${which} (${n(profiled.notes)} notes), our heaviest functions there: ${hot.join("; ")}.`);
  }
  return lines.join(" ");
}

export function renderResults(results: BenchResults, previous: string): string {
  const { machine, options } = results;
  const derived = results.sizes.map(derive);
  const targets = evaluateTargets(results, derived);
  const allLoads = [...results.loads, ...results.sizes.flatMap((s) => s.runs.flatMap((r) => [r.ours, r.bareEleventy, r.barePagefind, r.check].filter((m) => m).map((m) => m!.loadBefore)))];
  const out: string[] = [];
  out.push("# Benchmark: our build against bare Eleventy + the Pagefind CLI");
  out.push("");
  out.push(`Written by \`bench/run-bench.ts\` on ${results.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC, in ${seconds(results.elapsedMs ?? NaN)}.`);
  out.push("");
  out.push("```sh", options.command, "```");
  out.push("");
  if (options.comment) out.push(options.comment, "");
  out.push("## Machine");
  out.push("");
  out.push(`- Node ${machine.node}, ${machine.os}`);
  out.push(`- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${(machine.memoryBytes / 1e9).toFixed(1)} GB`);
  out.push(`- 1-minute load average during the run: ${loadSummary(allLoads)}. Other jobs shared the machine: wall times are noisy, CPU times less so.`);
  out.push(`- @11ty/eleventy ${machine.eleventy}, pagefind ${machine.pagefind}`);
  out.push(
    `- Code: commit ${machine.commit}${machine.uncommitted.length ? `, plus ${machine.uncommitted.length} uncommitted changes in src/, _includes/, _data/ (work in progress of other sessions)` : ""}`,
  );
  out.push(`- Vaults: \`bench/generate-vault.ts\`, seed ${options.seed}. ${options.runs} runs each of our build, the baseline and the check, our build and the baseline alternating.`);
  out.push("");
  out.push("## Targets (issue 8)");
  out.push("");
  out.push(table(["target", "notes", "measured", "limit", "result"], targets.map((t) => [t.target, t.notes, t.measured, t.limit, t.verdict])));
  out.push("");
  const missed = targets.filter((t) => t.met === false);
  if (missed.length) {
    out.push("### Why, from the phases and the CPU profile");
    out.push("");
    for (const t of missed) out.push(`- ${whySection(t, results, derived)}`);
    out.push("");
  }
  if (results.errors.length) {
    out.push("## Failures");
    out.push("");
    for (const e of results.errors) out.push("```", e, "```");
    out.push("");
  }
  if (derived.length >= 2) {
    out.push("## Scaling");
    out.push("");
    const first = derived[0]!;
    out.push(
      table(
        ["", ...derived.map((d) => `${n(d.notes)} notes`), `${n(derived.at(-1)!.notes)} / ${n(first.notes)}`],
        [
          ["ours, total", ...derived.map((d) => seconds(d.ours?.wallMs ?? NaN)), ratio((derived.at(-1)!.ours?.wallMs ?? NaN) / (first.ours?.wallMs ?? NaN))],
          ["baseline, total", ...derived.map((d) => seconds(d.baseline?.wallMs ?? NaN)), ratio((derived.at(-1)!.baseline?.wallMs ?? NaN) / (first.baseline?.wallMs ?? NaN))],
          ["ours, Eleventy stage", ...derived.map((d) => seconds(d.phases?.eleventyStage ?? NaN)), ratio((derived.at(-1)!.phases?.eleventyStage ?? NaN) / (first.phases?.eleventyStage ?? NaN))],
          ["ours, search stage", ...derived.map((d) => seconds(d.phases?.search ?? NaN)), ratio((derived.at(-1)!.phases?.search ?? NaN) / (first.phases?.search ?? NaN))],
          ["`npm run check`", ...derived.map((d) => seconds(d.check?.wallMs ?? NaN)), ratio((derived.at(-1)!.check?.wallMs ?? NaN) / (first.check?.wallMs ?? NaN))],
          ["ours, peak RSS", ...derived.map((d) => megabytes(d.ours?.peakKb ?? NaN)), ratio((derived.at(-1)!.ours?.peakKb ?? NaN) / (first.ours?.peakKb ?? NaN))],
        ],
      ),
    );
    out.push("");
  }
  results.sizes.forEach((size, i) => {
    out.push(sizeSection(size, derived[i]!, options.runs));
    out.push("");
  });
  out.push("## Every run");
  out.push("");
  out.push("Wall time / peak RSS of the process tree; load = 1-minute load average when the run started.");
  for (const size of results.sizes) {
    out.push("", `${n(size.notes)} notes${size.elapsedMs ? ` (${seconds(size.elapsedMs)} for this size)` : ""}:`, "", runsSection(size));
  }
  out.push("");
  const profiles = results.sizes.map(profileSection).filter(Boolean);
  if (profiles.length) {
    out.push("## CPU profiles");
    out.push("");
    out.push(profiles.join("\n\n"));
    out.push("");
  }
  out.push("## Method");
  out.push("");
  out.push(
    [
      "- Each size gets a fresh vault from `bench/generate-vault.ts` in a temporary folder. A 20-note warm-up first fills tsx's cache (not measured).",
      "- Every command is a child process. Wall time from spawn to exit; peak memory = the highest sum of VmRSS over the process tree, sampled every 50 ms " +
        "from /proc (or the largest single process's VmHWM if higher); CPU time = user + sys of every process of the tree, from /proc and GNU time " +
        "(`/usr/bin/time`): the targets are judged on wall time, but CPU time suffers less from the other jobs on the machine.",
      "- Output folders are emptied before every command, so each build writes a fresh site.",
      "- Per run, the order is ours, baseline, check, then baseline, ours, check on the next run.",
      "- Baseline Eleventy: `node node_modules/@11ty/eleventy/cmd.cjs --config=bare.config.mjs --input=<vault> --output=<dir> --quiet`, run from an empty folder so " +
        "`.eleventy.ts` is never found. The configuration only sets the includes folder, where one minimal `layouts/post.njk` " +
        "(`<html lang=\"fr\">`, title, content) answers the `layout:` every generated note names; Markdown goes through Liquid first, as Eleventy does by default. " +
        "Then `node_modules/.bin/pagefind --site <dir>`.",
      "- Our stages come from the measured builds themselves: `buildGarden` (src/cli/build-garden.ts) announces its phases on a `node:diagnostics_channel`, " +
        "and `bench/phase-marks.mjs`, preloaded with `--import`, records them and prints them at exit. `npm run check` announces its own (scan, links) on " +
        "the same channel, so the scan and the link resolution are timed cold inside the measured checks.",
      "- The dev server: `npm start` (`node --import tsx node_modules/.bin/eleventy --config=.eleventy.ts --serve`) on a copy of the vault; after \"Watching\", a line is appended to one " +
        "note and the note's HTML file is polled every 10 ms until it holds the line.",
      "- The CPU profiles: one more build under `node --import tsx --cpu-prof` at the smallest size, and one more check at the largest, summarised by `bench/profile-summary.ts`. " +
        "Profiling the 10,000-note build too would cost over two minutes of the benchmark's ten.",
    ].join("\n"),
  );
  out.push("");
  const kept = previous.includes(KEEP_MARKER) ? previous.slice(previous.indexOf(KEEP_MARKER) + KEEP_MARKER.length).replace(/^\n+/, "") : "";
  out.push(KEEP_MARKER);
  out.push("");
  if (kept) out.push(kept.trimEnd(), "");
  return out.join("\n");
}
