import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { blocksBuild, PROBLEMS, type ProblemCode } from "../../src/vault-scan/findings.js";
import type { VaultPath } from "../../src/vault-scan/paths.js";
import { problemAt } from "../../src/vault-scan/problem.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** The rows of README's table of codes, as written. */
async function readmeRows(): Promise<string[]> {
  const lines = (await readFile(path.join(root, "README.md"), "utf8")).split("\n");
  const header = lines.indexOf("| code | niveau | arrête la construction | ce qu'il signale | comment corriger |");
  expect(header, "README's table of codes").toBeGreaterThan(-1);
  const rows = lines.slice(header + 2);
  const end = rows.findIndex((line) => !line.startsWith("|"));
  return end === -1 ? rows : rows.slice(0, end);
}

describe("the table of findings (PROBLEMS)", () => {
  it("is README's table of codes, row for row and in the same order", async () => {
    const rows = await readmeRows();
    expect(rows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1])).toEqual(CODES);
    const expected = CODES.map((code) => {
      const { level, blocksBuild, summary, fix } = PROBLEMS[code];
      return `| \`${code}\` | ${level} | ${blocksBuild ? "oui" : "non"} | ${summary} | ${fix} |`;
    });
    expect(rows).toEqual(expected);
  });

  it("holds no code that no source file raises", async () => {
    const entries = await readdir(path.join(root, "src"), { withFileTypes: true, recursive: true });
    const sources = entries.filter((e) => e.isFile() && e.name.endsWith(".ts") && e.name !== "findings.ts").map((e) => path.join(e.parentPath, e.name));
    const text = (await Promise.all(sources.map((file) => readFile(file, "utf8")))).join("\n");
    expect(CODES.filter((code) => !text.includes(`"${code}"`))).toEqual([]);
  });

  it("gives each finding its code's level, and stops the build only on the errors that make the site wrong", () => {
    const at = { file: "Note.md" as VaultPath, line: 3, column: 7 };
    expect(problemAt(at, "note-orpheline", "Aucune note ne mène ici.")).toEqual({ ...at, level: "info", code: "note-orpheline", message: "Aucune note ne mène ici." });
    const broken = problemAt(at, "lien-casse", "Le lien [[X]] ne mène à aucune note.");
    const clash = problemAt(at, "url-en-double", "Deux notes à la même adresse.");
    expect([broken.level, blocksBuild(broken)]).toEqual(["erreur", false]);
    expect([clash.level, blocksBuild(clash)]).toEqual(["erreur", true]);
    expect(CODES.filter((code) => PROBLEMS[code].blocksBuild)).toEqual([
      "yaml-invalide",
      "yaml-non-ferme",
      "en-tete-pas-un-objet",
      "url-en-double",
      "permalink-invalide",
      "publication-invalide",
      "dossier-reserve",
      "fichier-actif",
      "svg-actif",
    ]);
  });
});
