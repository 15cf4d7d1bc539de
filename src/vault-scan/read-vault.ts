import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { activeSvgReason } from "./active-svg.js";
import { fileDates, gitHistory } from "./file-dates.js";
import { parseNote, type Note, type ParseOptions } from "./note.js";
import type { ParseCache } from "./parse-cache.js";
import { vaultPathOf, type VaultPath } from "./paths.js";
import { compareProblems, type Problem } from "./problem.js";

export interface ScanOptions extends ParseOptions {
  /**
   * "Créée le" and "Mise à jour le", from Git's history or the files' modification times: on by default. The check
   * shows no dates, and spares the `git log` of the whole folder and a `stat` per note.
   */
  readonly fileDates?: boolean;
}

export interface Vault {
  readonly notes: readonly Note[];
  /** Every other file of the vault (images, PDFs), which the site serves at the same path. */
  readonly assets: readonly VaultPath[];
  /** Where each asset is on disk: its name there may be NFD, as macOS writes it. */
  readonly assetSources: ReadonlyMap<VaultPath, string>;
  /** SVG files that could run script or load other files, with the reason in French. */
  readonly activeSvgs: ReadonlyMap<VaultPath, string>;
  readonly problems: readonly Problem[];
}

/** Folders an editor's tools keep beside the notes, never part of the garden. */
function isHidden(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * Lists the vault: Markdown notes and other files, each by its vault path and where it is on disk, skipping hidden folders and links that lead elsewhere. `twins`
 * are the vault paths two files share, their names differing only by Unicode form (NFC, or NFD as macOS writes);
 * only the first of the two, in code-point order of their names on disk, is kept.
 */
export async function listVault(notesDir: string): Promise<{ markdown: Map<VaultPath, string>; assetSources: Map<VaultPath, string>; twins: VaultPath[] }> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        if (isHidden(entry.name)) return;
        const absolute = path.join(dir, entry.name);
        if (entry.isDirectory()) return walk(absolute);
        if (entry.isFile()) found.push(absolute);
      }),
    );
  }
  await walk(notesDir);
  const markdown = new Map<VaultPath, string>();
  const assetSources = new Map<VaultPath, string>();
  const twins: VaultPath[] = [];
  const taken = new Set<VaultPath>();
  for (const absolute of found.sort()) {
    const file = vaultPathOf(notesDir, absolute);
    if (taken.has(file)) {
      twins.push(file);
      continue;
    }
    taken.add(file);
    if (file.toLowerCase().endsWith(".md")) markdown.set(file, absolute);
    else assetSources.set(file, absolute);
  }
  return { markdown, assetSources, twins };
}

function twinProblem(file: VaultPath): Problem {
  return {
    level: "erreur",
    code: "url-en-double",
    file,
    line: 1,
    column: 1,
    message: `Deux fichiers s'appellent « ${file} », l'un avec les accents composés, l'autre décomposés (comme les écrit macOS) : le site n'en garderait qu'un. Supprimez ou renommez l'un des deux.`,
  };
}

/** The SVG files of the vault that could run script, read here so that the link graph, which decides what is published, stays pure. */
function activeSvgsOf(assetSources: ReadonlyMap<VaultPath, string>): Map<VaultPath, string> {
  const active = new Map<VaultPath, string>();
  for (const [file, source] of assetSources) {
    if (!file.toLowerCase().endsWith(".svg")) continue;
    // Read one at a time, as the notes are: thousands of files opened at once would run out of file descriptors.
    const reason = activeSvgReason(readFileSync(source, "utf8"));
    if (reason !== undefined) active.set(file, reason);
  }
  return active;
}

/**
 * Reads every note of the folder once. Pure of Eleventy: the build, `npm run check` and the tests share it. The dev
 * server passes a cache, so that notes it read unchanged before are not parsed again.
 */
export async function readVault(notesDir: string, options: ScanOptions, cache?: ParseCache): Promise<Vault> {
  const withDates = options.fileDates !== false;
  const [{ markdown, assetSources, twins }, history] = await Promise.all([listVault(notesDir), withDates ? gitHistory(notesDir) : undefined]);
  // Synchronous reads: notes are small, and an asynchronous read costs four thread-pool round trips per file
  // (open, stat, read, close), seven times slower over 10,000 notes.
  const parsed = [...markdown].map(([file, absolute]) => {
    const source = readFileSync(absolute, "utf8");
    const { note, problems } = cache ? cache.parse(file, source, options) : parseNote(file, source, options);
    if (!history) return { note, problems };
    const dates = fileDates(history, file, absolute);
    const created = note.created ?? dates.firstCommit;
    return { note: { ...note, ...(created ? { created } : {}), updated: dates.updated }, problems };
  });
  cache?.endScan();
  return {
    notes: parsed.map((p) => p.note),
    assets: [...assetSources.keys()].sort(),
    assetSources,
    activeSvgs: activeSvgsOf(assetSources),
    problems: [...parsed.flatMap((p) => p.problems), ...twins.map(twinProblem)].sort(compareProblems),
  };
}
