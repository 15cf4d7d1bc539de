import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { isInDraftFolder, type VaultPath } from "../vault-scan/paths.js";
import { forEachFile } from "./for-each-file.js";

/**
 * Copies the vault's images and documents to the site at the same relative path; drafts' folders stay private.
 * With `onlyChanged` (under `npm start`), a file already there with the same size and a later date is left alone.
 */
export async function copyAssets(outputDir: string, assetSources: ReadonlyMap<VaultPath, string>, onlyChanged = false): Promise<void> {
  const published = [...assetSources].filter(([asset]) => !isInDraftFolder(asset));
  await forEachFile(published, async ([asset, source]) => {
    const target = path.join(outputDir, ...asset.split("/"));
    if (onlyChanged && (await isCopyOf(target, source))) return;
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
  });
}

async function isCopyOf(target: string, source: string): Promise<boolean> {
  const [copied, original] = await Promise.all([stat(target).catch(() => undefined), stat(source)]);
  return copied !== undefined && copied.size === original.size && copied.mtimeMs >= original.mtimeMs;
}
