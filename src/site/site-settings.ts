import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GardenError } from "../errors/garden-error.js";
import type { SiteUrl } from "../vault-scan/paths.js";
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
  /**
   * The public address of the site, without a trailing slash: canonical URLs, feed, sitemap. Its path is the path
   * prefix of every URL the site writes (`https://compte.github.io/jardin` builds for `/jardin/`). SITE_URL overrides it.
   */
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
 * replaces `url`; GITHUB_REPOSITORY stands for a missing `repository`. Throws a SiteSettingError on an address (SITE_URL,
 * or `url` without it) that is no absolute http(s) address.
 */
export function readSiteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const site = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data", "site.json"), "utf8")) as SiteSettings;
  const url = env["SITE_URL"] === undefined ? siteUrlSetting(site.url, SITE_JSON_URL) : siteUrlSetting(env["SITE_URL"], SITE_URL_VARIABLE);
  const repository = site.repository ?? repositoryOfGitHubActions(env);
  return { ...site, url, ...(repository ? { repository } : {}) };
}

interface AddressSetting {
  readonly name: string;
  readonly example: string;
}
const SITE_URL_VARIABLE: AddressSetting = { name: "SITE_URL", example: "SITE_URL=https://exemple.github.io/jardin/" };
const SITE_JSON_URL: AddressSetting = { name: "« url » dans _data/site.json", example: `"url": "https://exemple.github.io/jardin/"` };

/** An address of the site, without its trailing slash: its path is the path prefix of every URL of the site. */
function siteUrlSetting(value: string, setting: AddressSetting): string {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (url === undefined || !["http:", "https:"].includes(url.protocol) || url.search !== "" || url.hash !== "") {
    throw new SiteSettingError(
      `${setting.name} vaut « ${value} », qui n'est pas l'adresse complète d'un site : donnez-la avec http:// ou https://, sans ? ni #, par exemple ${setting.example}.`,
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
 * The full address of a URL of the site, under the site's address and so its path prefix, as a reader outside the
 * site sees it (canonical and OpenGraph URLs, feed, sitemap, robots.txt): "/ma-note/" of the site
 * `https://exemple.github.io/jardin` is `https://exemple.github.io/jardin/ma-note/`.
 */
export function publicUrlOf(siteUrl: string, url: SiteUrl): string {
  // "./" keeps a first segment with a colon ("/a:b/") a path, never a scheme.
  return new URL(`.${url}`, `${siteUrl}/`).href;
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
