import { describe, expect, it } from "vitest";
import type { Measurement } from "../../bench/measure.js";
import { targetsTable, type RunRecord, type SizeResult } from "../../bench/report.js";

const STATS = { notes: 1000, drafts: 0, wikilinks: 0, missingLinks: 0, images: 0, imageEmbeds: 0, bytes: 0 };

function measured(wallS: number, peakMb = 100, exitCode = 0): Measurement {
  const samples = Array.from({ length: wallS * 10 }, (_, i) => ({ at: 1000 * i + 1, rssKb: peakMb * 1000 }));
  return { label: "", exitCode, timedOut: false, wallMs: wallS * 1000, startedAt: 0, samples, peakKb: peakMb * 1000, stdout: "", stderr: "" };
}

/** Our build takes `ours` seconds, its Eleventy stage all of it but the last second, which is the search stage. */
function run(ours: number, eleventy: number, pagefind: number, check = 1): RunRecord {
  const marks = [
    { name: "eleventy.end", at: (ours - 1) * 1000 },
    { name: "search.end", at: ours * 1000 },
  ];
  return { ours: measured(ours), phases: { marks, counts: {} }, bareEleventy: measured(eleventy), barePagefind: measured(pagefind, 200), check: measured(check) };
}

const rowOf = (table: string, start: string) => table.split("\n").find((line) => line.startsWith(`| ${start} |`));

describe("targetsTable", () => {
  it("takes the median of the ratios run by run, not the ratio of the medians", () => {
    // Ratios 2.00, 1.20, 1.25: median 1.25, met; the medians alone (12 s against 10 s) would say 1.20.
    const size: SizeResult = { notes: 1000, stats: STATS, runs: [run(10, 4, 1), run(12, 8, 2), run(30, 20, 4)] };
    const table = targetsTable([size]);
    expect(rowOf(table, "Whole build, against bare Eleventy + the Pagefind CLI")).toBe("| Whole build, against bare Eleventy + the Pagefind CLI | 1,000 | ≤ 1.25× | 1.25× (12.00 s vs 10.00 s) | met |");
    // Eleventy stages 9, 11 and 29 s against 4, 8 and 20 s: ratios 2.25, 1.375, 1.45.
    expect(rowOf(table, "Eleventy stage, against bare Eleventy")).toBe("| Eleventy stage, against bare Eleventy | 1,000 | ≤ 1.25× | 1.45× (11.00 s vs 8.00 s) | **missed** |");
    expect(rowOf(table, "Search stage peak memory, against the Pagefind CLI")).toBe("| Search stage peak memory, against the Pagefind CLI | 1,000 | ≤ 1.00× | 0.50× (102 MB vs 205 MB) | met |");
    // The check's target is set at 10,000 notes: at 1,000 its result is only indicative.
    expect(rowOf(table, "`npm run check`")).toBe("| `npm run check` | 1,000 | < 1.50 s | 1.00 s | (met) |");
  });

  it("leaves out a run where one side failed, and says when nothing could be paired", () => {
    const failedRun = { ...run(1, 10, 10), ours: measured(1, 100, 1) };
    expect(rowOf(targetsTable([{ notes: 1000, stats: STATS, runs: [failedRun, run(10, 4, 1)] }]), "Whole build, against bare Eleventy + the Pagefind CLI")).toContain("| 2.00× (10.00 s vs 5.00 s) | **missed** |");
    expect(rowOf(targetsTable([{ notes: 1000, stats: STATS, runs: [failedRun] }]), "Search stage, against the Pagefind CLI")).toBe("| Search stage, against the Pagefind CLI | 1,000 | ≤ 1.00× | – | not measured |");
  });
});
