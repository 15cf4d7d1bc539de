import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLayoutIds } from "../../src/site/layout-ids.js";
import { PROJECT_ROOT } from "../../src/site/site-settings.js";

/** Every file under _includes, with its path from there. */
function includes(folder = path.join(PROJECT_ROOT, "_includes")): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? includes(file) : [file];
  });
}

/** The ids a template writes (id="…") or a script gives an element (x.id = "…"). */
const WRITTEN_ID = /\bid\s*=\s*["']([^"']*)["']|\.id\s*=\s*["']([^"']*)["']/g;

describe("_includes/layout-ids.json", () => {
  it("lists every id the layouts, partials and scripts write, and nothing else", () => {
    const written = new Set(
      includes()
        .filter((file) => /\.(njk|js|html)$/.test(file))
        .flatMap((file) => [...readFileSync(file, "utf8").matchAll(WRITTEN_ID)].map((m) => m[1] ?? m[2]!)),
    );
    expect([...written].sort()).toEqual([...readLayoutIds()].sort());
  });
});
