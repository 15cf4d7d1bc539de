import path from "node:path";
import type { Note } from "../vault-scan/note.js";
import { isInside } from "../vault-scan/paths.js";
import type { EleventyConfig, FrontMatterEngine } from "./eleventy-config.js";

/**
 * Keeps Eleventy to what the vault scan read. Left alone, Eleventy acts on a note's front matter by itself (`layout`
 * read from any path, `templateEngineOverride` running Nunjucks, `pagination`, `eleventyComputed`, a `date` or
 * `tags` of the wrong type that stop the build, a "---js" block run as JavaScript), and on other files of the notes
 * folder: `.njk` templates, `.11tydata.js` data files run at build time. Here a note's front matter gives Eleventy
 * only the `description` the layout prints; notes are scanned, never configured.
 */
export function confineEleventyToNotes(eleventyConfig: EleventyConfig, notesDir: () => string, noteOfInput: (inputPath: string) => Note | undefined): void {
  const guard = (engine: FrontMatterEngine): FrontMatterEngine => (text, context) => {
    if (context.filePath !== undefined && isNoteFile(notesDir(), context.filePath)) return pageDataOf(noteOfInput(context.filePath));
    return typeof engine === "function" ? engine(text, context) : engine.parse(text, context);
  };
  // gray-matter picks the engine from the text after the opening "---": every language it knows is guarded.
  const engines: Record<string, FrontMatterEngine> = { json: (text: string) => JSON.parse(text) as unknown, ...eleventyConfig.frontMatterParsingOptions.engines };
  eleventyConfig.setFrontMatterParsingOptions({ engines: Object.fromEntries(Object.entries(engines).map(([language, engine]) => [language, guard(engine)])) });
  // The site's own pages are virtual templates, which these two settings leave alone.
  eleventyConfig.ignores.add("**/*.njk");
  eleventyConfig.setDataFileSuffixes([]);
}

/**
 * Makes Eleventy read the files the vault scan read, and no other. Eleventy searches its input folder itself: it
 * would follow a symbolic link (a note linked to `/dev/zero` stalls the build, a folder linked to itself loops),
 * read a named pipe, and apply the folder's `.eleventyignore`. Before each build it announces the list of globs it
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

/** The data of a note's page, as Eleventy merges it: nothing that changes how or where the page is built. */
function pageDataOf(note: Note | undefined): Record<string, unknown> {
  const description = note?.frontMatter["description"];
  return typeof description === "string" ? { description } : {};
}
