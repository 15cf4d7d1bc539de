import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./site-settings.js";

/**
 * The ids the layouts, partials and scripts of _includes write in pages (skip-link target, search field, table of
 * contents…), listed beside them in _includes/layout-ids.json: the scan and the renderer give no heading one.
 */
export function readLayoutIds(): readonly string[] {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_includes", "layout-ids.json"), "utf8")) as string[];
}
