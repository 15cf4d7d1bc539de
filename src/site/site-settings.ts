import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { folderSetting } from "../site-output/safe-folders.js";

/** The project folder: this file sits in src/eleventy-plugin/, two levels below it. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What the site says about itself, from _data/site.json. */
export interface SiteSettings {
  readonly name: string;
  readonly description: string;
  readonly contactEmail: string;
  /** The language of every page, as a BCP 47 tag: `<html lang>`, and the stemming of the search index. */
  readonly language: string;
  /** The public address of the site, without a trailing slash: canonical URLs, feed, sitemap. */
  readonly url: string;
  /** Where the notes are edited: "Modifier cette note" links to `<url>/edit/<branch>/<notesFolder>/<file>`. */
  readonly repository?: {
    readonly url: string;
    readonly branch: string;
    readonly notesFolder: string;
  };
  /**
   * Folders of the notes published whole, for files linked from outside the notes; every other attachment is
   * published only when a published note uses it.
   */
  readonly alwaysPublishedFolders?: readonly string[];
}

export function readSiteSettings(): SiteSettings {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data", "site.json"), "utf8")) as SiteSettings;
}

/**
 * The notes and output folders: NOTES_DIR and OUTPUT_DIR when set (another vault, a benchmark), else notes/ and
 * _site/. A variable set but blank throws an UnsafeFolderError.
 */
export function gardenFolders(env: NodeJS.ProcessEnv = process.env): { readonly notesDir: string; readonly outputDir: string } {
  return {
    notesDir: folderSetting(env["NOTES_DIR"], "NOTES_DIR", path.join(PROJECT_ROOT, "notes")),
    outputDir: folderSetting(env["OUTPUT_DIR"], "OUTPUT_DIR", path.join(PROJECT_ROOT, "_site")),
  };
}
