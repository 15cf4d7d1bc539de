import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
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

/** A page of the built site, as the generator wrote it. */
export interface WrittenPage {
  /** Where it was written, or false for a page with no output file. */
  readonly outputPath: string | false;
  /** Text, or the bytes a template gave (Eleventy writes either). */
  readonly content: string | Uint8Array;
}

const PAGES_IN_FLIGHT = 8;

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(step, errors);
}

/** A page as Pagefind is to read it: its URL, and the part of its HTML that matters, folded for French. */
export interface SearchPage {
  readonly url: string;
  readonly html: string;
}

/**
 * The pages Eleventy wrote into the site that hold a note body (the layout marks it with data-pagefind-body), in a
 * fixed order, each cut to what is indexed and with its text folded for French (see french-folding.ts): the files on
 * disk stay as visitors read them.
 */
export function searchPagesOf(siteDir: string, rendered: readonly WrittenPage[]): SearchPage[] {
  return indexablePages(siteDir, rendered).map(({ page, html }) => ({ url: urlOfPage(page), html: foldedForIndex(html) }));
}

/** Writes the French full-text index of the site into `<siteDir>/pagefind/`, with Pagefind's UI files. */
export async function writeSearchIndex(siteDir: string, pages: readonly SearchPage[]): Promise<{ pages: number; languages: readonly string[] }> {
  const outputPath = path.join(siteDir, "pagefind");
  try {
    const created = await pagefind.createIndex({});
    check("création", created.errors);
    const index = created.index!;
    // Several pages are in flight at once, else each would wait for the last to be indexed. They are sent in a
    // fixed order all the same: Pagefind numbers pages as they arrive, and the index must be the same every build.
    const inFlight: Promise<void>[] = [];
    for (const { url, html } of pages) {
      const added = index.addHTMLFile({ url, content: html }).then((result) => check(`lecture de ${url}`, result.errors));
      // When one page fails, the others still in flight are rejected as Pagefind closes: handled here, so that the
      // build reports the first failure instead of dying on an unhandled rejection.
      added.catch(() => {});
      inFlight.push(added);
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    check("écriture", (await index.writeFiles({ outputPath })).errors);
  } finally {
    await pagefind.close();
  }
  // The entry file says how many pages each language index holds.
  const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as PagefindEntry;
  const languages = Object.entries(entry.languages);
  return { pages: languages.reduce((sum, [, l]) => sum + l.page_count, 0), languages: languages.map(([code]) => code) };
}

/** The HTML pages written into the site that hold a note body, by their path in it ("note/index.html"), in order. */
function indexablePages(siteDir: string, rendered: readonly WrittenPage[]): { page: string; html: string }[] {
  return rendered
    .flatMap(({ outputPath, content }) => {
      const html = typeof content === "string" ? content : new TextDecoder().decode(content);
      if (outputPath === false || !outputPath.endsWith(".html") || !html.includes("data-pagefind-body")) return [];
      const page = path.relative(siteDir, path.resolve(outputPath)).split(path.sep).join("/");
      if (page.startsWith("../") || path.isAbsolute(page)) throw new SearchIndexError("pages", [`${outputPath} est hors du site ${siteDir}`]);
      return [{ page, html }];
    })
    .sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
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
  // The last ones: a note may hold a raw "</main>", and the layout's own tags come after its text.
  const mainEnd = html.lastIndexOf("</main>");
  const graph = html.lastIndexOf('<figure class="graphe-local">', mainEnd);
  if (head < 0 || main < 0 || mainEnd < main) return html;
  const graphEnd = graph > main ? html.indexOf("</figure>", graph) : -1;
  const content = graphEnd < 0 ? html.slice(main, mainEnd) : html.slice(main, graph) + html.slice(graphEnd + "</figure>".length, mainEnd);
  return `${html.slice(0, head)}<body>${content}</main></body></html>`;
}

interface PagefindEntry {
  readonly languages: Readonly<Record<string, { readonly page_count: number }>>;
}
