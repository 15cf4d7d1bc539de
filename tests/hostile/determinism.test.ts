import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import { fixtureDir } from "../helpers.js";
import { snapshot } from "./site-safety.js";

/**
 * Two builds of the same notes, one after the other, give byte-identical sites, search index included: Pagefind
 * names its files by the hash of their content, so one differing byte anywhere in a page renames them all.
 */

const VAULTS = {
  "notes/": fileURLToPath(new URL("../../notes", import.meta.url)),
  "render-vault (images)": fixtureDir("render-vault"),
};

describe("building the same notes twice", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-determinism-"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  for (const [name, notesDir] of Object.entries(VAULTS)) {
    it(`gives byte-identical sites for ${name}`, async () => {
      const first = path.join(work, `${name.split(" ")[0]!.replace(/\W/g, "")}-1`);
      const second = path.join(work, `${name.split(" ")[0]!.replace(/\W/g, "")}-2`);
      await buildGarden(notesDir, first);
      await buildGarden(notesDir, second);
      const [a, b] = [await snapshot(first), await snapshot(second)];
      expect(Object.keys(a).filter((f) => f.startsWith("pagefind/pagefind."))).not.toEqual([]);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const file of Object.keys(a)) expect(b[file], file).toBe(a[file]);
    }, 60_000);
  }
});
