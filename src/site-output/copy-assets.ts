import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { isInDraftFolder, type VaultPath } from "../vault-scan/paths.js";

/**
 * Copies the vault's images and documents to the site at the same relative path; drafts' folders stay private.
 * Synchronous copies, each folder made once: thousands of files go several times faster than through the thread pool.
 */
export function copyAssets(outputDir: string, assetSources: ReadonlyMap<VaultPath, string>): void {
  const made = new Set<string>();
  for (const [asset, source] of assetSources) {
    if (isInDraftFolder(asset)) continue;
    const target = path.join(outputDir, ...asset.split("/"));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    copyFileSync(source, target);
  }
}
