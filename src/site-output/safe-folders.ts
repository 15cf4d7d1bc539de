import { readdir, realpath, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GardenError } from "../errors/garden-error.js";
import { isInside } from "../vault-scan/paths.js";

/** A notes or output folder a command refuses, before writing anything: the message names it and says how to fix it. */
export class UnsafeFolderError extends GardenError {}

/**
 * The file each build writes into the folders it creates. A later build replaces an output folder, or removes a
 * killed build's leftover, only when it holds this file (or holds nothing).
 */
export const BUILT_SITE_MARKER = ".jardin-construit";

/** A folder setting (environment variable, command option): unset means `fallback`, set but blank is an error. */
export function folderSetting(value: string | undefined, setting: string, fallback: string): string {
  if (value === undefined) return path.resolve(fallback);
  const trimmed = value.trim();
  if (trimmed === "") {
    throw new UnsafeFolderError(`${setting} est vide. Indiquez un dossier, ou retirez ${setting} pour utiliser le dossier par défaut « ${fallback} ».`);
  }
  return path.resolve(trimmed);
}

export async function checkNotesFolder(notesDir: string, setting: string): Promise<void> {
  let cause: unknown;
  const isFolder = await stat(notesDir).then(
    (s) => s.isDirectory(),
    (error: unknown) => ((cause = error), false),
  );
  if (!isFolder) throw new UnsafeFolderError(`Le dossier de notes « ${notesDir} » est introuvable. Indiquez-le avec ${setting}.`, { cause });
}

/**
 * Refuses an output folder whose replacement would take away what is not a site: the disk, the home folder, the
 * project or the notes, a folder that holds them or lies in the notes (symbolic links followed), or an existing
 * folder that no build made.
 */
export async function checkOutputFolder(notesDir: string, outputDir: string, projectRoot: string): Promise<void> {
  const [output, notes, project, home] = await Promise.all([outputDir, notesDir, projectRoot, os.homedir()].map(canonical));
  const reason = refusalOf(output!, notes!, project!, home!);
  if (reason !== undefined) {
    throw new UnsafeFolderError(
      `Le dossier de sortie « ${outputDir} » est refusé : ${reason}. Choisissez un dossier à part, qui ne contient ni le projet ni les notes (par défaut : _site dans le projet), puis relancez.`,
    );
  }
  await checkReplaceable(outputDir);
}

function refusalOf(output: string, notes: string, project: string, home: string): string | undefined {
  if (path.parse(output).root === output) return "c'est la racine du disque";
  if (output === home) return "c'est votre dossier personnel";
  if (output === project) return "c'est le dossier du projet";
  if (output === notes) return "c'est le dossier des notes";
  if (isInside(output, home)) return "il contient votre dossier personnel";
  if (isInside(output, project)) return "il contient le projet";
  if (isInside(output, notes)) return "il contient le dossier des notes";
  if (isInside(notes, output)) return "il est dans le dossier des notes";
  return undefined;
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
async function canonical(dir: string): Promise<string> {
  const missing: string[] = [];
  for (let existing = path.resolve(dir); ; existing = path.dirname(existing)) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...missing);
    if (path.dirname(existing) === existing) return path.resolve(dir);
    missing.unshift(path.basename(existing));
  }
}

/** Refuses to replace an existing folder that no build made: its files would be lost. */
export async function checkReplaceable(outputDir: string): Promise<void> {
  if (await isBuiltSite(outputDir)) return;
  throw new UnsafeFolderError(
    `Le dossier de sortie « ${outputDir} » existe déjà et ne contient pas un site construit ici : la construction le remplacerait entièrement. Choisissez un dossier qui n'existe pas encore, ou videz celui-ci, puis relancez.`,
  );
}

/**
 * Whether a build may replace or remove this folder: it does not exist, is empty, holds the marker, or is a site
 * built before the marker existed (an `index.html`, and not a Git working copy).
 */
export async function isBuiltSite(dir: string): Promise<boolean> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (info === undefined) return true;
  if (!info.isDirectory()) return false;
  const names = new Set(await readdir(dir));
  return names.size === 0 || names.has(BUILT_SITE_MARKER) || (names.has("index.html") && !names.has(".git"));
}

export async function markAsBuilt(dir: string): Promise<void> {
  await writeFile(
    path.join(dir, BUILT_SITE_MARKER),
    "Ce dossier a été construit par le jardin (npm run build ou npm start) : la prochaine construction le remplacera.\n",
  );
}
