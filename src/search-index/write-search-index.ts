import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { foldHtmlForSearch } from "./french-folding.js";

/** Pagefind reports failures in an `errors` array instead of throwing; this turns them into one French error. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`L'index de recherche n'a pas pu être écrit (${step}) : ${errors.join(" ; ")}`);
    this.name = "SearchIndexError";
  }
}

const PAGES_IN_FLIGHT = 8;

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(step, errors);
}

/**
 * Writes the French full-text index of the built site into `<siteDir>/pagefind/`, with Pagefind's UI files.
 * Only note bodies are indexed: the layout marks them with data-pagefind-body. Pages are fed through the Node API
 * with their text folded for French (see french-folding.ts), so the files on disk stay as visitors read them.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; languages: readonly string[] }> {
  const outputPath = path.join(siteDir, "pagefind");
  try {
    const created = await pagefind.createIndex({});
    check("création", created.errors);
    const index = created.index!;
    // Several pages are in flight at once, else each would wait for the last to be indexed. They are sent in a
    // fixed order all the same: Pagefind numbers pages as they arrive, and the index must be the same every build.
    const inFlight: Promise<void>[] = [];
    for (const page of await htmlPages(siteDir)) {
      const html = await readFile(path.join(siteDir, page), "utf8");
      if (!html.includes("data-pagefind-body")) continue;
      inFlight.push(index.addHTMLFile({ url: urlOfPage(page), content: foldedForIndex(html) }).then((added) => check(`lecture de ${page}`, added.errors)));
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    check("écriture", (await index.writeFiles({ outputPath })).errors);
  } finally {
    await pagefind.close();
  }
  // Pagefind counts every HTML file it read; the entry file says how many pages each language index holds.
  const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as PagefindEntry;
  const languages = Object.entries(entry.languages);
  return { pages: languages.reduce((sum, [, l]) => sum + l.page_count, 0), languages: languages.map(([code]) => code) };
}

/** Every HTML page of the built site, in a stable order, as paths relative to it ("note/index.html"). */
async function htmlPages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((page) => !page.startsWith("pagefind/"))
    .sort();
}

function urlOfPage(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, "$1").split("/").map(encodeURIComponent).join("/")}`;
}

/** The page as Pagefind should read it: folded text, plus the words folding changed, for the result excerpts. */
function foldedForIndex(html: string): string {
  const { html: folded, changedWords } = foldHtmlForSearch(indexedPart(html));
  if (changedWords.length === 0) return folded;
  const meta = `<span hidden data-pagefind-meta="graphies:${changedWords.join(" ").replace(/"/g, "&quot;")}"></span>`;
  return folded.replace("<body>", `<body>${meta}`);
}

/**
 * The page as far as Pagefind needs it: the opening `<html lang>`, and the main content without its graph drawing.
 * The head, header, backlinks, footer and graph hold nothing indexed but are three quarters of a note page, and
 * Pagefind's time grows with what it is sent.
 */
function indexedPart(html: string): string {
  const head = html.indexOf("<head");
  const main = html.indexOf("<main");
  const mainEnd = html.indexOf("</main>");
  if (head < 0 || main < 0 || mainEnd < main) return html;
  const content = html.slice(main, mainEnd + "</main>".length).replace(/<figure class="graphe-local">[\s\S]*?<\/figure>/, "");
  return `${html.slice(0, head)}<body>${content}</body></html>`;
}

interface PagefindEntry {
  readonly languages: Readonly<Record<string, { readonly page_count: number }>>;
}
