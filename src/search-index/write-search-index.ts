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
    for (const page of await htmlPages(siteDir)) {
      const html = await readFile(path.join(siteDir, page), "utf8");
      if (!html.includes("data-pagefind-body")) continue;
      check(`lecture de ${page}`, (await index.addHTMLFile({ url: urlOfPage(page), content: foldedForIndex(html) })).errors);
    }
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
  const { html: folded, changedWords } = foldHtmlForSearch(html);
  if (changedWords.length === 0) return folded;
  const meta = `<span hidden data-pagefind-meta="graphies:${changedWords.join(" ").replace(/"/g, "&quot;")}"></span>`;
  return folded.replace(/<body([^>]*)>/, `<body$1>${meta}`);
}

interface PagefindEntry {
  readonly languages: Readonly<Record<string, { readonly page_count: number }>>;
}
