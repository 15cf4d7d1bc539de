import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export interface PagefindFragment {
  readonly url: string;
  /** The indexed text, as search excerpts are cut from it. */
  readonly content: string;
  readonly meta: Readonly<Record<string, string>>;
}

/** What Pagefind stored for each page of a site, by URL: its fragments are gzipped JSON after a "pagefind_dcd" marker. */
export async function pagefindFragments(site: string): Promise<PagefindFragment[]> {
  const dir = path.join(site, "pagefind", "fragment");
  const fragments = await Promise.all(
    (await readdir(dir)).map(async (file) => JSON.parse(gunzipSync(await readFile(path.join(dir, file))).toString("utf8").replace(/^pagefind_dcd/, "")) as PagefindFragment),
  );
  return fragments.sort((a, b) => (a.url < b.url ? -1 : 1));
}
