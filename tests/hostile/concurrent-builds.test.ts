import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import { runBuild } from "../cli/run-command.js";
import { snapshot } from "./site-safety.js";

const VAULTS = {
  premier: { "Alpha.md": "# Alpha\n\nVoir [[Bêta]].\n", "Bêta.md": "# Bêta\n\nRetour vers [[Alpha]].\n" },
  second: { "Gamma.md": "# Gamma\n\nVoir [[Delta]].\n", "Delta.md": "# Delta\n\nRetour vers [[Gamma]].\n", "Epsilon.md": "# Epsilon\n" },
} as const;

describe("two builds started at once into the same output folder", () => {
  let work: string;
  const notes: Record<string, string> = {};
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-concurrent-"));
    for (const [name, files] of Object.entries(VAULTS)) {
      notes[name] = path.join(work, name);
      await mkdir(notes[name]!);
      for (const [file, text] of Object.entries(files)) await writeFile(path.join(notes[name]!, file), text);
    }
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("either both succeed in turn or one refuses with a clear message, and the site is one whole build, never a mix", async () => {
    // The output's parent does not exist yet: both commands make it.
    const site = path.join(work, "sortie", "_site");
    const [first, second] = await Promise.all([runBuild(notes["premier"]!, site), runBuild(notes["second"]!, site)]);
    const runs = { premier: first, second };

    const refused = Object.entries(runs).filter(([, run]) => run.code !== 0);
    expect(refused.length, JSON.stringify(runs)).toBeLessThanOrEqual(1);
    for (const [, run] of refused) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(new RegExp(`^Une autre construction \\(processus [1-9]\\d*\\) écrit déjà dans « ${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} »\\. Attendez qu'elle se termine, puis relancez la commande\\.\\n$`));
    }
    for (const [, run] of Object.entries(runs).filter(([, r]) => r.code === 0)) expect(run.stdout).toMatch(/^Site construit dans /);

    // Builds are deterministic: the site must be, byte for byte, the whole site of one of the two vaults.
    const references: Record<string, Record<string, string>> = {};
    for (const name of Object.keys(VAULTS)) {
      await buildGarden(notes[name]!, path.join(work, `reference-${name}`));
      references[name] = await snapshot(path.join(work, `reference-${name}`));
    }
    const final = await snapshot(site);
    const matching = Object.keys(references).filter((name) => JSON.stringify(references[name]) === JSON.stringify(final));
    expect(matching.length, `fichiers : ${Object.keys(final).join(", ")}`).toBe(1);
    if (refused.length === 1) expect(matching).toEqual(Object.keys(runs).filter((name) => name !== refused[0]![0]));
    expect(await readdir(path.join(work, "sortie"))).toEqual(["_site"]);
  }, 60_000);
});
