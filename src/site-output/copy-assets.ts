import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { isInDraftFolder, type VaultPath } from "../vault-scan/paths.js";

/** Copies the vault's images and documents to the site at the same relative path; drafts' folders stay private. */
export async function copyAssets(outputDir: string, assetSources: ReadonlyMap<VaultPath, string>): Promise<void> {
  await Promise.all(
    [...assetSources]
      .filter(([asset]) => !isInDraftFolder(asset))
      .map(async ([asset, source]) => {
        const target = path.join(outputDir, ...asset.split("/"));
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(source, target);
      }),
  );
}
