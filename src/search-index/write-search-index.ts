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
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  try {
    const created = await pagefind.createIndex({});
    check("création", created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: siteDir });
    check("lecture des pages", added.errors);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    check("écriture", written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
