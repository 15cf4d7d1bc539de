import type { Problem } from "../../src/vault-scan/problem.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLinkGraph, outgoingAt, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { asSiteUrl, toVaultPath } from "../../src/vault-scan/paths.js";
import { readVault } from "../../src/vault-scan/read-vault.js";
import { reservedUrls as siteReservedUrls } from "../../src/site/pages.js";
import { fixtureDir, lines, memoryVault, SITE } from "../helpers.js";

/** Findings about links and URLs only: the note-level ones (orphans, titles unlike file names) have their own tests. */
const NOTE_LEVEL_CODES = new Set(["note-orpheline", "titre-different-du-nom", "note-vide", "titre-en-double", "alias-en-double"]);
function linkProblems(graph: { readonly problems: readonly Problem[] }): Problem[] {
  return graph.problems.filter((p) => !NOTE_LEVEL_CODES.has(p.code));
}

describe("buildLinkGraph on tests/fixtures/garden-vault", () => {
  let graph: LinkGraph;
  beforeAll(async () => {
    graph = buildLinkGraph(await readVault(fixtureDir("garden-vault"), SITE), { reservedUrls: new Map() });
  });

  it("lists backlinks once per linking note, in French order of titles, with the sentence around the first link", () => {
    const backlinks = graph.backlinks.get(toVaultPath("Stratégie numérique.md")) ?? [];
    expect(backlinks.map((b) => [b.from.title, b.from.file, b.line, b.context])).toEqual([
      ["abeille", "abeille.md", 3, "Une abeille lit la Stratégie numérique > Section absente attentivement."],
      ["Accueil", "Accueil.md", 3, "Voir la Stratégie numérique du musée."],
      ["Bibliothèque", "z-fichier.md", 4, "La bibliothèque suit la Stratégie numérique."],
      ["Écomusée", "Écomusée.md", 5, ""],
      ["Été", "Été.md", 3, "Stratégie numérique — La stratégie décrite pour l'été."],
      ["Zoo", "Zoo.md", 3, "Le zoo applique la Stratégie numérique."],
    ]);
  });

  it("counts an embed as a backlink, and neither a self-link nor a draft's link", () => {
    const from = (graph.backlinks.get(toVaultPath("Stratégie numérique.md")) ?? []).map((b) => b.from.file);
    expect(from).toContain("Écomusée.md");
    expect(from).not.toContain("Stratégie numérique.md");
    expect(from).not.toContain("Brouillon/Brouillon interne.md");
    const embed = graph.outgoing.get(toVaultPath("Écomusée.md"))?.[0];
    expect([embed?.occurrence.syntax.embed, embed?.resolution.kind]).toEqual([true, "note"]);
  });

  it("keeps backlinks only for notes that are linked", () => {
    expect([...graph.backlinks.keys()].sort()).toEqual(["Accueil.md", "Stratégie numérique.md"]);
    expect(graph.backlinks.get(toVaultPath("Accueil.md"))?.map((b) => [b.from.file, b.line, b.context])).toEqual([
      ["Stratégie numérique.md", 3, "Retour à l'Accueil."],
    ]);
  });

  it("lists missing targets most-called first, merging case, with each caller once in French order", () => {
    expect(graph.missing.map((m) => [m.name, m.callers.map((c) => c.file), m.occurrences.length])).toEqual([
      ["Note à venir", ["Accueil.md", "Écomusée.md", "Stratégie numérique.md", "Zoo.md"], 5],
      ["Autre idée", ["Stratégie numérique.md"], 1],
      ["Brouillon interne", ["Accueil.md"], 1],
    ]);
    expect(graph.missing[0]?.occurrences.map((o) => [o.from.file, o.line, o.column])).toEqual([
      ["Accueil.md", 3, 52],
      ["Stratégie numérique.md", 3, 36],
      ["Zoo.md", 5, 8],
      ["Zoo.md", 5, 38],
      ["Écomusée.md", 7, 6],
    ]);
  });

  it("does not list the links of a draft as missing targets", () => {
    expect(graph.missing.map((m) => m.name)).not.toContain("Idée cachée");
  });

  it("lists published notes in French order of titles", () => {
    expect(graph.published.map((n) => n.title)).toEqual(["abeille", "Accueil", "Bibliothèque", "Écomusée", "Été", "Stratégie numérique", "Zoo"]);
  });

  it("keeps outgoing links in document order for every note, drafts included", () => {
    expect(graph.outgoing.get(toVaultPath("Accueil.md"))?.map((l) => [l.occurrence.syntax.target.note, l.resolution.kind])).toEqual([
      ["Stratégie numérique", "note"],
      ["Note à venir", "missing"],
      ["Stratégie numérique", "note"],
      ["Brouillon interne", "unpublished"],
    ]);
    expect(graph.outgoing.get(toVaultPath("Brouillon/Brouillon interne.md"))?.map((l) => l.resolution.kind)).toEqual(["note", "missing"]);
  });

  it("reports link problems sorted by file, line and column", () => {
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.column, p.level, p.code])).toEqual([
      ["abeille.md", 3, 20, "avertissement", "section-introuvable"],
      ["Accueil.md", 3, 52, "info", "note-a-venir"],
      ["Accueil.md", 7, 17, "avertissement", "lien-vers-brouillon"],
      ["Brouillon/Brouillon interne.md", 3, 40, "info", "note-a-venir"],
      ["Écomusée.md", 7, 6, "info", "note-a-venir"],
      ["Stratégie numérique.md", 3, 36, "info", "note-a-venir"],
      ["Stratégie numérique.md", 3, 56, "info", "note-a-venir"],
      ["Zoo.md", 5, 8, "info", "note-a-venir"],
      ["Zoo.md", 5, 38, "info", "note-a-venir"],
    ]);
    expect(linkProblems(graph)[0]?.message).toBe(
      "La section « Section absente » n'existe pas dans « Stratégie numérique.md » : le lien [[Stratégie numérique#Section absente]] mène au début de la note. Corrigez le titre de section après « # ».",
    );
    expect(linkProblems(graph)[2]?.message).toBe(
      "Le lien [[Brouillon interne]] mène à « Brouillon/Brouillon interne.md », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.",
    );
  });
});

