import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixtureDir, lines } from "../helpers.js";
import { previewFileOf } from "../../src/site-output/write-previews.js";
import { filesUnder, listing, snapshot } from "../hostile/site-safety.js";
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

  it("refuses a SITE_URL that is no http(s) address, as npm run check does: exit 2, French message, nothing built", async () => {
    const env = { NOTES_DIR: fixtureDir("template-text-vault"), OUTPUT_DIR: path.join(work, "_site"), SITE_URL: "museumxtd.github.io/jardin" };
    const message = "SITE_URL vaut « museumxtd.github.io/jardin », qui n'est pas l'adresse complète d'un site : donnez-la avec http:// ou https://, sans ? ni #, par exemple SITE_URL=https://exemple.github.io/jardin/.\n";
    for (const command of ["src/cli/build.ts", "src/cli/check.ts"]) {
      const run = await runCommand([command], env);
      expect([command, run.code, run.stdout, run.stderr]).toEqual([command, 2, "", message]);
    }
    expect(await readdir(work)).toEqual([]);
  });

  it("builds for the address SITE_URL gives, as GitHub Pages gives it to the publish workflow, over _data/site.json's", async () => {
    const site = path.join(work, "_site");
    const run = await runCommand(["src/cli/build.ts"], { NOTES_DIR: fixtureDir("template-text-vault"), OUTPUT_DIR: site, SITE_URL: "https://jardin.museumxtd.ch/" });
    expect(run.code).toBe(0);
    expect(await readFile(path.join(site, "robots.txt"), "utf8")).toContain("Sitemap: https://jardin.museumxtd.ch/sitemap.xml\n");
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain('<link rel="canonical" href="https://jardin.museumxtd.ch/">');
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

  it("names the page of notes to write under the site's path prefix in its summary", async () => {
    const run = await runCommand(["src/cli/build.ts"], { NOTES_DIR: fixtureDir("attachments-vault"), OUTPUT_DIR: path.join(work, "_site"), SITE_URL: "https://exemple.org/jardin/" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("dont 2 vers 1 note encore à écrire (liste sur /jardin/notes-a-ecrire/) ;");
  });

  it("publishes only the attachments published notes use, and counts the others in its summary", async () => {
    const site = path.join(work, "_site");
    const run = await runBuild(fixtureDir("attachments-vault"), site);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ : 1 note publiée et 8 liens, dont 2 vers 1 note encore à écrire \(liste sur \/notes-a-ecrire\/\) ; 10 fichiers joints laissés de côté \(non utilisés ou refusés\) ; 7 avertissements \(5 piece-jointe-refusee, 1 integration-introuvable, 1 lien-vers-brouillon\) ; /);
    const files = (await filesUnder(site)).filter((file) => !file.startsWith("pagefind/")).sort();
    expect(files).toEqual(
      [
        ".jardin-construit",
        "404.html",
        "accessibilite/index.html",
        "accueil/index.html",
        `assets/apercus/${previewFileOf("/accueil/")}`,
        "assets/apple-touch-icon.png",
        "assets/favicon.svg",
        "assets/graph.js",
        "assets/navigation.js",
        "assets/polices/literata-latin-ext-wght-italic.woff2",
        "assets/polices/literata-latin-ext-wght-normal.woff2",
        "assets/polices/literata-latin-wght-italic.woff2",
        "assets/polices/literata-latin-wght-normal.woff2",
        "assets/previews.js",
        "assets/search-dialog.js",
        "assets/search-query.js",
        "assets/search.js",
        "assets/site-url.js",
        "assets/site.css",
        "assets/theme.js",
        "assets/toc.js",
        "assets/video-embeds.js",
        "docs/plan.pdf",
        "flux.xml",
        "graphe/index.html",
        "images/carte.webp",
        "images/logo bleu.png",
        "images/schema.png",
        "index.html",
        "notes-a-ecrire/index.html",
        "notes/index.html",
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

/**
 * The real commands, run in a copy of the project inside a home folder of its own, with every folder setting that
 * once replaced the project or the notes by a site: each is refused with exit code 2 before anything is written.
 */
describe("npm run build and npm start with a folder they must refuse", () => {
  let work: string;
  let home: string;
  let project: string;
  let sibling: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-project-"));
    home = path.join(work, "maison");
    project = path.join(home, "projet");
    for (const entry of ["src", "_includes", "_data", "notes", ".eleventy.ts", "package.json", "tsconfig.json"]) {
      await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
    }
    await symlink(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
    await promisify(execFile)("git", ["init", "--quiet", project]);
    await mkdir(path.join(project, "x"));
    await writeFile(path.join(project, "x", "Note.md"), "# Note\n");
    sibling = path.join(project, "_site.precedent-sauvegarde-2024");
    await mkdir(sibling);
    await writeFile(path.join(sibling, "index.html"), "<title>Sauvegarde</title>");
    await writeFile(path.join(home, "lettre.txt"), "à garder");
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const refused = (output: string, reason: string) =>
    `Le dossier de sortie « ${output} » est refusé : ${reason}. Choisissez un dossier à part, qui ne contient ni le projet ni les notes (par défaut : _site dans le projet), puis relancez.`;
  const blank = (setting: string, fallback: string) => `${setting} est vide. Indiquez un dossier, ou retirez ${setting} pour utiliser le dossier par défaut « ${fallback} ».`;

  it("refuses each of them, and leaves the project, the notes, the home folder and a sibling byte for byte", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ OUTPUT_DIR: "" }, blank("OUTPUT_DIR", path.join(project, "_site"))],
      [{ OUTPUT_DIR: " \t" }, blank("OUTPUT_DIR", path.join(project, "_site"))],
      [{ NOTES_DIR: "" }, blank("NOTES_DIR", path.join(project, "notes"))],
      [{ NOTES_DIR: "absent" }, `Le dossier de notes « ${path.join(project, "absent")} » est introuvable. Indiquez-le avec NOTES_DIR=<dossier>.`],
      [{ OUTPUT_DIR: "/" }, refused("/", "c'est la racine du disque")],
      [{ OUTPUT_DIR: home }, refused(home, "c'est votre dossier personnel")],
      [{ OUTPUT_DIR: ".." }, refused(home, "c'est votre dossier personnel")],
      [{ OUTPUT_DIR: work }, refused(work, "il contient votre dossier personnel")],
      [{ OUTPUT_DIR: "." }, refused(project, "c'est le dossier du projet")],
      [{ OUTPUT_DIR: "notes" }, refused(path.join(project, "notes"), "c'est le dossier des notes")],
      [{ NOTES_DIR: "x", OUTPUT_DIR: "x" }, refused(path.join(project, "x"), "c'est le dossier des notes")],
      [{ OUTPUT_DIR: "notes/_site" }, refused(path.join(project, "notes", "_site"), "il est dans le dossier des notes")],
      [{ NOTES_DIR: "x", OUTPUT_DIR: "src" }, `Le dossier de sortie « ${path.join(project, "src")} » existe déjà et ne contient pas un site construit ici : la construction le remplacerait entièrement. Choisissez un dossier qui n'existe pas encore, ou videz celui-ci, puis relancez.`],
    ];
    const before = { files: await snapshot(work), entries: await listing(work) };
    for (const command of ["src/cli/build.ts", "src/cli/serve.ts"]) {
      const runs = await Promise.all(cases.map(([env]) => runCommand([command], { HOME: home, ...env }, 60_000, project)));
      runs.forEach((run, i) => {
        const [env, message] = cases[i]!;
        expect({ env, command, code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ env, command, code: 2, stderr: `${message}\n`, stdout: "" });
      });
    }
    expect(await listing(work)).toEqual(before.entries);
    expect(await snapshot(work)).toEqual(before.files);
  }, 120_000);

  it("builds into _site, twice, beside a sibling that only looks like its own folders", async () => {
    const site = path.join(project, "_site");
    const before = { files: await snapshot(work), entries: await listing(work) };
    for (let build = 1; build <= 2; build++) {
      const run = await runCommand(["src/cli/build.ts"], { HOME: home }, 60_000, project);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain('<html lang="fr" data-base="/">');
    expect(await listing(work, [site])).toEqual(before.entries);
    const inSite = `${path.relative(work, site)}/`;
    expect(Object.fromEntries(Object.entries(await snapshot(work)).filter(([file]) => !file.startsWith(inSite)))).toEqual(before.files);
  }, 120_000);
});
