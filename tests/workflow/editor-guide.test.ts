import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROBLEMS } from "../../src/vault-scan/findings.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFile(path.join(root, file), "utf8");
const readJson = async (file: string) => JSON.parse(await read(file)) as Record<string, unknown>;

describe("editors' guide (docs/guide-editeur.md)", () => {
  it("explains every code of the table of findings, at its level, with an example line", async () => {
    const guide = await read("docs/guide-editeur.md");
    const explained = ([code, { level }]: [string, { level: string }]) => guide.includes(`#### ${code} · ${level}\n`) && new RegExp(`\\S:\\d+:\\d+ {2}${level} {2}${code} {2}`).test(guide);
    const missing = Object.entries(PROBLEMS).filter((entry) => !explained(entry)).map(([code]) => code);
    expect(missing, "codes without a section and an example line in the guide").toEqual([]);
  });

  it("is linked from the README, and its screenshot exists", async () => {
    expect(await read("README.md")).toContain("](docs/guide-editeur.md)");
    const guide = await read("docs/guide-editeur.md");
    const images = [...guide.matchAll(/!\[([^\]]+)\]\(([^)]+)\)/g)];
    expect(images.length).toBeGreaterThan(0);
    for (const [, alt, src] of images) {
      expect(alt!.length).toBeGreaterThan(20);
      await access(path.join(root, "docs", src!));
    }
  });
});

describe("Obsidian vault settings (.obsidian/)", () => {
  it("creates notes and attachments inside notes/ and writes the shortest wikilinks", async () => {
    const app = await readJson(".obsidian/app.json");
    expect(app).toMatchObject({ newFileLocation: "folder", newFileFolderPath: "notes", newLinkFormat: "shortest", useMarkdownLinks: false });
    expect(String(app["attachmentFolderPath"])).toMatch(/^notes\/[^./]/);
  });

  it("enables the templates plugin on a folder outside notes/ holding both templates", async () => {
    expect(await readJson(".obsidian/core-plugins.json")).toMatchObject({ templates: true });
    const folder = String((await readJson(".obsidian/templates.json"))["folder"]);
    expect(folder.startsWith("notes")).toBe(false);
    const templates = await readdir(path.join(root, folder));
    expect(templates).toEqual(expect.arrayContaining(["Note question.md", "Note ressource.md"]));
  });

  it("keeps workspace and cache files out of Git", async () => {
    const ignored = (await read(".gitignore")).split("\n").map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining([".obsidian/workspace*.json", ".obsidian/cache", ".trash/"]));
  });
});
