import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileDates, gitHistory } from "./file-dates.js";
import { parseNote, type Note, type ParseOptions } from "./note.js";
import { toVaultPath, type VaultPath } from "./paths.js";
import { compareProblems, type Problem } from "./problem.js";

export interface Vault {
  readonly notes: readonly Note[];
  /** Every other file of the vault (images, PDFs), which the site serves at the same path. */
  readonly assets: readonly VaultPath[];
  /** Where each asset is on disk: its name there may be NFD, as macOS writes it. */
  readonly assetSources: ReadonlyMap<VaultPath, string>;
  readonly problems: readonly Problem[];
}

/** Folders an editor's tools keep beside the notes, never part of the garden. */
function isHidden(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Lists the vault: Markdown notes and other files, skipping hidden folders and links that lead elsewhere. */
export async function listVault(notesDir: string): Promise<{ markdown: string[]; assetSources: Map<VaultPath, string> }> {
  const markdown: string[] = [];
  const assetSources = new Map<VaultPath, string>();
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        if (isHidden(entry.name)) return;
        const absolute = path.join(dir, entry.name);
        if (entry.isDirectory()) return walk(absolute);
        if (!entry.isFile()) return;
        if (entry.name.toLowerCase().endsWith(".md")) markdown.push(absolute);
        else assetSources.set(toVaultPath(path.relative(notesDir, absolute)), absolute);
      }),
    );
  }
  await walk(notesDir);
  markdown.sort();
  return { markdown, assetSources };
}

/** Reads every note of the folder once. Pure of Eleventy: the build, `npm run check` and the tests share it. */
export async function readVault(notesDir: string, options: ParseOptions): Promise<Vault> {
  const [{ markdown, assetSources }, history] = await Promise.all([listVault(notesDir), gitHistory(notesDir)]);
  const parsed = await Promise.all(
    markdown.map(async (absolute) => {
      const file = toVaultPath(path.relative(notesDir, absolute));
      const [source, dates] = await Promise.all([readFile(absolute, "utf8"), fileDates(history, file, absolute)]);
      const { note, problems } = parseNote(file, source, options);
      const created = note.created ?? dates.firstCommit;
      return { note: { ...note, ...(created ? { created } : {}), updated: dates.updated }, problems };
    }),
  );
  return {
    notes: parsed.map((p) => p.note),
    assets: [...assetSources.keys()].sort(),
    assetSources,
    problems: parsed.flatMap((p) => p.problems).sort(compareProblems),
  };
}
