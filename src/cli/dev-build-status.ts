import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Eleventy from "@11ty/eleventy";
import { GardenBuildError } from "../eleventy-plugin/garden-build-error.js";
import type { EleventyConfig } from "../eleventy-plugin/eleventy-config.js";
import { GRAPH_EVENT } from "../eleventy-plugin/garden-plugin.js";
import { GardenError } from "../errors/garden-error.js";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { builtSiteCounts, formatProblem, plural, printable, shownFile, shownNotesDir } from "./problem-report.js";

/**
 * Written by `npm start` only, at the root of the served site, after each build: the message of the change that
 * could not be published, or null. The script of dev-assets/ polls it and shows the message; always there, it never
 * answers 404, which the browser would log at each poll. A built site never holds it.
 */
export const BUILD_STATUS_FILE = ".etat-construction.json";

/** The URL of the script that polls BUILD_STATUS_FILE, on every page that `npm start` serves. */
export const BUILD_STATUS_SCRIPT_URL = "/assets/etat-construction.js";
const BUILD_STATUS_SCRIPT = fileURLToPath(new URL("dev-assets/etat-construction.js", import.meta.url));

/**
 * How `npm start` reports each build: the garden's own errors in French as `npm run build` prints them, without a
 * stack trace in the terminal or the browser's console, a banner on the pages after a failed rebuild, and the count
 * of findings after each build that succeeded. `configure` runs in Eleventy's config callback, `attach` after init().
 */
export class DevBuildReports {
  private graph: LinkGraph | undefined;
  private serving = false;

  constructor(
    private readonly notesDir: string,
    private readonly outputDir: string,
  ) {}

  configure(eleventyConfig: EleventyConfig): void {
    eleventyConfig.on(GRAPH_EVENT, (built: LinkGraph) => (this.graph = built));
    eleventyConfig.addPassthroughCopy({ [BUILD_STATUS_SCRIPT]: BUILD_STATUS_SCRIPT_URL.slice(1) });
    eleventyConfig.addGlobalData("buildStatusScript", BUILD_STATUS_SCRIPT_URL);
  }

  attach(eleventy: Eleventy): void {
    const report = eleventy.errorHandler.once.bind(eleventy.errorHandler);
    eleventy.errorHandler.once = (type, error, message) => (gardenErrorIn(error) ? undefined : report(type, error, message));
    const sendError = eleventy.eleventyServe.sendError.bind(eleventy.eleventyServe);
    eleventy.eleventyServe.sendError = async (failure) => (gardenErrorIn(failure.error) ? undefined : sendError(failure));
    const write = eleventy.write.bind(eleventy);
    eleventy.write = async () => {
      try {
        const written = await write();
        await reportBuiltSite(this.graph!, this.outputDir);
        return written;
      } catch (error) {
        const gardenError = gardenErrorIn(error);
        if (gardenError) await reportFailedBuild(gardenError, this.notesDir, this.outputDir, this.serving);
        throw error;
      }
    };
  }

  /** Once the first build has succeeded: a failed build leaves the last site served. */
  startServing(): void {
    this.serving = true;
  }
}

/** The garden's own error in the chain Eleventy wraps a build's error in, if any. */
export function gardenErrorIn(error: unknown): GardenError | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 10; depth++) {
    if (at instanceof GardenError) return at;
    at = (at as { originalError?: unknown }).originalError ?? at.cause;
  }
  return undefined;
}

/**
 * Reports a build that failed on the garden's own error as `npm run build` does, without a stack trace; after a
 * rebuild, the pages show it too. The site served stays the last one built: a blocking finding stops the build
 * before it writes. The first build's failure stops `npm start`, which serves nothing then.
 */
async function reportFailedBuild(error: GardenError, notesDir: string, outputDir: string, rebuild: boolean): Promise<void> {
  const shownDir = shownNotesDir(notesDir);
  let banner: string;
  if (error instanceof GardenBuildError) {
    for (const problem of error.problems) console.error(formatProblem(problem, shownDir));
    const fix = error.problems.length === 1 ? "corrigez-la" : "corrigez-les";
    console.error(
      rebuild
        ? `La dernière modification n'a pas pu être publiée : ${plural(error.problems.length, "erreur")}, ${fix} puis enregistrez. Le site servi reste le précédent.`
        : `La construction s'est arrêtée sur ${plural(error.problems.length, "erreur")} : ${fix}, puis relancez « npm start ».`,
    );
    const [first] = error.problems;
    const others = error.problems.length - 1;
    banner = `${shownFile(first!, shownDir)}:${first!.line} : ${first!.message}${others > 0 ? ` (et ${plural(others, "autre erreur", "autres erreurs")})` : ""}`;
  } else {
    console.error(printable(error.message));
    banner = error.message;
  }
  if (rebuild) await writeStatus(outputDir, printable(banner));
}

/** After a build that succeeded: one line with the counts of findings, and the pages stop showing the last failure. */
async function reportBuiltSite(graph: LinkGraph, outputDir: string): Promise<void> {
  console.log(`Site à jour : ${builtSiteCounts(graph.problems)} ; lancez « npm run check » pour le détail.`);
  await writeStatus(outputDir, null);
}

function writeStatus(outputDir: string, message: string | null): Promise<void> {
  return writeFile(path.join(outputDir, BUILD_STATUS_FILE), JSON.stringify({ message }));
}
