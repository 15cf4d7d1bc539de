import { stat } from "node:fs/promises";
import path from "node:path";
import { isInDraftFolder, type VaultPath } from "../vault-scan/paths.js";
import { writeSiteFiles, type SiteFile } from "./file-writer.js";

/**
 * Copies the vault's images and documents to the site at the same relative path; drafts' folders stay private.
 * With `onlyChanged` (under `npm start`), a file already there with the same size and a later date is left alone.
 */
export async function copyAssets(outputDir: string, assetSources: ReadonlyMap<VaultPath, string>, onlyChanged = false): Promise<void> {
  const copies = await Promise.all(
    [...assetSources]
      .filter(([asset]) => !isInDraftFolder(asset))
      .map(async ([asset, source]): Promise<SiteFile[]> => {
        const target = path.join(outputDir, ...asset.split("/"));
        return onlyChanged && (await isCopyOf(target, source)) ? [] : [{ target, source }];
      }),
  );
  await writeSiteFiles(copies.flat());
}

async function isCopyOf(target: string, source: string): Promise<boolean> {
  const [copied, original] = await Promise.all([stat(target).catch(() => undefined), stat(source)]);
  return copied !== undefined && copied.size === original.size && copied.mtimeMs >= original.mtimeMs;
}
