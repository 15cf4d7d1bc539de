import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { TestProject } from "vitest/node";
import { buildGarden } from "../../src/cli/build-garden.js";
import { findBrowser, type BrowserChoice } from "./find-browser.js";
import { PREFIXED_SITE, RAW_INDEX_FOLDER, type BuiltSites } from "./sites.js";

declare module "vitest" {
  export interface ProvidedContext {
    browserSites: BuiltSites;
    browser: BrowserChoice;
  }
}

const FIXTURE_VAULT = fileURLToPath(new URL("../fixtures/browser-vault", import.meta.url));
const NOTES_DIR = fileURLToPath(new URL("../../notes", import.meta.url));

/**
 * Finds the browser, then builds the sites, once for every browser test file: the fixture vault, with a second
 * index made by plain Pagefind for comparison, notes/, and the fixture vault for an address under /jardin/. The
 * packaged browser is unpacked here, once, rather than by test files running side by side.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(path.join(os.tmpdir(), "garden-browser-"));
  const sites: BuiltSites = { fixture: path.join(work, "fixture-site"), notes: path.join(work, "notes-site"), prefixed: path.join(work, "prefixed-site") };
  try {
    project.provide("browser", await findBrowser(process.env, work));
    await buildGarden(FIXTURE_VAULT, sites.fixture);
    await buildGarden(NOTES_DIR, sites.notes);
    await buildGarden(FIXTURE_VAULT, sites.prefixed, { ...process.env, SITE_URL: PREFIXED_SITE.url });
    await writeRawIndex(sites.fixture);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  project.provide("browserSites", sites);
  return () => rm(work, { recursive: true, force: true });
}

/** The index Pagefind writes by itself from the built pages, with no French folding: the baseline of the recall. */
async function writeRawIndex(siteDir: string): Promise<void> {
  try {
    const created = await pagefind.createIndex({});
    failOn("création", created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: siteDir });
    failOn("lecture du site", added.errors);
    if (added.page_count === 0) throw new Error("Pagefind seul n'a indexé aucune page");
    failOn("écriture", (await index.writeFiles({ outputPath: path.join(siteDir, RAW_INDEX_FOLDER) })).errors);
  } finally {
    await pagefind.close();
  }
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Index « Pagefind seul » (${step}) : ${errors.join(" ; ")}`);
}
