import path from "node:path";
import { PROJECT_ROOT } from "./site-settings.js";

/**
 * The typeface of the text, Literata (variable weight, roman and italic), self-hosted: only the Latin and Latin
 * extended subsets, copied at build time from its npm package to /assets/polices/. site.css declares the same files.
 */
export const FONT_FILES = [
  "literata-latin-wght-normal.woff2",
  "literata-latin-ext-wght-normal.woff2",
  "literata-latin-wght-italic.woff2",
  "literata-latin-ext-wght-italic.woff2",
] as const;

export const FONTS_SOURCE_DIR = path.join(PROJECT_ROOT, "node_modules", "@fontsource-variable", "literata", "files");

/** Where the site serves them, relative to its root. */
export const FONTS_SITE_DIR = "assets/polices";
