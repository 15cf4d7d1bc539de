import path from "node:path";
import type { Note } from "../vault-scan/note.js";
import { isInside } from "../vault-scan/paths.js";
import type { EleventyConfig } from "./eleventy-config.js";

/**
 * Keeps Eleventy off the files of the notes folder, which is its input folder. Eleventy reads no note: the notes are
 * the pages of one template the garden adds (see garden-plugin.ts). Left alone, it would still run the folder's other
 * files: `.njk` templates, and `.11tydata.js` data files at build time.
 */
export function keepEleventyOffNotes(eleventyConfig: EleventyConfig): void {
  // The site's own pages are virtual templates, which these two settings leave alone.
  eleventyConfig.ignores.add("**/*.njk");
  eleventyConfig.setDataFileSuffixes([]);
}

/**
 * Keeps Eleventy's search of its input folder, the notes folder, to the entries the vault scan read. Eleventy still
 * searches it for templates of its own: it would follow a symbolic link (a folder linked to itself loops, one linked
 * to "/" walks the disk), open a named pipe, and apply the folder's `.eleventyignore`. Before each build it announces the list of globs it
 * ignores ("eleventy.ignores"), and searches with that very list after "eleventy.before": the function returned,
 * called there once the vault is scanned, takes out of it what ignores a part of the notes folder, and adds every
 * entry the scan did not read.
 */
export function readOnlyScannedFiles(eleventyConfig: EleventyConfig): (folders: { notesDir: string; outputDir: string }, unread: readonly string[]) => void {
  // The dev server's watcher too: following a link to "/" it would watch the whole disk, and never see an edit.
  eleventyConfig.setChokidarConfig({ followSymlinks: false });
  let ignores: string[] | undefined;
  eleventyConfig.on("eleventy.ignores", (announced: string[]) => {
    ignores = announced;
  });
  return ({ notesDir, outputDir }, unread) => {
    if (!ignores) throw new Error("garden: Eleventy did not announce the files it ignores");
    // "**/…" globs are Eleventy's and the garden's own (node_modules, templates), about no folder in particular.
    const kept = ignores.filter((glob) => glob.startsWith("**/") || !isInside(notesDir, path.resolve(glob)) || isInside(outputDir, path.resolve(glob)));
    const added = unread.flatMap((absolute) => {
      const glob = globOf(absolute);
      return [glob, `${glob}/**`];
    });
    ignores.splice(0, ignores.length, ...kept, ...added);
  };
}

/** A path as Eleventy writes its ignores: relative to the working directory, with "/", its glob characters escaped. */
function globOf(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute).split(path.sep).join("/").replace(/[\\*?[\]{}()!+@|]/g, "\\$&");
  return relative.startsWith("../") ? relative : `./${relative}`;
}

/** A Markdown file of the notes folder, by a path relative to the working directory or absolute. */
export function isNoteFile(notesDir: string, filePath: string): boolean {
  return /\.md$/i.test(filePath) && isInside(notesDir, path.resolve(filePath));
}

/** The front matter's `description`, which the page's meta shows when the note's text gives none. */
export function declaredDescription(note: Note | undefined): string | undefined {
  const description = note?.frontMatter["description"];
  return typeof description === "string" ? description : undefined;
}
