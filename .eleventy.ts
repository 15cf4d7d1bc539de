import path from "node:path";
import { gardenPlugin } from "./src/eleventy-plugin/garden-plugin.js";
import type { EleventyConfig } from "./src/eleventy-plugin/eleventy-config.js";
import { gardenFolders, PROJECT_ROOT, readSiteSettings } from "./src/site/site-settings.js";

const site = readSiteSettings();

export default function configure(eleventyConfig: EleventyConfig) {
  // NOTES_DIR and OUTPUT_DIR let the same configuration build any vault (benchmarks, other real vaults).
  const { notesDir, outputDir } = gardenFolders();
  gardenPlugin(eleventyConfig, site);
  return {
    dir: {
      input: path.relative(process.cwd(), notesDir) || ".",
      output: path.relative(process.cwd(), outputDir) || ".",
      includes: path.relative(notesDir, path.join(PROJECT_ROOT, "_includes")),
      data: path.relative(notesDir, path.join(PROJECT_ROOT, "_data")),
    },
    templateFormats: ["md", "njk"],
    // A "{{" typed in a note is text: notes are never run through a template engine.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
