import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { PagefindIndex } from "pagefind";
import { foldHtmlForSearch } from "./french-folding.js";

/** Pagefind reports failures in an `errors` array instead of throwing; this turns them into one French error. */
export class SearchIndexError extends Error {
  constructor(
    readonly step: string,
    readonly errors: readonly string[],
  ) {
    super(`L'index de recherche n'a pas pu être écrit (${step}) : ${errors.join(" ; ")}`);
    this.name = "SearchIndexError";
  }
}

/** Pages read and sent to Pagefind ahead of those it has indexed: more than one, else each would wait for the last. */
const PAGES_IN_FLIGHT = 8;

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(step, errors);
}

/**
 * Writes the French full-text index of the written pages `files` into `<siteDir>/pagefind/`, with Pagefind's UI
 * files, and says how many pages it holds. Pagefind reads what each page marks `data-pagefind-body` (a note's
 * text), without what is marked `data-pagefind-ignore` in it.
 *
 * Pagefind numbers pages in the order it gets them, and the index must be the same every build: the pages go to it
 * in the order of `files`. Their text is folded for French on the way (see french-folding.ts): the files on disk
 * stay as visitors read them.
 */
export async function writeSearchIndex(siteDir: string, files: readonly string[]): Promise<{ pages: number; languages: readonly string[] }> {
  try {
    const created = await pagefind.createIndex({});
    check("création", created.errors);
    const index = created.index!;
    await addPagesInOrder(index, siteDir, files);
    const outputPath = path.join(siteDir, "pagefind");
    check("écriture", (await index.writeFiles({ outputPath })).errors);
    // The entry file says how many pages each language index holds.
    const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as PagefindEntry;
    const languages = Object.entries(entry.languages);
    return { pages: languages.reduce((sum, [, l]) => sum + l.page_count, 0), languages: languages.map(([code]) => code) };
  } finally {
    await pagefind.close();
  }
}

/** Sends the pages one after the other, the next read and folded while Pagefind indexes the few before it. */
async function addPagesInOrder(index: PagefindIndex, siteDir: string, files: readonly string[]): Promise<void> {
  const inFlight: Promise<void>[] = [];
  for (const file of files) {
    const page = pageInSite(siteDir, file);
    if (page === undefined) throw new SearchIndexError("pages", [`${file} est hors du site ${siteDir}`]);
    const url = urlOfPage(page);
    const content = pageToIndex(await readFile(file, "utf8"));
    const adding = index.addHTMLFile({ url, content }).then((result) => check(`lecture de ${url}`, result.errors));
    // Its failure is reported when its turn to be awaited comes, below or in Promise.all.
    adding.catch(() => undefined);
    inFlight.push(adding);
    if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

/** A written page as Pagefind is to read it: its text folded for French, plus the words folding changed, for the result excerpts. */
function pageToIndex(page: string): string {
  const { html, changedWords } = foldHtmlForSearch(page);
  if (changedWords.length === 0) return html;
  const meta = `<span hidden data-pagefind-meta="graphies:${changedWords.join(" ").replace(/"/g, "&quot;")}"></span>`;
  // Metadata counts wherever it is on the page; the page's own <body> tag comes before any text of a note.
  return html.replace(/<body\b[^>]*>/, (body) => body + meta);
}

/** Where a file of the site lives in it ("note/index.html"), or undefined if outside. */
function pageInSite(siteDir: string, file: string): string | undefined {
  const page = path.relative(siteDir, path.resolve(file)).split(path.sep).join("/");
  return page.startsWith("../") || path.isAbsolute(page) ? undefined : page;
}

function urlOfPage(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, "$1").split("/").map(encodeURIComponent).join("/")}`;
}

interface PagefindEntry {
  readonly languages: Readonly<Record<string, { readonly page_count: number }>>;
}
