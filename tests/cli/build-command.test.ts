import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureDir, lines } from "../helpers.js";
import { snapshot } from "../hostile/site-safety.js";
import { ROOT, runBuild, runCommand } from "./run-command.js";

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

  it("refuses an unknown option or an argument: exit 2, French usage, nothing built", async () => {
    const usage = [
      "Usage : npm run build",
      "  construit le site des notes de notes/ dans _site/ ; NOTES_DIR=<dossier> et OUTPUT_DIR=<dossier> en choisissent d'autres",
      "  --help  affiche cette aide",
    ];
    const site = path.join(work, "_site");
    const env = { NOTES_DIR: fixtureDir("template-text-vault"), OUTPUT_DIR: site };
    const unknown = await runCommand(["src/cli/build.ts", "--bogus"], env);
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([2, "", lines("Option inconnue : « --bogus ».", ...usage)]);
    const argument = await runCommand(["src/cli/build.ts", "notes"], env);
    expect([argument.code, argument.stdout, argument.stderr]).toEqual([2, "", lines("Argument inattendu : « notes ». Cette commande n'en prend aucun.", ...usage)]);
    expect(await readdir(work)).toEqual([]);
    const help = await runCommand(["src/cli/build.ts", "--help"], env);
    expect([help.code, help.stdout, help.stderr]).toEqual([0, lines(...usage), ""]);
    expect(await readdir(work)).toEqual([]);
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
