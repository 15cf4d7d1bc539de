import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LinkGraph } from "../link-graph/link-graph.js";

/** Next to each note page, its preview: what a hovered or focused link shows, fetched only then. */
const PREVIEW_FILE = "apercu.json";

interface Preview {
  readonly titre: string;
  readonly resume: string;
}

/**
 * Writes every note's preview, into the folder Eleventy wrote the note's page to. `written` holds what this process
 * last wrote, by file: under `npm start`, a preview that is the same and still on disk is not written again.
 * Synchronous writes: thousands of small files go several times faster than through the thread pool.
 */
export function writePreviews(outputDir: string, graph: LinkGraph, written?: Map<string, string>): void {
  for (const note of graph.published) {
    if (!note.url.endsWith("/")) continue;
    const dir = path.join(outputDir, ...note.url.split("/").filter(Boolean));
    const file = path.join(dir, PREVIEW_FILE);
    const preview: Preview = { titre: note.title, resume: note.outline.summary };
    const json = `${JSON.stringify(preview)}\n`;
    if (written?.get(file) === json && existsSync(file)) continue;
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, json);
    written?.set(file, json);
  }
}
