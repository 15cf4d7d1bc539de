import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildLinkGraph, outgoingAt, type LinkGraph } from "../link-graph/link-graph.js";
import { publishedAttachmentUrl } from "../link-graph/attachments.js";
import { imageKey } from "../link-graph/address-links.js";
import type { Resolution } from "../link-graph/resolve-link.js";
import { copyAssets, copyFonts } from "../site-output/copy-assets.js";
import { writePreviews } from "../site-output/write-previews.js";
import { blocksBuild } from "../vault-scan/findings.js";
import type { Note } from "../vault-scan/note.js";
import { compareByFolderWalk, type SiteUrl, type VaultPath } from "../vault-scan/paths.js";
import { ParseCache } from "../vault-scan/parse-cache.js";
import { readVault } from "../vault-scan/read-vault.js";
import type { EleventyConfig } from "./eleventy-config.js";
import { bodyEnv, type GardenLinks } from "../markdown/garden-env.js";
import { declaredDescription, isNoteFile, keepEleventyOffNotes, readOnlyScannedFiles } from "./eleventy-input.js";
import { GardenBuildError } from "./garden-build-error.js";
import { globalGraph, graphPath } from "../views/graph-layout.js";
import { createMarkdownLibrary } from "../markdown/garden-markdown.js";
import { missingNotes, noteView, overviewGroups } from "../views/note-views.js";
import { gardenNavigation } from "../views/garden-navigation.js";
import { navigationHtml, withCurrentPage } from "../views/navigation-html.js";
import { splitAfterTitle } from "../views/title-split.js";
import type { NoteView } from "../views/views.js";
import { pathPrefixOf, publicUrlOf, type SiteSettings } from "../site/site-settings.js";
import { prefixRootUrls } from "../site/prefix-urls.js";
import { readLayoutIds } from "../site/layout-ids.js";
import { addSitePages } from "./site-pages.js";
import { addBrowsePages } from "./browse-pages.js";
import { reservedUrls } from "../site/pages.js";
import { pageFingerprint, UnchangedPages } from "./unchanged-pages.js";


/** Emitted after each scan, with the new LinkGraph: the build reads its report from it (src/cli/render-site.ts). */
export const GRAPH_EVENT = "garden.graph";

/** Emitted as each note page is rendered, with the part of it that search indexes (see the layout post.njk). */
export const SEARCH_PART_EVENT = "garden.searchPart";

export interface SearchPart {
  /** Where Eleventy writes the page, or false for a page with no output file. */
  readonly outputPath: string | false;
  readonly html: string;
}

const MISSING: Resolution = { kind: "missing" };

const SOURCE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The Eleventy side of the garden. Before every build, including each dev-server rebuild, it scans the vault
 * and resolves every link again, so backlinks on every page follow the latest edit.
 */
