import path from "node:path";
import { gardenPlugin } from "./src/eleventy-plugin/garden-plugin.js";
import type { EleventyConfig } from "./src/eleventy-plugin/eleventy-config.js";
import { gardenFolders, pathPrefixOf, PROJECT_ROOT, readSiteSettings } from "./src/site/site-settings.js";

const site = readSiteSettings();

export default function configure(eleventyConfig: EleventyConfig) {
  // NOTES_DIR and OUTPUT_DIR let the same configuration build any vault (benchmarks, other real vaults).
  const { notesDir, outputDir } = gardenFolders();
  eleventyConfig.addPlugin(gardenPlugin, site);
  // Eleventy watches its templates; the notes are none, so under `npm start` it is told to watch them.
  eleventyConfig.addWatchTarget(path.join(path.relative(process.cwd(), notesDir) || ".", "**/*.md"));
  return {
    dir: {
      input: path.relative(process.cwd(), notesDir) || ".",
      output: path.relative(process.cwd(), outputDir) || ".",
      includes: path.relative(notesDir, path.join(PROJECT_ROOT, "_includes")),
      data: path.relative(notesDir, path.join(PROJECT_ROOT, "_data")),
    },
    // Only the site's own templates, which are virtual: the notes are pages of one of them, never templates.
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    // The path of the site's address: the `url` filter puts it before a root-relative URL (the garden plugin puts it
    // in every page), and `npm start` serves the site under it, as GitHub Pages does.
    pathPrefix: pathPrefixOf(site.url),
  };
}