describe("buildLinkGraph: embeds of a missing section or block", () => {
  it("says that the page shows, in place of the embed, that the section or block is missing", () => {
    const graph = buildLinkGraph(memoryVault({ "Lecteur.md": lines("# Lecteur", "", "![[Cible#Absente]]", "", "![[Cible#^absent]]"), "Cible.md": "# Cible\n" }), { reservedUrls: new Map() });
    expect(linkProblems(graph).map((p) => [p.line, p.code, p.message])).toEqual([
      [3, "section-introuvable", "La section « Absente » n'existe pas dans « Cible.md » : ![[Cible#Absente]] n'intègre rien, la page le signale à sa place. Corrigez le titre de section après « # »."],
      [5, "bloc-introuvable", "Le bloc « ^absent » n'existe pas dans « Cible.md » : ![[Cible#^absent]] n'intègre rien, la page le signale à sa place."],
    ]);
  });
});

describe("buildLinkGraph: URLs", () => {
  const reservedUrls = new Map([[asSiteUrl("/recherche/"), "Recherche"]]);

  it("reports two notes on one URL as url-en-double, naming both files", () => {
    const graph = buildLinkGraph(memoryVault({ "Musée.md": "# Musée\n", "Musee.md": "# Musee\n" }), { reservedUrls });
    expect(linkProblems(graph)).toEqual([
      {
        level: "erreur",
        code: "url-en-double",
        file: "Musee.md",
        line: 1,
        column: 1,
        message: "« Musee.md » et « Musée.md » seraient publiées à la même adresse /musee/. Renommez l'une des deux notes ou donnez-lui un permalink.",
      },
    ]);
  });

  it("reports a permalink taking another note's URL at the permalink's line, ignoring case", () => {
    const graph = buildLinkGraph(
      memoryVault({ "Dossier/Guide.md": "# Guide\n", "Autre.md": "---\ntitle: Autre\npermalink: /Dossier/Guide/\n---\n" }),
      { reservedUrls },
    );
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.level, p.code])).toEqual([["Autre.md", 3, "erreur", "url-en-double"]]);
    expect(linkProblems(graph)[0]?.message).toBe(
      "« Autre.md » et « Dossier/Guide.md » seraient publiées à la même adresse /Dossier/Guide/. Renommez l'une des deux notes ou donnez-lui un permalink.",
    );
  });

  it("reports a note on a URL the site reserves as url-en-double", () => {
    const graph = buildLinkGraph(memoryVault({ "Recherche.md": "# Recherche\n" }), { reservedUrls });
    expect(linkProblems(graph)).toEqual([
      {
        level: "erreur",
        code: "url-en-double",
        file: "Recherche.md",
        line: 1,
        column: 1,
        message: "L'adresse /recherche/ est déjà celle de la page « Recherche » du site. Renommez la note ou donnez-lui un permalink.",
      },
    ]);
  });

  it("reports a note on the page of a tag of another note's text, nested tags' parents included", () => {
    const vault = memoryVault({ "Étiquetée.md": "# Étiquetée\n\nRangée sous #collections/réserves.\n", "Squatteuse.md": "---\npermalink: /tags/collections/\n---\n# Squatteuse\n" });
    const graph = buildLinkGraph(vault, { reservedUrls: siteReservedUrls(vault.notes) });
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.code, p.message])).toEqual([
      ["Squatteuse.md", 2, "url-en-double", "L'adresse /tags/collections/ est déjà celle de la page « Étiquette « collections » » du site. Renommez la note ou donnez-lui un permalink."],
    ]);
  });

  it("gives / to the vault root's index.md, the home page, and reserves it from any other note", () => {
    // Listed before index.md, as a vault's folder walk would list it.
    const vault = memoryVault({ "Accueil.md": "---\npermalink: /\n---\n# Accueil\n", "Dossier/index.md": "# Dossier\n", "index.md": "# Bienvenue\n" });
    const graph = buildLinkGraph(vault, { reservedUrls: siteReservedUrls(vault.notes) });
    expect(Object.fromEntries(graph.published.map((n) => [n.file, n.url]))).toEqual({ "Accueil.md": "/", "Dossier/index.md": "/dossier/index/", "index.md": "/" });
    expect(linkProblems(graph).map((p) => [p.file, p.code, p.message])).toEqual([
      ["Accueil.md", "url-en-double", "« Accueil.md » et « index.md » seraient publiées à la même adresse /. Renommez l'une des deux notes ou donnez-lui un permalink."],
    ]);
    // Nothing links to the home page, where readers start: it is no orphan.
    expect(graph.problems.filter((p) => p.code === "note-orpheline").map((p) => p.file)).toEqual(["Accueil.md", "Dossier/index.md"]);
    // Without index.md, / is the site's own home page.
    const alone = memoryVault({ "Accueil.md": "---\npermalink: /\n---\n# Accueil\n" });
    expect(linkProblems(buildLinkGraph(alone, { reservedUrls: siteReservedUrls(alone.notes) })).map((p) => p.message)).toEqual([
      "L'adresse / est déjà celle de la page « Accueil » du site. Renommez la note ou donnez-lui un permalink.",
    ]);
  });

  it("reports a permalink that would make a file of the site, or a note's page, a folder", () => {
    const site = new Map([
      [asSiteUrl("/flux.xml"), "Flux Atom"],
      [asSiteUrl("/404.html"), "Page introuvable"],
      [asSiteUrl("/assets/site.css"), "assets/site.css"],
    ]);
    const permalink = (url: string) => `---\npermalink: ${url}\n---\n# Note\n`;
    const graph = buildLinkGraph(
      memoryVault({
        "Flux.md": permalink("/flux.xml/"),
        "Feuille.md": permalink("/assets/site.css/"),
        "Introuvable.md": permalink("/404.HTML/"),
        "Page.md": permalink("/page.html"),
        "Sous-page.md": permalink("/Page.html/sous-page/"),
        "Recherche.md": permalink("/pagefind/recherche/"),
        "Assets.md": permalink("/assets/"),
        "Encodee.md": permalink("/%70agefind/x/"),
      }),
      { reservedUrls: site },
    );
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.code, p.message])).toEqual([
      ["Assets.md", 2, "dossier-reserve", "La note serait publiée à l'adresse /assets/, dans le dossier /assets/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /assets/."],
      ["Encodee.md", 2, "dossier-reserve", "La note serait publiée à l'adresse /%70agefind/x/, dans le dossier /pagefind/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /pagefind/."],
      ["Feuille.md", 2, "dossier-reserve", "La note serait publiée à l'adresse /assets/site.css/, dans le dossier /assets/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /assets/."],
      ["Flux.md", 2, "url-en-double", "L'adresse /flux.xml/ ferait un dossier de /flux.xml, qui est déjà le fichier « Flux Atom » du site. Donnez à la note une autre adresse, par exemple « /ma-note/ »."],
      ["Introuvable.md", 2, "url-en-double", "L'adresse /404.HTML/ ferait un dossier de /404.html, qui est déjà la page « Page introuvable » du site. Donnez à la note une autre adresse, par exemple « /ma-note/ »."],
      ["Recherche.md", 2, "dossier-reserve", "La note serait publiée à l'adresse /pagefind/recherche/, dans le dossier /pagefind/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /pagefind/."],
      ["Sous-page.md", 2, "url-en-double", "L'adresse /Page.html/sous-page/ ferait un dossier de /page.html, qui est déjà la page de la note « Page.md ». Donnez à la note une autre adresse, par exemple « /ma-note/ »."],
    ]);
  });

  it("compares URLs percent-decoded and in NFC", () => {
    const permalink = (url: string) => `---\npermalink: ${url}\n---\n# Note\n`;
    const graph = buildLinkGraph(
      memoryVault({ "A.md": permalink("/café/"), "B.md": permalink("/caf%C3%A9/"), "C.md": permalink("/cafe\u0301/"), "D.md": permalink("/%72echerche/") }),
      { reservedUrls },
    );
    expect(linkProblems(graph).map((p) => [p.file, p.code, p.message])).toEqual([
      ["B.md", "url-en-double", "« B.md » et « A.md » seraient publiées à la même adresse /caf%C3%A9/. Renommez l'une des deux notes ou donnez-lui un permalink."],
      ["C.md", "url-en-double", "« C.md » et « A.md » seraient publiées à la même adresse /cafe\u0301/. Renommez l'une des deux notes ou donnez-lui un permalink."],
      ["D.md", "url-en-double", "L'adresse /%72echerche/ est déjà celle de la page « Recherche » du site. Renommez la note ou donnez-lui un permalink."],
    ]);
  });

  it("lets a draft share a URL, since it is not published", () => {
    const graph = buildLinkGraph(memoryVault({ "Musée.md": "# Musée\n", "Musee.md": "---\ndraft: true\n---\n", "Recherche.md": "---\npublish: false\n---\n" }), {
      reservedUrls,
    });
    expect(linkProblems(graph)).toEqual([]);
  });

  it("reports a permalink leaving the site as permalink-invalide", () => {
    const graph = buildLinkGraph(memoryVault({ "A.md": "---\npermalink: /../dehors/\n---\n" }), { reservedUrls });
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.level, p.code])).toEqual([["A.md", 2, "erreur", "permalink-invalide"]]);
  });

  it("reports a permalink with a name too long for any file system as permalink-invalide", () => {
    const graph = buildLinkGraph(memoryVault({ "A.md": `---\npermalink: /${"é".repeat(128)}/\n---\n`, "B.md": `---\npermalink: /${"e".repeat(255)}/\n---\n` }), { reservedUrls });
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.code])).toEqual([["A.md", 2, "permalink-invalide"]]);
    expect(linkProblems(graph)[0]?.message).toMatch(/a une partie de plus de 255 octets entre deux « \/ » : aucun système de fichiers n'accepte un nom aussi long\. Raccourcissez-le\.$/);
  });

  it("keeps the front-matter problems of the vault", () => {
    const graph = buildLinkGraph(memoryVault({ "A.md": "---\ntags: #question\n---\n" }), { reservedUrls });
    expect(linkProblems(graph).map((p) => [p.file, p.line, p.code])).toEqual([["A.md", 2, "tag-commentaire"]]);
  });
});

