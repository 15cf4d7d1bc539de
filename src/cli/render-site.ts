/**
 * The Eleventy half of the build, run in a worker thread by build-garden.ts: it renders the notes into the staging
 * folder, hands each note's indexed part to the main thread as soon as it is rendered, so that Pagefind indexes it
 * while Eleventy renders the others, and ends with the report. When the worker ends, Eleventy's memory (most of the
 * build's) goes with it, before Pagefind builds its index.
 */
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { GardenBuildError } from "../eleventy-plugin/garden-build-error.js";
import { GRAPH_EVENT, SEARCH_PART_EVENT, type SearchPart } from "../eleventy-plugin/garden-plugin.js";
import { PROJECT_ROOT } from "../site/site-settings.js";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { SearchIndexError } from "../search-index/write-search-index.js";
import { compareByFolderWalk, pageFileOf } from "../vault-scan/paths.js";
import type { Problem } from "../vault-scan/problem.js";
import { reportOf, type RenderReport } from "./build-report.js";
import type { BuildPhase } from "./phase-channel.js";

/** The worker's data; the notes and staging folders also reach .eleventy.ts as NOTES_DIR and OUTPUT_DIR. */
export interface RenderRequest {
  readonly stagingDir: string;
}

/** Why the rendering failed, in a form that crosses threads; build-garden.ts throws the matching error again. */
export type RenderFailure =
  | { readonly kind: "garden"; readonly problems: readonly Problem[] }
  | { readonly kind: "search"; readonly step: string; readonly errors: readonly string[] }
  | { readonly kind: "other"; readonly message: string };

export type RenderMessage =
  | { readonly kind: "phase"; readonly phase: BuildPhase }
  /** The pages to index, once the notes are known: the files of the published notes' pages. */
  | { readonly kind: "search-order"; readonly files: readonly string[] }
  | ({ readonly kind: "search-part" } & SearchPart)
  | { readonly kind: "done"; readonly report: RenderReport }
  | { readonly kind: "failed"; readonly failure: RenderFailure };

/** Renders the site with Eleventy. */
async function renderSite(post: (message: RenderMessage) => void): Promise<RenderReport> {
  const { stagingDir } = workerData as RenderRequest;
  let graph: LinkGraph | undefined;
  const eleventy = new Eleventy(undefined, undefined, {
    configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
    quietMode: true,
    // This callback runs before .eleventy.ts, so these listeners start before the garden plugin's.
    config(eleventyConfig) {
      // Eleventy made its "Configuration" timings before quiet mode applied: they would print English "[11ty]
      // Benchmark" lines about our filters on large gardens, a message for developers, not for editors.
      eleventyConfig.benchmarks.config.setIsVerbose(false);
      eleventyConfig.on("eleventy.before", () => post({ kind: "phase", phase: "eleventy.before" }));
      eleventyConfig.on(GRAPH_EVENT, (built: LinkGraph) => {
        graph = built;
        post({ kind: "phase", phase: "eleventy.graph" });
        // Eleventy renders the notes roughly in the order of their template's pages, the order their folder is walked in
        // (see garden-plugin.ts): Pagefind, which must get them in a fixed order, gets each one as soon as it is rendered.
        const notes = [...built.published].sort((a, b) => compareByFolderWalk(a.file, b.file));
        post({ kind: "search-order", files: notes.map((note) => pageFileOf(stagingDir, note.url)) });
      });
      eleventyConfig.on(SEARCH_PART_EVENT, ({ outputPath, html }: SearchPart) => post({ kind: "search-part", outputPath, html }));
      eleventyConfig.on("eleventy.after", () => post({ kind: "phase", phase: "eleventy.after" }));
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  return reportOf(graph!);
}

/** An error and those it wraps, outermost first: Eleventy wraps template errors several times. */
function* errorChain(error: unknown): Generator<{ message?: string }> {
  let current = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined;
  while (current && typeof current === "object") {
    yield current;
    current = (current.originalError ?? current.cause) as typeof current;
  }
}

function failureOf(error: unknown): RenderFailure {
  let message = String(error);
  for (const link of errorChain(error)) {
    if (link instanceof GardenBuildError) return { kind: "garden", problems: link.problems };
    if (link instanceof SearchIndexError) return { kind: "search", step: link.step, errors: link.errors };
    // The deepest message, without its stack.
    if (link.message) message = link.message;
  }
  return { kind: "other", message };
}

if (parentPort) {
  const port = parentPort;
  const post = (message: RenderMessage) => port.postMessage(message);
  try {
    post({ kind: "done", report: await renderSite(post) });
  } catch (error) {
    post({ kind: "failed", failure: failureOf(error) });
  }
}
