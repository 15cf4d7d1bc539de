import { stat } from "node:fs/promises";
import path from "node:path";
import type { VaultPath } from "../vault-scan/paths.js";
import { writeSiteFiles, type SiteFile } from "./file-writer.js";

/**
 * Copies the published attachments (see src/link-graph/attachments.ts) to the site at the same relative path, from
 * where `assetSources` says each is on disk. With `onlyChanged` (under `npm start`), a file already there with the
 * same size and a later date is left alone.
 */
export async function copyAssets(outputDir: string, published: readonly VaultPath[], assetSources: ReadonlyMap<VaultPath, string>, onlyChanged = false): Promise<void> {
  const copies = await Promise.all(
    published.map(async (asset): Promise<SiteFile[]> => {
      const source = assetSources.get(asset)!;
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
