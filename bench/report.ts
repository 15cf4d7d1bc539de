/**
 * The table of targets (issue 22) from the measurements of run-bench.ts, in Markdown. Each ratio is the median of
 * the ratios of our build to the baseline run by run, the two being run one after the other.
 */
import type { DevServerResult } from "./dev-server.js";
import type { GeneratedVaultStats } from "./generate-vault.js";
import { failed, peakBetween, type Measurement } from "./measure.js";
import { markOf, type PhasesReport } from "./phases-report.js";

export interface RunRecord {
  ours?: Measurement;
  /** The stages of `ours`, from bench/phase-marks.mjs. */
  phases?: PhasesReport;
  bareEleventy?: Measurement;
  barePagefind?: Measurement;
  /** Pages bare Eleventy wrote and the Pagefind CLI indexed. */
  barePages?: number;
  bareIndexed?: number;
  check?: Measurement;
}

export interface SizeResult {
  readonly notes: number;
  readonly stats: GeneratedVaultStats;
  readonly runs: RunRecord[];
  devServer?: DevServerResult;
}

/** Everything between these lines of RESULTS.md is rewritten by `npm run bench`; the rest is written by hand. */
export const BEGIN = "<!-- Written by `npm run bench`: the table below is replaced on each run. -->";
export const END = "<!-- End of the part written by `npm run bench`. -->";

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const n = (value: number) => value.toLocaleString("en-US");
export const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "–");
const megabytes = (kb: number) => (Number.isFinite(kb) && kb > 0 ? `${Math.round((kb * 1024) / 1e6)} MB` : "–");

interface Paired {
  readonly ours: number;
  readonly base: number;
}

/** What one run of our build and of the baseline give for each target; undefined when a side failed. */
function paired(run: RunRecord): Record<"whole" | "eleventy" | "search" | "searchMemory", Paired> | undefined {
  const { ours, phases, bareEleventy: eleventy, barePagefind: pagefind } = run;
  if (!ours || !phases || !eleventy || !pagefind || [ours, eleventy, pagefind].some((m) => failed(m))) return undefined;
  const eleventyEnd = markOf(phases, "eleventy.end") ?? NaN;
  const searchEnd = markOf(phases, "search.end") ?? NaN;
  return {
    whole: { ours: ours.wallMs, base: eleventy.wallMs + pagefind.wallMs },
    eleventy: { ours: eleventyEnd - ours.startedAt, base: eleventy.wallMs },
    search: { ours: searchEnd - eleventyEnd, base: pagefind.wallMs },
    searchMemory: { ours: peakBetween(ours, eleventyEnd, searchEnd), base: pagefind.peakKb },
  };
}

const TARGET_SIZES = [1000, 10000];

function row(target: string, notes: number, limit: string, measured: string, met: boolean | undefined, targetSize: boolean): string {
  const verdict = met === undefined ? "not measured" : met ? "met" : "**missed**";
  return `| ${target} | ${n(notes)} | ${limit} | ${measured} | ${targetSize || met === undefined ? verdict : `(${verdict.replaceAll("*", "")})`} |`;
}

export function targetsTable(sizes: readonly SizeResult[]): string {
  const rows = ["| target | notes | limit | measured (median) | result |", "| --- | --- | --- | --- | --- |"];
  const ratioTargets = [
    ["whole", "Whole build, against bare Eleventy + the Pagefind CLI", 1.25, seconds],
    ["eleventy", "Eleventy stage, against bare Eleventy", 1.25, seconds],
    ["search", "Search stage, against the Pagefind CLI", 1, seconds],
    ["searchMemory", "Search stage peak memory, against the Pagefind CLI", 1, megabytes],
  ] as const;
  for (const [key, target, limit, show] of ratioTargets) {
    for (const size of sizes) {
      const pairs = size.runs.map(paired).flatMap((p) => (p && Number.isFinite(p[key].ours / p[key].base) ? [p[key]] : []));
      const ratio = median(pairs.map((p) => p.ours / p.base));
      const measured = pairs.length ? `${ratio.toFixed(2)}× (${show(median(pairs.map((p) => p.ours)))} vs ${show(median(pairs.map((p) => p.base)))})` : "–";
      rows.push(row(target, size.notes, `≤ ${limit.toFixed(2)}×`, measured, pairs.length ? ratio <= limit : undefined, TARGET_SIZES.includes(size.notes)));
    }
  }
  const largest = sizes.at(-1);
  if (largest) {
    const wall = median(largest.runs.flatMap((r) => (r.check && !failed(r.check, [0, 1]) ? [r.check.wallMs] : [])));
    rows.push(row("`npm run check`", largest.notes, "< 1.50 s", seconds(wall), Number.isFinite(wall) ? wall < 1500 : undefined, largest.notes === 10000));
  }
  const dev = sizes.find((s) => s.devServer);
  if (dev?.devServer) {
    const rebuilt = median(dev.devServer.rebuildDoneMs);
    const measured = `${seconds(rebuilt)} to the end of the rebuild (page on disk after ${seconds(median(dev.devServer.pageUpdatedMs))})`;
    rows.push(row("An edited note rebuilt under `npm start`", dev.notes, "< 2.00 s", measured, rebuilt < 2000, dev.notes === 1000));
  }
  return rows.join("\n");
}

/** The part of RESULTS.md the benchmark writes: when and how it ran, the table, what it built, what failed. */
export function resultsBlock(sizes: readonly SizeResult[], context: { command: string; machine: string; errors: readonly string[] }): string {
  const lines = [BEGIN, "", `\`${context.command}\`, ${context.machine}.`, "", targetsTable(sizes), ""];
  if (sizes.some((s) => !TARGET_SIZES.includes(s.notes))) lines.push("A result in parentheses was measured at a size the target is not set for.", "");
  for (const size of sizes) {
    const last = size.runs.findLast((r) => r.phases && r.barePages !== undefined);
    const s = size.stats;
    lines.push(
      `- ${n(size.notes)} notes (${n(s.drafts)} ${s.drafts === 1 ? "draft" : "drafts"}), ${n(s.wikilinks)} wikilinks (${n(s.missingLinks)} to missing notes), ${n(s.images)} images, ${(s.bytes / 1e6).toFixed(1)} MB. ` +
        `Our build published ${last?.phases?.counts["published"] ?? "?"} notes and indexed ${last?.phases?.counts["searchPages"] ?? "?"} pages; ` +
        `bare Eleventy wrote ${last?.barePages ?? "?"} pages and the Pagefind CLI indexed ${last?.bareIndexed ?? "?"}.`,
    );
  }
  if (context.errors.length) lines.push("", "Failures:", "", ...context.errors.flatMap((e) => ["```", e, "```"]));
  return [...lines, "", END].join("\n");
}

/** RESULTS.md with its written-by-the-benchmark part replaced, or that part alone when the file has none. */
export function replaceBlock(previous: string, block: string): string {
  const begin = previous.indexOf(BEGIN);
  const end = previous.indexOf(END);
  return begin === -1 || end < begin ? `${block}\n` : previous.slice(0, begin) + block + previous.slice(end + END.length);
}
