import { Worker } from "node:worker_threads";
import { GardenBuildError } from "../eleventy-plugin/garden-build-error.js";
import { PROJECT_ROOT, readSiteSettings } from "../site/site-settings.js";
import { SearchIndexError, SearchIndexWriter } from "../search-index/write-search-index.js";
import { checkOutputFolder } from "../site-output/safe-folders.js";
import { buildIntoFreshOutput } from "../site-output/swap-output.js";
import type { RenderReport } from "./build-report.js";
import { announce } from "./phase-channel.js";
import type { RenderFailure, RenderMessage, RenderRequest } from "./render-site.js";

export interface BuildResult extends RenderReport {
  readonly searchPages: number;
}

/**
 * The whole build: Eleventy renders the notes into a staging folder while Pagefind indexes the pages already
 * rendered, and only once the index is written does the staging folder replace the output folder. Any failure
 * leaves the previous site untouched. An output folder that would replace anything but a site is refused first.
 * `env` holds the settings of the build (SITE_URL…): the process's own unless a test builds another site.
 */
export async function buildGarden(notesDir: string, outputDir: string, env: NodeJS.ProcessEnv = process.env): Promise<BuildResult> {
  announce("build.start");
  await checkOutputFolder(notesDir, outputDir, PROJECT_ROOT);
  const result = await buildIntoFreshOutput(outputDir, async (stagingDir) => {
    const search = new SearchIndexWriter(stagingDir, readSiteSettings(env).language);
    try {
      const report = await renderInWorker(notesDir, stagingDir, search, env);
      announce("eleventy.end");
      const { pages: searchPages } = await search.write();
      announce("search.end");
      return { ...report, searchPages };
    } finally {
      await search.close();
    }
  });
  announce("build.end", { published: result.published, searchPages: result.searchPages });
  return result;
}

/** Runs render-site.ts in a worker thread, and resolves once the thread, and the memory Eleventy used, are gone. */
function renderInWorker(notesDir: string, stagingDir: string, search: SearchIndexWriter, env: NodeJS.ProcessEnv): Promise<RenderReport> {
  return new Promise((resolve, reject) => {
    const request: RenderRequest = { stagingDir };
    // .eleventy.ts learns the folders from the environment: the worker gets its own copy.
    const worker = new Worker(new URL("./render-worker.mjs", import.meta.url), { workerData: request, env: { ...env, NOTES_DIR: notesDir, OUTPUT_DIR: stagingDir } });
    let outcome: RenderReport | Error | undefined;
    worker.on("message", (message: RenderMessage) => {
      switch (message.kind) {
        case "phase":
          return announce(message.phase);
        case "search-order":
          return search.expect(message.files);
        case "search-part":
          return search.add(message.outputPath, message.html);
        case "done":
          outcome = message.report;
          break;
        case "failed":
          outcome = errorOf(message.failure);
      }
      void worker.terminate();
    });
    worker.on("error", (error) => (outcome ??= error));
    worker.on("exit", (code) => {
      if (outcome instanceof Error) reject(outcome);
      else if (outcome) resolve(outcome);
      else reject(new Error(`le rendu du site s'est arrêté sans résultat (code ${code})`));
    });
  });
}

function errorOf(failure: RenderFailure): Error {
  switch (failure.kind) {
    case "garden":
      return new GardenBuildError(failure.problems);
    case "search":
      return new SearchIndexError(failure.step, failure.errors);
    case "other":
      return new Error(failure.message);
  }
}
