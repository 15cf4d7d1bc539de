import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureDir } from "../helpers.js";
import { filesUnder, snapshot } from "../hostile/site-safety.js";
import { ROOT, runBuild } from "./run-command.js";

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

  it("publishes only the attachments published notes use, and counts the others in its summary", async () => {
    const site = path.join(work, "_site");
    const run = await runBuild(fixtureDir("attachments-vault"), site);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ : 1 note publiée et 7 liens, dont 2 vers 1 note encore à écrire \(liste sur \/notes-a-ecrire\/\) ; 9 fichiers joints laissés de côté \(non utilisés ou refusés\) ; 6 avertissements ; /);
    const files = (await filesUnder(site)).filter((file) => !file.startsWith("pagefind/")).sort();
    expect(files).toEqual(
      [
        "404.html",
        "accessibilite/index.html",
        "accueil/apercu.json",
        "accueil/index.html",
        "assets/previews.js",
        "assets/search.js",
        "assets/site.css",
        "assets/theme.js",
        "assets/video-embeds.js",
        "docs/plan.pdf",
        "flux.xml",
        "graphe/index.html",
        "images/carte.webp",
        "images/logo bleu.png",
        "images/schema.png",
        "index.html",
        "notes-a-ecrire/index.html",
        "pastille.svg",
        "recherche/index.html",
        "robots.txt",
        "salle.png",
        "sitemap.xml",
        "tags/index.html",
      ].sort(),
    );
    expect(await readFile(path.join(site, "images", "logo bleu.png"), "utf8")).toBe("PNG-logo");
  });
});
