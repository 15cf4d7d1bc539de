import { existsSync } from "node:fs";
import path from "node:path";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { writeSiteFiles } from "./file-writer.js";

/**
 * The previews (what a hovered or focused link to a note shows, fetched only then) are grouped in a few files by a
 * hash of the note's address, rather than one file per note: creating ten thousand small files takes seconds of a
 * slow disk's time. _includes/assets/previews.js computes the same hash to find a note's file.
 */
const PREVIEW_FOLDER = ["assets", "apercus"];
const PREVIEW_FILES = 256;

interface Preview {
  readonly titre: string;
  readonly resume: string;
}

/** The address of a page as a browser reads it from a link to it (`URL.pathname`): "/café/" is "/caf%C3%A9/". */
function pathnameOf(url: string): string {
  return new URL(url, "https://jardin.invalid").pathname;
}

/** The preview file of an address, "00" to "ff": FNV-1a over its UTF-16 code units, as previews.js computes it. */
export function previewFileOf(pathname: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pathname.length; i++) hash = Math.imul(hash ^ pathname.charCodeAt(i), 0x01000193);
  return `${((hash >>> 0) % PREVIEW_FILES).toString(16).padStart(2, "0")}.json`;
}

/**
 * Writes every published note's preview, in its file under /assets/apercus/, by address. `written` holds what this
 * process last wrote, by file: under `npm start`, a file that is the same and still on disk is not written again.
 */
export async function writePreviews(outputDir: string, graph: LinkGraph, written?: Map<string, string>): Promise<void> {
  const byFile = new Map<string, Record<string, Preview>>();
  for (const note of graph.published) {
    const pathname = pathnameOf(note.url);
    const file = previewFileOf(pathname);
    let previews = byFile.get(file);
    if (!previews) byFile.set(file, (previews = {}));
    previews[pathname] = { titre: note.title, resume: note.outline.summary };
  }
  const files: { target: string; text: string }[] = [];
  for (const [file, previews] of byFile) {
    const target = path.join(outputDir, ...PREVIEW_FOLDER, file);
    const text = `${JSON.stringify(previews)}\n`;
    if (written?.get(target) !== text || !existsSync(target)) files.push({ target, text });
  }
  await writeSiteFiles(files);
  for (const { target, text } of files) written?.set(target, text);
}
