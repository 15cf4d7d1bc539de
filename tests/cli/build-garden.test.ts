import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden, type BuildResult } from "../../src/cli/build-garden.js";
import { GardenBuildError } from "../../src/eleventy-plugin/garden-build-error.js";
import { fixtureDir, scanGarden } from "../helpers.js";
import { pagefindFragments } from "../search-index/pagefind-fragments.js";

const NOTES_DIR = fileURLToPath(new URL("../../notes", import.meta.url));

const SLUGS = {
  skills: "quelles-sont-les-competences-numeriques-a-acquerir-et-a-developper-en-interne",
  day: "journee-professionnelle-la-strategie-numerique-dans-les-musees-pour-une-approche-globale-du-numerique",
  initiatives: "initiatives-internationales-pour-la-transition-des-petits-et-moyens-musees",
  strategy: "qu-est-ce-qu-une-strategie-numerique-pour-un-musee",
} as const;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html") && !e.parentPath.includes(`${path.sep}pagefind`)).map((e) => path.join(e.parentPath, e.name));
}

describe("building notes/ in process", () => {
  let work: string;
  let site: string;
  let result: BuildResult;
  const page = (slug: string) => readFile(path.join(site, slug, "index.html"), "utf8");

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-build-"));
    site = path.join(work, "_site");
    result = await buildGarden(NOTES_DIR, site);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("writes each of the four notes at its French slug", async () => {
    for (const slug of Object.values(SLUGS)) {
      expect(await page(slug)).toContain('<article class="note"');
    }
  });

  it("resolves the link of 004 to the study day despite the spaces inside its brackets", async () => {
    expect(await page(SLUGS.strategy)).toContain(
      `<a href="/${SLUGS.day}/" class="wikilink">Journée professionnelle - La Stratégie numérique dans les musées, pour une approche globale du numérique</a>`,
    );
  });

  it("lists 004 in the backlinks of 002, with the sentence around the link", async () => {
    const html = await page(SLUGS.day);
    const panel = html.slice(html.indexOf('<section class="backlinks"'), html.indexOf("</section>", html.indexOf('<section class="backlinks"')));
    expect(panel).toContain("Pages qui mentionnent cette note");
    expect(panel).toContain(`<a href="/${SLUGS.strategy}/">Qu&#39;est-ce qu&#39;une stratégie numérique pour un musée ?</a>`);
    expect(panel).toContain("<p>Journée professionnelle - La Stratégie numérique dans les musées, pour une approche globale du numérique — En 2018, l&#39;Institut national du patrimoine");
    expect([...panel.matchAll(/<li>/g)]).toHaveLength(1);
  });

  it("renders [[One-by-One]] as a note still to be written, never as a link", async () => {
    for (const slug of [SLUGS.skills, SLUGS.initiatives]) {
      const html = await page(slug);
      expect(html).toContain('<a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">One-by-One<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a>');
      expect(html).not.toMatch(/<a [^>]*>One-by-One<\/a>/);
    }
  });

  it("recovers the question tag of 004 from its YAML comment, with a warning at its line", async () => {
    const strategy = (await scanGarden(NOTES_DIR)).notes.find((n) => n.url === `/${SLUGS.strategy}/`)!;
    expect(strategy.tags).toEqual(["question"]);
    const warning = result.problems.find((p) => p.file === strategy.file && p.code === "tag-commentaire");
    expect(warning).toMatchObject({ level: "avertissement", line: 5, column: 1 });
    expect(await page(SLUGS.strategy)).toContain('data-tags="question" data-pagefind-meta="étiquettes[data-tags]"');
  });

  it("gives every page lang=fr and the contact mailto in its footer", async () => {
    const files = await htmlFiles(site);
    expect(files.map((f) => path.relative(site, f).split(path.sep).join("/")).sort()).toEqual(
      [
        "404.html",
        "accessibilite/index.html",
        "graphe/index.html",
        "index.html",
        "notes-a-ecrire/index.html",
        "notes/index.html",
        "recherche/index.html",
        "tags/index.html",
        ...["liens", "projet", "question", "rapport", "strategie"].map((tag) => `tags/${tag}/index.html`),
        ...Object.values(SLUGS).map((slug) => `${slug}/index.html`),
      ].sort(),
    );
    for (const file of files) {
      const html = await readFile(file, "utf8");
      expect(html, file).toContain('<html lang="fr" data-base="/">');
      expect(html, file).toMatch(/<footer[\s\S]*Contact\u00a0: <a href="mailto:info@museumxtd\.ch">info@museumxtd\.ch<\/a>[\s\S]*<\/footer>/);
    }
  });

  it("adds a remark mailto to each note, with its title URL-encoded in the subject", async () => {
    const subject = encodeURIComponent("Remarque sur la note « Initiatives internationales pour la transition des petits et moyens musées »");
    expect(await page(SLUGS.initiatives)).toContain(`Une remarque sur cette note\u202f? <a href="mailto:info@museumxtd.ch?subject=${subject}">Écrivez-nous</a>`);
  });

  it("writes a French Pagefind index of the four notes", async () => {
    const entry = JSON.parse(await readFile(path.join(site, "pagefind", "pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toEqual(["fr"]);
    expect(entry.languages.fr.page_count).toBe(4);
    expect(result.searchPages).toBe(4);
    expect((await readdir(path.join(site, "pagefind"))).filter((f) => f.startsWith("pagefind-ui."))).toEqual(["pagefind-ui.css", "pagefind-ui.js"]);
  });

  it("indexes each note's text, without its local graph nor the hints for screen readers", async () => {
    const fragments = await pagefindFragments(site);
    expect(fragments.map((f) => f.url)).toEqual(Object.values(SLUGS).map((slug) => `/${slug}/`).sort());
    const initiatives = fragments.find((f) => f.url === `/${SLUGS.initiatives}/`)!;
    expect(initiatives.meta.title).toBe("Initiatives internationales pour la transition des petits et moyens musées");
    expect(initiatives.content).toContain("One-by-One");
    for (const { url, content } of fragments) {
      for (const hidden of ["(lien externe)", "(note à venir)", "↗", "Notes voisines", "Pages qui mentionnent"]) expect(content, `${url} : ${hidden}`).not.toContain(hidden);
    }
  });

  it("lists One-by-One first on « Notes à écrire », called by its two notes", async () => {
    const { missing } = await scanGarden(NOTES_DIR);
    expect(missing[0]?.name).toBe("One-by-One");
    expect(missing[0]?.callers.map((n) => n.file)).toEqual([
      "Initiatives internationales pour la transition des petits et moyens musées.md",
      "Quelles sont les compétences numériques à acquérir et à développer en interne.md",
    ]);
    const html = await readFile(path.join(site, "notes-a-ecrire", "index.html"), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain("data-pagefind-body");
    const item = html.slice(html.indexOf("<h3>One-by-One</h3>"), html.indexOf("</section>", html.indexOf("<h3>One-by-One</h3>")));
    expect(item).toContain("appelée par 2 notes");
    expect(item).toContain(`href="/${SLUGS.initiatives}/"`);
    expect(item).toContain(`href="/${SLUGS.skills}/"`);
  });

  it("groups « Toutes les notes » by type tag", async () => {
    const html = await readFile(path.join(site, "notes", "index.html"), "utf8");
    const questions = html.indexOf(">Questions</h2>");
    const resources = html.indexOf(">Ressources</h2>");
    expect(questions).toBeGreaterThan(-1);
    expect(resources).toBeGreaterThan(questions);
    expect(html.slice(questions, resources)).toContain(`href="/${SLUGS.strategy}/"`);
    expect(html.slice(resources)).toContain(`href="/${SLUGS.day}/"`);
  });
});

describe("building a vault whose notes hold template syntax", () => {
  it("keeps {{ }}, {% %}, {# #} and ${} as text", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "garden-build-"));
    try {
      await buildGarden(fixtureDir("template-text-vault"), path.join(work, "_site"));
      const html = await readFile(path.join(work, "_site", "gabarits", "index.html"), "utf8");
      expect(html).toContain("<p>Écrire {{ site.name }} ou {% include &quot;x&quot; %} ou {# commentaire #} ou ${process.env.HOME} reste du texte.</p>");
      expect(html).toContain('<a href="/autre/" class="wikilink">Autre</a>');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("a garden larger than its global graph", () => {
  it("draws the 200 most linked notes on /graphe/ and says how many there are in all", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "garden-big-graph-"));
    try {
      const notes = path.join(work, "notes");
      await mkdir(notes);
      // A chain of 205 notes, each linking to the next; the last links to a note still to be written.
      const name = (i: number) => `Note ${String(i).padStart(3, "0")}`;
      for (let i = 1; i <= 205; i++) await writeFile(path.join(notes, `${name(i)}.md`), `# ${name(i)}\n\nVoir [[${name(i + 1)}]].\n`);
      await buildGarden(notes, path.join(work, "_site"));
      const html = await readFile(path.join(work, "_site", "graphe", "index.html"), "utf8");
      expect(html).toContain(
        '<p>Pour rester lisible, le graphe ne montre que les 200 notes les plus reliées, sur 206 notes publiées ou à écrire ; les notes à écrire sont toutes sur <a href="/notes-a-ecrire/">leur propre page</a>.</p>',
      );
      // The legend's four dots aside.
      expect([...html.slice(html.indexOf('<figure class="graphe-global">')).matchAll(/<circle /g)]).toHaveLength(200);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("a build that fails in Eleventy's thread", () => {
  it("rejects with the innermost message of the error, and leaves the previous site in place", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "garden-failed-"));
    try {
      const site = path.join(work, "_site");
      await mkdir(site);
      await writeFile(path.join(site, "index.html"), "ancien site");
      const missing = path.join(work, "pas-de-notes");
      // Eleventy's own check of its input folder, thrown in the worker and wrapped there.
      await expect(buildGarden(missing, site)).rejects.toThrow(/^The "[^"]*pas-de-notes" `input` parameter \(directory or file path\) must exist on the file system/);
      expect(await readFile(path.join(site, "index.html"), "utf8")).toBe("ancien site");
      expect((await readdir(work)).sort()).toEqual(["_site"]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("building a vault with links, devices, pipes, an .eleventyignore and notes kept off the site", () => {
  let work: string;
  let site: string;
  let result: BuildResult;
  const write = async (file: string, text: string | Buffer) => {
    await mkdir(path.dirname(path.join(work, "notes", file)), { recursive: true });
    await writeFile(path.join(work, "notes", file), text);
  };
  const exists = (file: string) => stat(path.join(site, file)).then(() => true, () => false);

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-odd-vault-"));
    site = path.join(work, "_site");
    const notes = path.join(work, "notes");
    await write("Accueil.md", "# Accueil\n\nVoir [[Ignorée]], [[Été]], [[Brouillon oui]] et [[Question]].\n");
    await write("Dossier/Ignorée.md", "# Ignorée\n\nUne note que .eleventyignore nommait.\n");
    await write(".eleventyignore", "Dossier/\n*.md\n");
    await write("Été.md", Buffer.from("\uFEFF---\ntags: [musée]\n---\n# Été à Orsay\n\nL'œuvre du mois.\n", "utf16le"));
    await write("Brouillon oui.md", "---\ndraft: oui\n---\n# Brouillon oui\n\nPas encore.\n");
    await write("Templates/Question.md", "# {{title}}\n\nRéponse courte.\n");
    await write(".trash/Jetée.md", "# Jetée\n");
    await symlink("/dev/zero", path.join(notes, "zero.md"));
    // Glob characters and a name written in NFD, as macOS writes it: Eleventy must ignore these very files.
    await symlink("/dev/zero", path.join(notes, "Zéro [1] (copie)*?.md"));
    await symlink("/dev/zero", path.join(notes, "Zéro décomposé.md".normalize("NFD")));
    await symlink(".", path.join(notes, "Dossier", "boucle"));
    execFileSync("mkfifo", [path.join(notes, "tube.md")]);
    result = await buildGarden(notes, site);
  }, 60_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("finishes, and publishes the notes, the one .eleventyignore named included", async () => {
    expect(result.published).toBe(3);
    expect(await readFile(path.join(site, "dossier", "ignoree", "index.html"), "utf8")).toContain("Une note que .eleventyignore nommait.");
    expect(await readFile(path.join(site, "accueil", "index.html"), "utf8")).toContain('<a href="/dossier/ignoree/" class="wikilink">Ignorée</a>');
  });

  it("decodes a UTF-16 note", async () => {
    const html = await readFile(path.join(site, "ete", "index.html"), "utf8");
    expect(html).toContain('<h1 id="ete-a-orsay">Été à Orsay</h1>');
    expect(html).toContain("<p>L'œuvre du mois.</p>");
  });

  it("publishes no link, pipe, draft, template or note of a hidden folder", async () => {
    for (const page of ["zero/index.html", "tube/index.html", "dossier/boucle", "brouillon-oui/index.html", "templates/question/index.html", "trash/jetee/index.html", ".trash"]) {
      expect(await exists(page), page).toBe(false);
    }
    const home = await readFile(path.join(site, "accueil", "index.html"), "utf8");
    expect(home).toContain('<a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">Brouillon oui<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a>');
    expect(home).toContain('<a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">Question<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a>');
  });

  it("reports each skipped entry by its path, and the .eleventyignore", () => {
    expect(result.problems.filter((p) => p.level === "avertissement").map((p) => [p.file, p.code])).toEqual([
      [".eleventyignore", "eleventyignore-sans-effet"],
      ["Accueil.md", "lien-vers-brouillon"],
      ["Accueil.md", "lien-vers-brouillon"],
      ["Dossier/boucle", "entree-ignoree"],
      // Its first line, « # Été à Orsay », is its title, but links name it « Été ».
      ["Été.md", "titre-different-du-nom"],
      ["tube.md", "entree-ignoree"],
      ["Zéro [1] (copie)*?.md", "entree-ignoree"],
      ["Zéro décomposé.md", "entree-ignoree"],
      ["zero.md", "entree-ignoree"],
    ]);
  });
});

describe("a build with a publication value not understood", () => {
  it("stops on publication-invalide, at the note's line, and leaves the previous site in place", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "garden-publication-"));
    try {
      const notes = path.join(work, "notes");
      const site = path.join(work, "_site");
      await mkdir(notes);
      await mkdir(site);
      await writeFile(path.join(site, "index.html"), "ancien site");
      await writeFile(path.join(notes, "Accueil.md"), "# Accueil\n");
      await writeFile(path.join(notes, "Plan.md"), "---\ntitle: Plan\npublish: plus tard\n---\n# Plan\n");
      const failure = await buildGarden(notes, site).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(GardenBuildError);
      expect((failure as GardenBuildError).problems.map((p) => [p.file, p.line, p.level, p.code])).toEqual([["Plan.md", 3, "erreur", "publication-invalide"]]);
      expect(await readFile(path.join(site, "index.html"), "utf8")).toBe("ancien site");
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
