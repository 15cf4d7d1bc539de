import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { register } from "tsx/esm/api";
import { GRAPH_EVENT } from "../eleventy-plugin/garden-plugin.js";
import { PROJECT_ROOT } from "../eleventy-plugin/site-settings.js";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { writeSearchIndex, type WrittenPage } from "../search-index/write-search-index.js";
import { buildIntoFreshOutput } from "../site-output/swap-output.js";


// Eleventy imports .eleventy.ts itself, with Node's own loader: teach it TypeScript, whoever called us.
let typescriptLoader: (() => Promise<void>) | undefined;
function loadTypeScriptConfig(): void {
  typescriptLoader ??= register();
}

export interface BuildResult {
  readonly graph: LinkGraph;
  readonly searchPages: number;
}

/** The moments of a build, in order, for whoever times it (bench/phases.ts). */
export type BuildPhase = "eleventy.before" | "eleventy.graph" | "eleventy.after" | "eleventy.end" | "search.end";

export interface BuildOptions {
  readonly onPhase?: (phase: BuildPhase) => void;
}

/**
 * The whole build: Eleventy renders the notes into a staging folder, Pagefind indexes it, and only then does it
 * replace the output folder. Any failure leaves the previous site untouched.
 */
export async function buildGarden(notesDir: string, outputDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const phase = options.onPhase ?? (() => {});
  return buildIntoFreshOutput(outputDir, async (stagingDir) => {
    loadTypeScriptConfig();
    let graph: LinkGraph | undefined;
    let rendered: readonly WrittenPage[] = [];
    // The configuration file's folders win over the constructor's, so it is told them through its environment,
    // for the time Eleventy reads it; the caller's environment is then put back.
    const saved = { NOTES_DIR: process.env["NOTES_DIR"], OUTPUT_DIR: process.env["OUTPUT_DIR"] };
    process.env["NOTES_DIR"] = notesDir;
    process.env["OUTPUT_DIR"] = stagingDir;
    const eleventy = new Eleventy(undefined, undefined, {
      configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
      quietMode: true,
      // This callback runs before .eleventy.ts, so these listeners start before the garden plugin's.
      config(eleventyConfig) {
        eleventyConfig.on("eleventy.before", () => phase("eleventy.before"));
        eleventyConfig.on(GRAPH_EVENT, (built: LinkGraph) => {
          graph = built;
          phase("eleventy.graph");
        });
        eleventyConfig.on("eleventy.after", ({ results }) => {
          rendered = results ?? [];
          phase("eleventy.after");
        });
      },
    });
    eleventy.disableLogger();
    try {
      await eleventy.write();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    phase("eleventy.end");
    // The pages Eleventy just wrote are indexed from memory, not read back from disk.
    const { pages } = await writeSearchIndex(stagingDir, rendered);
    phase("search.end");
    return { graph: graph!, searchPages: pages };
  });
}
