import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureDir } from "../helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runBuild(notesDir: string, outputDir: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ["src/cli/build.ts"], {
      cwd: ROOT,
      env: { ...process.env, NOTES_DIR: notesDir, OUTPUT_DIR: outputDir },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [path.relative(dir, f), (await readFile(f)).toString("base64")])));
}

describe("npm run build", () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-cli-"));
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it("stops on bad YAML with a French message at file:line, exit 1, no stack trace, and the last site untouched", async () => {
    const site = path.join(work, "_site");
    await mkdir(path.join(site, "ancienne-note"), { recursive: true });
    await writeFile(path.join(site, "index.html"), "<!doctype html><title>Dernier bon site</title>");
    await writeFile(path.join(site, "ancienne-note", "index.html"), "ancienne note");
    const before = await snapshot(site);

    const run = await runBuild(fixtureDir("bad-yaml-vault"), site);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        `${path.relative(ROOT, fixtureDir("bad-yaml-vault"))}/Note cassée.md:3:7  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « tags: [question ». Le « [ » ouvert ici n'est jamais refermé. Ajoutez « ] » à la fin de la valeur, par exemple : tags: [question, ressource].`,
        "La construction s'est arrêtée sur 1 erreur : corrigez-la, puis relancez « npm run build ». Le site précédent est resté intact.",
        "",
      ].join("\n"),
    );
    expect(run.stdout).toBe("");
    expect(await snapshot(site)).toEqual(before);
    expect((await readdir(work)).sort()).toEqual(["_site"]);
  });

  it("builds a good vault and ends with a French summary", async () => {
    const site = path.join(work, "_site");
    const run = await runBuild(fixtureDir("template-text-vault"), site);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Site construit dans \S+ en [\d,]+ s : 2 notes publiées et 1 lien ; 0 avertissement ; 2 pages indexées pour la recherche\. Lancez « npm run check » pour le détail\.\n$/,
    );
    expect((await readdir(work)).sort()).toEqual(["_site"]);
    expect(await readFile(path.join(site, "autre", "index.html"), "utf8")).toContain("<h1 id=\"autre\">Autre</h1>");
  });
});
