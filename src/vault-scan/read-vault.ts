import { readFileSync, type Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { activeSvgReason } from "./active-svg.js";
import { fileDates, gitHistory } from "./file-dates.js";
import { compareFrench } from "./french-order.js";
import { parseNote, type Note, type ParseOptions } from "./note.js";
import type { ParseCache } from "./parse-cache.js";
import { vaultPathOf, type VaultPath } from "./paths.js";
import { compareProblems, problemAt, type Problem } from "./problem.js";
import { templatesFoldersOf } from "./templates-folder.js";

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
  /** Where the entries of the notes folder the scan did not read (hidden, links, devices) are on disk: Eleventy must not read them either. */
  readonly unread: readonly string[];
  /** SVG files that could run script or load other files, with the reason in French. */
  readonly activeSvgs: ReadonlyMap<VaultPath, string>;
  /** Obsidian's templates folders, relative to the notes folder: nothing in them is published. */
  readonly templatesFolders: readonly string[];
  readonly problems: readonly Problem[];
}

/** Files and folders an editor's tools keep beside the notes (`.obsidian`, `.trash`, `.git`), never part of the garden. */
function isHidden(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** What a directory entry is, when it is neither a file nor a folder: the scan never follows nor reads it. */
function oddKind(entry: Dirent): string | undefined {
  if (entry.isSymbolicLink()) return "un lien symbolique";
  if (entry.isFIFO()) return "un tube nommé (FIFO)";
  if (entry.isSocket()) return "une socket";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "un périphérique";
  return undefined;
}

export interface VaultListing {
  readonly markdown: Map<VaultPath, string>;
  readonly assetSources: Map<VaultPath, string>;
  readonly twins: VaultPath[];
  /** Links, devices, pipes and sockets, with what each one is. */
  readonly skipped: { readonly file: VaultPath; readonly kind: string }[];
  /** Where each entry not read is on disk: the skipped ones and the hidden files and folders. */
  readonly unread: string[];
}

/**
 * Lists the vault: Markdown notes and other files, each by its vault path and where it is on disk. Hidden files and
 * folders are left out; symbolic links (to a note, a folder, `/dev/zero`), devices, pipes and sockets are never
 * followed nor read. `twins` are the vault paths two files share, their names differing only by Unicode form (NFC,
 * or NFD as macOS writes); only the first of the two, in code-point order of their names on disk, is kept.
 */
export async function listVault(notesDir: string): Promise<VaultListing> {
  const found: string[] = [];
  const skipped: { file: VaultPath; kind: string }[] = [];
  const unread: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const absolute = path.join(dir, entry.name);
        if (entry.isFile() && !isHidden(entry.name)) found.push(absolute);
        else if (entry.isDirectory() && !isHidden(entry.name)) await walk(absolute);
        else {
          unread.push(absolute);
          const kind = oddKind(entry);
          if (kind !== undefined && !isHidden(entry.name)) skipped.push({ file: vaultPathOf(notesDir, absolute), kind });
        }
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
  return { markdown, assetSources, twins, skipped: skipped.sort((a, b) => compareFrench(a.file, b.file)), unread: unread.sort() };
}

function skippedProblem({ file, kind }: { file: VaultPath; kind: string }): Problem {
  return problemAt(
    { file, line: 1, column: 1 },
    "entree-ignoree",
    `« ${file} » est ${kind}, pas un fichier ni un dossier : il n'est jamais suivi ni lu, et rien de ce qu'il désigne n'est publié. Mettez à sa place le fichier ou le dossier lui-même, ou retirez-le du dossier des notes.`,
  );
}

/** Eleventy reads a `.eleventyignore` at the top of its input folder: the garden makes it read the scanned notes instead. */
const ELEVENTY_IGNORE = ".eleventyignore" as VaultPath;

function eleventyIgnoreProblem(): Problem {
  return problemAt(
    { file: ELEVENTY_IGNORE, line: 1, column: 1 },
    "eleventyignore-sans-effet",
    "Le fichier « .eleventyignore » du dossier des notes est sans effet : le site publie toutes les notes qui ne sont pas marquées comme brouillons. Pour garder une note hors du site, écrivez « draft: true » dans son en-tête ou rangez-la dans un dossier « Brouillon », puis supprimez ce fichier.",
  );
}

/** A note's text. A UTF-16 file (Windows Notepad's "Unicode"), which starts with its byte order mark, is decoded as such. */
function decodeNote(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return bytes.toString("utf8");
}

/**
 * Notes whose path, or one of whose folders, differs only by case from an entry the scan does not read. Eleventy
 * ignores files without regard to case: it would ignore such a note with that entry, and the page would be missing.
 */
function caseShadowProblems(notesDir: string, unread: readonly string[], notes: Iterable<VaultPath>): Problem[] {
  const shadows = new Map(unread.map((absolute) => [vaultPathOf(notesDir, absolute).toLowerCase(), vaultPathOf(notesDir, absolute)]));
  const problems: Problem[] = [];
  for (const file of notes) {
    const lower = file.toLowerCase();
    const shadow = [...lower.matchAll(/\//g)].map((slash) => lower.slice(0, slash.index)).concat(lower).find((prefix) => shadows.has(prefix));
    if (shadow === undefined) continue;
    problems.push(problemAt({ file, line: 1, column: 1 }, "url-en-double", `« ${file} » porte le nom de « ${shadows.get(shadow)} » aux majuscules près, une entrée que le site ne lit pas (lien symbolique, dossier caché…) : le générateur les confondrait et ne publierait pas la note. Renommez l'un des deux, ou retirez « ${shadows.get(shadow)} ».`));
  }
  return problems;
}

function twinProblem(file: VaultPath): Problem {
  return problemAt(
    { file, line: 1, column: 1 },
    "url-en-double",
    `Deux fichiers s'appellent « ${file} », l'un avec les accents composés, l'autre décomposés (comme les écrit macOS) : le site n'en garderait qu'un. Supprimez ou renommez l'un des deux.`,
  );
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
  const [{ markdown, assetSources, twins, skipped, unread }, history, templatesFolders] = await Promise.all([
    listVault(notesDir),
    withDates ? gitHistory(notesDir) : undefined,
    options.templatesFolders ?? templatesFoldersOf(notesDir),
  ]);
  const parseOptions = { ...options, templatesFolders };
  // Synchronous reads: notes are small, and an asynchronous read costs four thread-pool round trips per file
  // (open, stat, read, close), seven times slower over 10,000 notes.
  const parsed = [...markdown].map(([file, absolute]) => {
    const source = decodeNote(readFileSync(absolute));
    const { note, problems } = cache ? cache.parse(file, source, parseOptions) : parseNote(file, source, parseOptions);
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
    unread,
    activeSvgs: activeSvgsOf(assetSources),
    templatesFolders,
    problems: [
      ...parsed.flatMap((p) => p.problems),
      ...twins.map(twinProblem),
      ...caseShadowProblems(notesDir, unread, markdown.keys()),
      ...skipped.map(skippedProblem),
      ...(unread.includes(path.join(notesDir, ELEVENTY_IGNORE)) ? [eleventyIgnoreProblem()] : []),
    ].sort(compareProblems),
  };
}
