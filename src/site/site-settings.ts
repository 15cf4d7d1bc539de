import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GardenError } from "../errors/garden-error.js";
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
  /** The public address of the site, without a trailing slash: canonical URLs, feed, sitemap. SITE_URL overrides it. */
  readonly url: string;
  /**
   * Where the notes are edited: "Modifier cette note" links to `<url>/edit/<branch>/<notesFolder>/<file>`. Without it
   * in site.json, a GitHub Actions build derives it from GITHUB_REPOSITORY; elsewhere there is no edit link.
   */
  readonly repository?: SiteRepository;
  /**
   * Folders of the notes published whole, for files linked from outside the notes; every other attachment is
   * published only when a published note uses it.
   */
  readonly alwaysPublishedFolders?: readonly string[];
}

export interface SiteRepository {
  readonly url: string;
  readonly branch: string;
  readonly notesFolder: string;
}

/** A site setting refused before anything is built: its message says which one and how to fix it. */
export class SiteSettingError extends GardenError {}

/** The path every URL of the site starts with: `/` for a site at the root of its domain, else `/<folder>/`. */
export type PathPrefix = "/" | `/${string}/`;

/**
 * _data/site.json, with what the environment sets for one build: SITE_URL (the address GitHub Pages gives the site)
 * replaces `url`; GITHUB_REPOSITORY stands for a missing `repository`. Throws a SiteSettingError on a SITE_URL that is
 * no absolute http(s) address.
 */
export function readSiteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const site = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data", "site.json"), "utf8")) as SiteSettings;
  const url = env["SITE_URL"] === undefined ? site.url : siteUrlSetting(env["SITE_URL"]);
  const repository = site.repository ?? repositoryOfGitHubActions(env);
  return { ...site, url, ...(repository ? { repository } : {}) };
}

function siteUrlSetting(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (url === undefined || !["http:", "https:"].includes(url.protocol) || url.search !== "" || url.hash !== "") {
    throw new SiteSettingError(
      `SITE_URL vaut « ${value} », qui n'est pas l'adresse complète d'un site : donnez-la avec http:// ou https://, sans ? ni #, par exemple SITE_URL=https://exemple.github.io/jardin/.`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** The repository a GitHub Actions run builds, when it runs in one: its notes are in notes/ of the branch built. */
function repositoryOfGitHubActions(env: NodeJS.ProcessEnv): SiteRepository | undefined {
  const name = env["GITHUB_REPOSITORY"]?.trim();
  if (!name || !/^[A-Za-z0-9-]+\/(?!\.\.?$)[\w.-]+$/.test(name)) return undefined;
  const server = (env["GITHUB_SERVER_URL"]?.trim() || "https://github.com").replace(/\/+$/, "");
  return { url: `${server}/${name}`, branch: env["GITHUB_REF_NAME"]?.trim() || "main", notesFolder: "notes" };
}

/** The path prefix of a site's address: `https://exemple.github.io/jardin` gives `/jardin/`. */
export function pathPrefixOf(siteUrl: string): PathPrefix {
  const pathname = new URL(siteUrl).pathname;
  return (pathname.endsWith("/") ? pathname : `${pathname}/`) as PathPrefix;
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