describe("an ambiguous link to a note at the root of the vault", () => {
  it("suggests another candidate's path, since the written link is already the chosen note's whole path", () => {
    const graph = buildLinkGraph(
      memoryVault({ "Guide.md": "# Guide\n", "Archives/Guide.md": "# Ancien guide\n", "Accueil.md": "# Accueil\n\nVoir [[Guide]].\n" }),
      { reservedUrls: new Map() },
    );
    expect(graph.problems.filter((p) => p.code === "lien-ambigu").map((p) => p.message)).toEqual([
      "Le lien [[Guide]] peut désigner plusieurs notes : « Guide.md », « Archives/Guide.md ». Il mène à « Guide.md », à la racine du coffre ; pour en choisir une autre, écrivez son chemin complet, par exemple [[Archives/Guide]].",
    ]);
  });
});

describe("buildLinkGraph: links to notes kept off the site", () => {
  it("treats a note hidden by any spelling, a Drafts folder or the templates folder as a draft, and finds no fault in a template", () => {
    const graph = buildLinkGraph(
      memoryVault({
        "Accueil.md": "# Accueil\n\n[[Oui]] [[Non]] [[Esquisse]] [[Question]] [[Douteuse]]\n",
        "Oui.md": "---\ndraft: Oui\n---\n# Oui\n",
        "Non.md": "---\npublished: non\n---\n# Non\n",
        "Drafts/Esquisse.md": "# Esquisse\n",
        "Templates/Question.md": "---\ndate: {{date}} {{time}}\n---\n# {{title}}\n\n[[Titre d'une ressource]] [[Acceuil]]\n",
        "Douteuse.md": "---\ndraft: peut-être\n---\n# Douteuse\n",
      }),
      { reservedUrls: new Map() },
    );
    expect(graph.published.map((n) => n.file)).toEqual(["Accueil.md"]);
    expect(graph.outgoing.get(toVaultPath("Accueil.md"))?.map((l) => l.resolution.kind)).toEqual(["unpublished", "unpublished", "unpublished", "unpublished", "unpublished"]);
    expect(linkProblems(graph).map((p) => [p.file, p.column, p.code])).toEqual([
      ["Accueil.md", 1, "lien-vers-brouillon"],
      ["Accueil.md", 9, "lien-vers-brouillon"],
      ["Accueil.md", 17, "lien-vers-brouillon"],
      ["Accueil.md", 30, "lien-vers-brouillon"],
      ["Accueil.md", 43, "lien-vers-brouillon"],
      ["Douteuse.md", 1, "publication-invalide"],
    ]);
    // As drafts are, the notes are listed among the notes to write; the template's own links are not.
    expect(graph.missing.map((m) => m.name).sort()).toEqual(["Douteuse", "Esquisse", "Non", "Oui", "Question"]);
  });
});

