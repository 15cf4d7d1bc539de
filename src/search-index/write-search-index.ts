import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

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
 * Only note bodies are indexed: the layout marks them with data-pagefind-body.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; languages: readonly string[] }> {
  const outputPath = path.join(siteDir, "pagefind");
  try {
    const created = await pagefind.createIndex({});
    check("création", created.errors);
    const index = created.index!;
    check("lecture des pages", (await index.addDirectory({ path: siteDir })).errors);
    check("écriture", (await index.writeFiles({ outputPath })).errors);
  } finally {
    await pagefind.close();
  }
  // Pagefind counts every HTML file it read; the entry file says how many pages each language index holds.
  const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as PagefindEntry;
  const languages = Object.entries(entry.languages);
  return { pages: languages.reduce((sum, [, l]) => sum + l.page_count, 0), languages: languages.map(([code]) => code) };
}

interface PagefindEntry {
  readonly languages: Readonly<Record<string, { readonly page_count: number }>>;
}
