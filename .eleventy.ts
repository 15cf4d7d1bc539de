import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gardenPlugin } from "./src/eleventy-plugin/garden-plugin.js";
import type { EleventyConfig } from "./src/eleventy-plugin/eleventy-config.js";
import type { SiteSettings } from "./src/eleventy-plugin/site-settings.js";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const site = JSON.parse(readFileSync(path.join(projectRoot, "_data", "site.json"), "utf8")) as SiteSettings;

export default function configure(eleventyConfig: EleventyConfig) {
  // NOTES_DIR and OUTPUT_DIR let the same configuration build any vault (benchmarks, other real vaults).
  const notesDir = path.resolve(process.env["NOTES_DIR"] ?? path.join(projectRoot, "notes"));
  const outputDir = path.resolve(process.env["OUTPUT_DIR"] ?? path.join(projectRoot, "_site"));
  gardenPlugin(eleventyConfig, site);
  return {
    dir: {
      input: path.relative(process.cwd(), notesDir) || ".",
      output: path.relative(process.cwd(), outputDir) || ".",
      includes: path.relative(notesDir, path.join(projectRoot, "_includes")),
      data: path.relative(notesDir, path.join(projectRoot, "_data")),
    },
    templateFormats: ["md", "njk"],
    // A "{{" typed in a note is text: notes are never run through a template engine.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
