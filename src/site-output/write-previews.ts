import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { pageFileOf } from "../vault-scan/paths.js";
import { forEachFile } from "./for-each-file.js";

/** Next to each note page, its preview: what a hovered or focused link shows, fetched only then. */
const PREVIEW_FILE = "apercu.json";

interface Preview {
  readonly titre: string;
  readonly resume: string;
}

/**
 * Writes every note's preview, into the folder of the note's page. `written` holds what this process last wrote, by
 * file: under `npm start`, a preview that is the same and still on disk is not written again.
 */
export async function writePreviews(outputDir: string, graph: LinkGraph, written?: Map<string, string>): Promise<void> {
  const pages = graph.published.filter((note) => note.url.endsWith("/"));
  await forEachFile(pages, async (note) => {
    const dir = path.dirname(pageFileOf(outputDir, note.url));
    const file = path.join(dir, PREVIEW_FILE);
    const preview: Preview = { titre: note.title, resume: note.outline.summary };
    const json = `${JSON.stringify(preview)}\n`;
    if (written?.get(file) === json && existsSync(file)) return;
    await mkdir(dir, { recursive: true });
    await writeFile(file, json);
    written?.set(file, json);
  });
}
