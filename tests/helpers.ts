import { fileURLToPath } from "node:url";
import { parseNote, type Note, type ParsedNote } from "../src/vault-scan/note.js";
import { toVaultPath } from "../src/vault-scan/paths.js";
import type { Vault } from "../src/vault-scan/read-vault.js";

/** The site name of _data/site.json: a front-matter `title` equal to it is a placeholder. */
export const SITE = { siteName: "MuseumXTD" } as const;

/** Absolute path of a fixture vault under tests/fixtures/. */
export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function parse(file: string, source: string): ParsedNote {
  return parseNote(toVaultPath(file), source, SITE);
}

export function note(file: string, source = "Texte.\n"): Note {
  return parse(file, source).note;
}

/** A vault built in memory, as readVault would give it. */
export function memoryVault(sources: Readonly<Record<string, string>>, assets: readonly string[] = []): Vault {
  const parsed = Object.entries(sources).map(([file, source]) => parse(file, source));
  const files = assets.map(toVaultPath);
  return {
    notes: parsed.map((p) => p.note),
    assets: files,
    assetSources: new Map(files.map((file) => [file, `/memory/${file}`])),
    problems: parsed.flatMap((p) => p.problems),
  };
}

/** Joins lines with "\n" and ends with one. */
export function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}
