/**
 * Run by file-writer.test.ts in a process allowed few open files: writes the previews of 600 notes and copies
 * 600 attachments into the folder given as argument.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { copyAssets } from "../../src/site-output/copy-assets.js";
import { writePreviews } from "../../src/site-output/write-previews.js";
import { toVaultPath, type VaultPath } from "../../src/vault-scan/paths.js";
import { memoryVault } from "../helpers.js";

const work = process.argv[2]!;
const COUNT = 600;
const notes = Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`Note ${i}.md`, `# Note ${i}\n\nTexte ${i}.\n`]));
await writePreviews(path.join(work, "site"), buildLinkGraph(memoryVault(notes), { reservedUrls: new Map() }));

const sources = new Map<VaultPath, string>();
await mkdir(path.join(work, "notes"));
for (let i = 0; i < COUNT; i++) {
  const source = path.join(work, "notes", `image-${i}.png`);
  await writeFile(source, `png ${i}`);
  sources.set(toVaultPath(`Images ${i % 10}/image-${i}.png`), source);
}
await copyAssets(path.join(work, "site"), sources);
