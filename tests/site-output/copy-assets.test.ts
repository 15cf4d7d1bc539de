import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyAssets } from "../../src/site-output/copy-assets.js";
import { toVaultPath, type VaultPath } from "../../src/vault-scan/paths.js";

describe("copyAssets", () => {
  let work = "";
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function vaultWith(files: Record<string, string>): Promise<Map<VaultPath, string>> {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-assets-"));
    const sources = new Map<VaultPath, string>();
    for (const [file, text] of Object.entries(files)) {
      const source = path.join(work, "notes", file);
      await mkdir(path.dirname(source), { recursive: true });
      await writeFile(source, text);
      sources.set(toVaultPath(file), source);
    }
    return sources;
  }

  it("copies the published attachments at their path in the vault, and no other file", async () => {
    const sources = await vaultWith({ "Images/Salle été.png": "png", "inutile.pdf": "pdf", "plan.pdf": "plan" });
    const site = path.join(work, "site");
    await copyAssets(site, [toVaultPath("Images/Salle été.png"), toVaultPath("plan.pdf")], sources);
    expect(await readFile(path.join(site, "Images", "Salle été.png"), "utf8")).toBe("png");
    expect(await readFile(path.join(site, "plan.pdf"), "utf8")).toBe("plan");
    await expect(readFile(path.join(site, "inutile.pdf"))).rejects.toThrow(/ENOENT/);
  });

  it("under npm start, leaves a copy of the same size written after its original, and copies a changed one", async () => {
    const sources = await vaultWith({ "photo.png": "AAAA" });
    const source = sources.get(toVaultPath("photo.png"))!;
    const site = path.join(work, "site");
    const copy = path.join(site, "photo.png");
    await utimes(source, new Date("2024-01-01"), new Date("2024-01-01"));
    await mkdir(site);
    // Same size and newer than the original: taken for its copy, whatever it holds.
    await writeFile(copy, "BBBB");
    await copyAssets(site, [...sources.keys()], sources, true);
    expect(await readFile(copy, "utf8")).toBe("BBBB");
    await utimes(source, new Date(), new Date(Date.now() + 60_000));
    await copyAssets(site, [...sources.keys()], sources, true);
    expect(await readFile(copy, "utf8")).toBe("AAAA");
    await writeFile(copy, "BBBB");
    await copyAssets(site, [...sources.keys()], sources);
    expect(await readFile(copy, "utf8")).toBe("AAAA");
  });
});
