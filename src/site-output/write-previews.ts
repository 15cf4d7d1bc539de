import { existsSync } from "node:fs";
import path from "node:path";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { pageFileOf } from "../vault-scan/paths.js";
import { writeSiteFiles } from "./file-writer.js";

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
  const files: { target: string; text: string }[] = [];
  for (const note of graph.published) {
    if (!note.url.endsWith("/")) continue;
    const target = path.join(path.dirname(pageFileOf(outputDir, note.url)), PREVIEW_FILE);
    const preview: Preview = { titre: note.title, resume: note.outline.summary };
    const text = `${JSON.stringify(preview)}\n`;
    if (written?.get(target) !== text || !existsSync(target)) files.push({ target, text });
  }
  await writeSiteFiles(files);
  for (const { target, text } of files) written?.set(target, text);
}
