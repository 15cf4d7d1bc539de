import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { PagefindIndex } from "pagefind";
import { GardenError } from "../errors/garden-error.js";
import { foldHtmlForSearch } from "./french-folding.js";
import { InOrder } from "./in-order.js";
import { IndexedWords, INDEXED_WORDS_FILE } from "./indexed-words.js";

/** Pagefind reports failures in an `errors` array instead of throwing; this turns them into one French error. */
export class SearchIndexError extends GardenError {
  constructor(
    readonly step: string,
    readonly errors: readonly string[],
  ) {
    super(`L'index de recherche n'a pas pu être écrit (${step}) : ${errors.join(" ; ")}`);
  }
}

/** A page of the site to index: its path in the site ("note/index.html") and the HTML Pagefind is to read. */
interface SearchPage {
  readonly page: string;
  readonly html: string;
}

/** Pages sent to Pagefind and not yet indexed: more than one, else each would wait for the last. */
const PAGES_IN_FLIGHT = 8;

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(step, errors);
}

/** Where a file of the site lives in it, as the writer names pages ("note/index.html"), or undefined if outside. */
function pageInSite(siteDir: string, file: string): string | undefined {
  const page = path.relative(siteDir, path.resolve(file)).split(path.sep).join("/");
  return page.startsWith("../") || path.isAbsolute(page) ? undefined : page;
}

/**
 * Feeds Pagefind the note pages of a build while Eleventy renders the others, then writes the French full-text
 * index into `<siteDir>/pagefind/`, with Pagefind's UI files. Each page comes as the part of it the layout marks
 * for search (the note's article): the head, header, backlinks and footer hold nothing indexed, and Pagefind's time
 * grows with what it reads. In the article, Pagefind reads the note's text (`data-pagefind-body`) without what is
 * marked `data-pagefind-ignore` there (the local graph, the hints for screen readers).
 *
 * Pagefind numbers pages as they arrive, and the index must be the same every build, while Eleventy's order of
 * pages is not: the pages go to Pagefind in the order given to `expect`, each as soon as those before it are in
 * (see in-order.ts). Their text is folded for French on the way (see french-folding.ts): the files on disk stay
 * as visitors read them. The words Pagefind reads are also listed in `pagefind/mots.json` (see indexed-words.ts).
 */
export class SearchIndexWriter {
  readonly #siteDir: string;
  readonly #language: string;
  readonly #index: Promise<PagefindIndex>;
  readonly #words = new IndexedWords();
  #order: InOrder<SearchPage> | undefined;
  /** Pages whose turn has come, not yet sent. */
  readonly #ready: SearchPage[] = [];
  #inFlight = 0;
  #failure: unknown;
  #idle: (() => void) | undefined;

  /** Starts Pagefind's service right away: it is ready by the time the first page comes. */
  constructor(siteDir: string, language: string) {
    this.#siteDir = siteDir;
    this.#language = language;
    this.#index = pagefind.createIndex({}).then((created) => {
      check("création", created.errors);
      return created.index!;
    });
    // A failure here is the build's, reported by write(); a build that fails earlier never awaits it.
    this.#index.catch((error: unknown) => (this.#failure ??= error));
  }

  /** The files of the pages to index, in the order Pagefind must get them; pages outside the list come after them all. */
  expect(files: readonly string[]): void {
    const pages = files.flatMap((file) => pageInSite(this.#siteDir, file) ?? []);
    this.#order = new InOrder(pages, (page) => {
      this.#ready.push(page);
      this.#pump();
    });
  }

  /** A note page's indexed part, as the layout rendered it, and where the page is written. */
  add(outputPath: string | false, html: string): void {
    if (!this.#order) throw new Error("SearchIndexWriter: expect() must come before add()");
    if (outputPath === false || this.#failure !== undefined) return;
    const page = pageInSite(this.#siteDir, outputPath);
    // Reported by write(): add() runs as pages come, where a throw would end the process.
    if (page === undefined) this.#failure = new SearchIndexError("pages", [`${outputPath} est hors du site ${this.#siteDir}`]);
    else this.#order.arrive(page, { page, html });
  }

  /** Once every page is added: indexes those still waiting, writes the index and says how many pages it holds. */
  async write(): Promise<{ pages: number; languages: readonly string[] }> {
    this.#order?.finish();
    if (!this.#isIdle()) await new Promise<void>((resolve) => (this.#idle = resolve));
    if (this.#failure !== undefined) throw this.#failure;
    const outputPath = path.join(this.#siteDir, "pagefind");
    check("écriture", (await (await this.#index).writeFiles({ outputPath })).errors);
    await writeFile(path.join(outputPath, INDEXED_WORDS_FILE), this.#words.json());
    // The entry file says how many pages each language index holds.
    const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as PagefindEntry;
    const languages = Object.entries(entry.languages);
    return { pages: languages.reduce((sum, [, l]) => sum + l.page_count, 0), languages: languages.map(([code]) => code) };
  }

  /** Stops Pagefind's service, whether the build succeeded or not. */
  async close(): Promise<void> {
    await pagefind.close();
  }

  /** Sends the pages whose turn has come, a few at a time; they reach Pagefind in the order they are sent. */
  #pump(): void {
    while (this.#inFlight < PAGES_IN_FLIGHT && this.#ready.length > 0 && this.#failure === undefined) {
      const { page, html } = this.#ready.shift()!;
      this.#inFlight++;
      const url = urlOfPage(page);
      void this.#index
        .then((index) => index.addHTMLFile({ url, content: this.#pageToIndex(html) }))
        .then((result) => check(`lecture de ${url}`, result.errors))
        .catch((error: unknown) => (this.#failure ??= error))
        .finally(() => {
          this.#inFlight--;
          this.#pump();
        });
    }
    if (this.#isIdle()) this.#idle?.();
  }

  /**
   * A page of its own around the note's part, as Pagefind is to read it: the language, the text folded for French,
   * plus the words folding changed, for the result excerpts.
   */
  #pageToIndex(part: string): string {
    this.#words.add(part);
    const { html, changedWords } = foldHtmlForSearch(part);
    const meta = changedWords.length === 0 ? "" : `<span hidden data-pagefind-meta="graphies:${changedWords.join(" ").replace(/"/g, "&quot;")}"></span>`;
    return `<!doctype html><html lang="${this.#language}"><body>${meta}<main>${html}</main></body></html>`;
  }

  /** Nothing in flight, and nothing more to send: every page is in, or a page failed. */
  #isIdle(): boolean {
    return this.#inFlight === 0 && (this.#ready.length === 0 || this.#failure !== undefined);
  }
}

function urlOfPage(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, "$1").split("/").map(encodeURIComponent).join("/")}`;
}

interface PagefindEntry {
  readonly languages: Readonly<Record<string, { readonly page_count: number }>>;
}
