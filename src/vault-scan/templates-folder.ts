import { lstat, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { toVaultPath } from "./paths.js";
import { DEFAULT_TEMPLATES_FOLDERS } from "./publication.js";

/**
 * Obsidian's templates folder, as vault paths of the notes folder: the `folder` named in `.obsidian/templates.json` of
 * the vault that holds the notes (the notes folder itself, or the nearest folder above it with an `.obsidian`
 * folder, as when the whole repository is the vault), else DEFAULT_TEMPLATES_FOLDERS. None when the named folder is
 * outside the notes folder: the scan never reads it.
 */
export async function templatesFoldersOf(notesDir: string): Promise<readonly string[]> {
  const vaultRoot = await obsidianVaultRoot(notesDir);
  if (vaultRoot === undefined) return DEFAULT_TEMPLATES_FOLDERS;
  const folder = await namedTemplatesFolder(path.join(vaultRoot, ".obsidian", "templates.json"));
  if (folder === undefined) return DEFAULT_TEMPLATES_FOLDERS;
  const relative = path.relative(notesDir, path.resolve(vaultRoot, folder));
  if (relative === "" || relative.split(path.sep)[0] === ".." || path.isAbsolute(relative)) return [];
  return [toVaultPath(relative)];
}

async function obsidianVaultRoot(notesDir: string): Promise<string | undefined> {
  for (let dir = path.resolve(notesDir); ; dir = path.dirname(dir)) {
    if (await stat(path.join(dir, ".obsidian")).then((s) => s.isDirectory(), () => false)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The `folder` of templates.json; undefined when the file is missing, unreadable, or names none. Only a small regular
 * file is read: a link to `/dev/zero` there would never end.
 */
async function namedTemplatesFolder(file: string): Promise<string | undefined> {
  try {
    const status = await lstat(file);
    if (!status.isFile() || status.size > 65_536) return undefined;
    const settings = JSON.parse(await readFile(file, "utf8")) as { folder?: unknown };
    const folder = typeof settings.folder === "string" ? settings.folder.trim().replace(/^\/+|\/+$/g, "") : "";
    return folder === "" ? undefined : folder;
  } catch {
    return undefined;
  }
}