export function gardenPlugin(eleventyConfig: EleventyConfig, site: SiteSettings): void {
  let graph: LinkGraph | undefined;
  let publishedAssets: ReadonlySet<VaultPath> = new Set();
  /** Eleventy's input folder, learnt at each build: the same configuration builds any vault. */
  let notesDir = "";
  const layoutIds = readLayoutIds();

  function current(): LinkGraph {
    if (!graph) throw new Error("garden: link graph used before the vault was scanned");
    return graph;
  }

  // Both the note layout and the base layout ask for the view, as does the dev server's check for unchanged
  // pages: it is built once per note and build.
  const views = new WeakMap<Note, NoteView>();
  function viewOf(note: Note): NoteView {
    let view = views.get(note);
    if (!view) {
      view = noteView(current(), note, site);
      views.set(note, view);
    }
    return view;
  }

  const links: GardenLinks = {
    resolutionAt: (from, line, target) => {
      const resolution = outgoingAt(current().outgoing.get(from.file) ?? [], line, target)?.resolution;
      // A file the site does not publish is shown like a missing one, never linked to.
      return resolution?.kind === "asset" && !publishedAssets.has(resolution.file) ? MISSING : resolution;
    },
    imageMissingAt: (from, line, src) => current().missingImages.get(from.file)?.has(imageKey(line, src)) === true,
    attachmentUrl: (from, written) => publishedAttachmentUrl(current().index, publishedAssets, from, written),
  };
  const md = createMarkdownLibrary(links, new URL(site.url).hostname, layoutIds);

  // Under `npm start`, notes whose text did not change are not parsed again, nor pages and previews whose inputs
  // did not change written again.
  const parseCache = new ParseCache();
  const unchanged = new UnchangedPages();
  const previewsWritten = new Map<string, string>();
  let serving = false;
  let outputDir = "";
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    if (changed.some((file) => !isNoteFile(notesDir, file))) unchanged.forget();
  });

  /**
   * The attachments and previews of the current build, written while Eleventy renders the pages rather than after
   * (see src/site-output/file-writer.ts): they depend on the vault and the link graph alone.
   */
  let sideFiles: Promise<void> = Promise.resolve();
  const ignoreUnscanned = readOnlyScannedFiles(eleventyConfig);
  /** The left column, the same HTML on every page of a build but for the current page's mark. */
  let navigation = "";
  /** Its fingerprint, in every page's: a note retitled in the navigation renders every page again under `npm start`. */
  let navigationDigest = "";

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    // A failed build's writes may still be running: they end before this build's begin.
    await sideFiles.catch(() => undefined);
    notesDir = path.resolve(directories.input);
    outputDir = path.resolve(directories.output);
    serving = runMode !== "build";
    if (serving) unchanged.start();
    const vault = await readVault(notesDir, { siteName: site.name, siteUrl: site.url, layoutIds }, serving ? parseCache : undefined);
    ignoreUnscanned({ notesDir, outputDir }, vault.unread);
    const built = buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes), alwaysPublishedFolders: site.alwaysPublishedFolders ?? [] });
    graph = built;
    publishedAssets = new Set(built.publishedAssets);
    await eleventyConfig.emit(GRAPH_EVENT, built);
    const blocking = built.problems.filter(blocksBuild);
    if (blocking.length > 0) throw new GardenBuildError(blocking);
    // Laid out here rather than on first use in a template, where Eleventy would flag it as a slow global.
    globalGraph(built);
    navigation = navigationHtml(gardenNavigation(built));
    navigationDigest = createHash("sha1").update(navigation).digest("base64");
    // Previews last, in one chain: a preview wins over an attachment of the same name, and a failed write stops the rest.
    sideFiles = Promise.all([copyAssets(outputDir, built.publishedAssets, vault.assetSources, serving), copyFonts(outputDir, serving)]).then(() => writePreviews(outputDir, built, serving ? previewsWritten : undefined));
    // Its failure is the build's, reported when eleventy.after waits for it.
    sideFiles.catch(() => undefined);
  });
  eleventyConfig.on("eleventy.after", async () => {
    await sideFiles;
    if (serving) unchanged.succeeded();
  });

  // The settings as read for this build (SITE_URL, the run's repository): Eleventy's data cascade puts them above
  // _data/site.json, which the layouts would otherwise read as it is.
  eleventyConfig.addGlobalData("site", site);
  keepEleventyOffNotes(eleventyConfig);
  // The notes are the pages of one template, rendered from the text the scan read: Eleventy never reads a note, so
  // none can carry Eleventy data or template code. Under `npm start`, a page whose inputs did not change is left out.
  eleventyConfig.addGlobalData("gardenNotePages", () => {
    const pages = current().published.filter((note) => !(serving && unchanged.isUnchanged(note, pageFingerprint(current(), note, viewOf(note), navigationDigest), outputDir)));
    // In the order of their files, the order in which the build hands them to Pagefind (src/cli/render-site.ts).
    return pages.sort((a, b) => compareByFolderWalk(a.file, b.file));
  });
  eleventyConfig.addTemplate("garden-pages/note.njk", "{{ gardenNote | noteBody | safe }}", {
    layout: "layouts/post.njk",
    pagination: { data: "gardenNotePages", size: 1, alias: "gardenNote", addAllPagesToCollections: false },
    permalink: (data: { gardenNote: Note }) => data.gardenNote.url,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addFilter("noteBody", (note: Note) => md.render(note.outline.lines.join("\n"), bodyEnv(note)));
  eleventyConfig.addFilter("noteView", (note: Note | undefined) => (note ? viewOf(note) : undefined));
  eleventyConfig.addFilter("declaredDescription", declaredDescription);
  eleventyConfig.addFilter("graphPath", graphPath);
  eleventyConfig.addFilter("splitAfterTitle", splitAfterTitle);
  // Eleventy renders every page's layout before it writes any, so the build gets each note's indexed part here,
  // while the layouts of the others are still rendering, rather than from the written page.
  eleventyConfig.addFilter("searchPart", (html: string, outputPath: string | false) => {
    void eleventyConfig.emit(SEARCH_PART_EVENT, { outputPath, html } satisfies SearchPart);
    return html;
  });
  eleventyConfig.addFilter("nombre", (count: number) => count.toLocaleString("fr-FR"));
  eleventyConfig.addNunjucksGlobal("gardenOverviewGroups", () => overviewGroups(current()));
  eleventyConfig.addNunjucksGlobal("gardenMissingNotes", () => missingNotes(current()));
  eleventyConfig.addNunjucksGlobal("gardenNavigation", (url: string | false) => withCurrentPage(navigation, url));
  addSitePages(eleventyConfig, current);
  addBrowsePages(eleventyConfig, current);
  // Every URL the templates, the views and the Markdown write starts at "/", the root of the site. In each HTML page,
  // a transform then puts the path prefix before them (`/jardin/` for https://compte.github.io/jardin): links,
  // wikilinks, backlinks, the graphs, tags, breadcrumbs, attachments, embeds, stylesheets, scripts, the search form.
  // It runs only when the prefix is not "/". Outside HTML (feed, sitemap, robots.txt), templates use `publicUrl` or
  // Eleventy's `url` filter; scripts learn the prefix from `<html data-base>` (see _includes/assets/site-url.js).
  const pathPrefix = pathPrefixOf(site.url);
  if (pathPrefix !== "/") {
    eleventyConfig.addTransform("gardenPathPrefix", function (this: { page: { outputPath: string | false } }, content: string) {
      return typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html") ? prefixRootUrls(content, pathPrefix) : content;
    });
  }
  eleventyConfig.addFilter("publicUrl", (url: SiteUrl) => publicUrlOf(site.url, url));

  // Eleventy's watcher follows only .js imports: watch the TypeScript sources so edits rebuild too.
  eleventyConfig.addWatchTarget(SOURCE_DIR);
}
