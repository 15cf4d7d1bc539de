/**
 * Times the phases of our build in one process, with the same modules as the build command. run-bench.ts runs it
 * as a child and reads the marks it prints; the process tree's memory is sampled from outside.
 *
 *   tsx bench/phases.ts --mode build --notes <vault> --out <site>   the build of src/cli/build-garden.ts, with marks
 *   tsx bench/phases.ts --mode scan --notes <vault>                 vault scan and link resolution alone, cold
 *
 * The build is buildGarden itself (src/cli/build-garden.ts), which reports each of its phases.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildGarden } from "../src/cli/build-garden.js";
import { reportOf, type RenderReport } from "../src/cli/build-report.js";
import { reservedUrls } from "../src/eleventy-plugin/reserved-urls.js";
import { readSiteSettings } from "../src/eleventy-plugin/site-settings.js";
import { buildLinkGraph, type LinkGraph } from "../src/link-graph/link-graph.js";
import { readVault } from "../src/vault-scan/read-vault.js";

export const PHASES_PREFIX = "BENCH_PHASES ";

export interface PhaseMark {
  readonly name: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface PhasesReport {
  readonly mode: "build" | "scan";
  /** When this process started (epoch ms): marks minus this is startup and module loading. */
  readonly processStart: number;
  readonly marks: readonly PhaseMark[];
  readonly notes: number;
  readonly published: number;
  readonly links: number;
  readonly searchPages?: number;
}

const marks: PhaseMark[] = [];
const mark = (name: string) => marks.push({ name, at: performance.timeOrigin + performance.now() });


async function scan(notesDir: string): Promise<PhasesReport> {
  mark("start");
  const vault = await readVault(notesDir, { siteName: readSiteSettings().name });
  mark("scan.end");
  const graph = buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes) });
  mark("graph.end");
  return { mode: "scan", processStart: performance.timeOrigin, marks, ...counts(reportOf(graph)) };
}

async function build(notesDir: string, outputDir: string): Promise<PhasesReport> {
  mark("start");
  const result = await buildGarden(notesDir, outputDir, { onPhase: mark });
  mark("swap.end");
  return { mode: "build", processStart: performance.timeOrigin, marks, searchPages: result.searchPages, ...counts(result) };
}

function counts({ notes, published, links }: RenderReport): { notes: number; published: number; links: number } {
  return { notes, published, links };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mode: { type: "string" }, notes: { type: "string" }, out: { type: "string" } } });
  if (!values.notes || (values.mode !== "scan" && values.mode !== "build") || (values.mode === "build" && !values.out)) {
    throw new Error("usage: tsx bench/phases.ts --mode build --notes <vault> --out <site> | --mode scan --notes <vault>");
  }
  const notesDir = path.resolve(values.notes);
  const report = values.mode === "scan" ? await scan(notesDir) : await build(notesDir, path.resolve(values.out!));
  console.log(PHASES_PREFIX + JSON.stringify(report));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