describe("outgoingAt", () => {
  const graph = buildLinkGraph(
    memoryVault({
      "Lecteur.md": "---\ntitle: Lecteur\n---\n> Voir [[Cible]] et [[Cible#Partie]].\n\n| [[Autre]] | [[Cible]] |\n",
      "Cible.md": "# Cible\n\n## Partie\n",
      "Autre.md": "# Autre\n",
    }),
    { reservedUrls: new Map() },
  );
  const links = graph.outgoing.get(toVaultPath("Lecteur.md"))!;

  it("finds the link the scan read on a line by its target, whatever its column", () => {
    expect(outgoingAt(links, 4, { note: "Cible" })?.occurrence.column).toBe(8);
    expect(outgoingAt(links, 4, { note: "Cible", heading: "Partie" })?.resolution).toMatchObject({ kind: "note", href: "/cible/#partie" });
    expect(outgoingAt(links, 6, { note: "Cible" })?.occurrence.column).toBe(15);
  });

  it("finds nothing on another line, or for another target on the line", () => {
    expect(outgoingAt(links, 5, { note: "Cible" })).toBeUndefined();
    expect(outgoingAt(links, 4, { note: "Autre" })).toBeUndefined();
    expect(outgoingAt(links, 4, { note: "Cible", block: "Partie" })).toBeUndefined();
  });
});
