import { stat } from "node:fs/promises";
import path from "node:path";
import { FONT_FILES, FONTS_SITE_DIR, FONTS_SOURCE_DIR } from "../site/fonts.js";
import type { VaultPath } from "../vault-scan/paths.js";
import { writeSiteFiles, type SiteFile } from "./file-writer.js";

/**
 * Copies the published attachments (see src/link-graph/attachments.ts) to the site at the same relative path, from
 * where `assetSources` says each is on disk. With `onlyChanged` (under `npm start`), a file already there with the
 * same size and a later date is left alone.
 */
export async function copyAssets(outputDir: string, published: readonly VaultPath[], assetSources: ReadonlyMap<VaultPath, string>, onlyChanged = false): Promise<void> {
  await copyFiles(
    published.map((asset) => ({ source: assetSources.get(asset)!, target: path.join(outputDir, ...asset.split("/")) })),
    onlyChanged,
  );
}

/** Copies the site's typeface files (src/site/fonts.ts) from their npm package: the repository holds none. */
export async function copyFonts(outputDir: string, onlyChanged = false): Promise<void> {
  await copyFiles(
    FONT_FILES.map((file) => ({ source: path.join(FONTS_SOURCE_DIR, file), target: path.join(outputDir, ...FONTS_SITE_DIR.split("/"), file) })),
    onlyChanged,
  );
}

async function copyFiles(files: readonly { source: string; target: string }[], onlyChanged: boolean): Promise<void> {
  const copies = await Promise.all(files.map(async (file): Promise<SiteFile[]> => (onlyChanged && (await isCopyOf(file.target, file.source)) ? [] : [file])));
  await writeSiteFiles(copies.flat());
}

async function isCopyOf(target: string, source: string): Promise<boolean> {
  const [copied, original] = await Promise.all([stat(target).catch(() => undefined), stat(source)]);
  return copied !== undefined && copied.size === original.size && copied.mtimeMs >= original.mtimeMs;
}
