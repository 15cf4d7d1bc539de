import { beforeAll, describe, expect, it } from "vitest";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { NoteIndex } from "../../src/link-graph/note-index.js";
import { linkProblem } from "../../src/link-graph/problems.js";
import { looksLikeAttachment, resolveLink, type Resolution } from "../../src/link-graph/resolve-link.js";
import { TypoFinder } from "../../src/link-graph/suggestions.js";
import type { Note } from "../../src/vault-scan/note.js";
import type { ProblemLevel } from "../../src/vault-scan/problem.js";
import { readVault, type Vault } from "../../src/vault-scan/read-vault.js";
import { parseTarget, parseWikilinkAt } from "../../src/vault-scan/wikilink-syntax.js";
import { fixtureDir, lines, memoryVault, rendererOf, SITE } from "../helpers.js";

/** What a link should resolve to, in plain values. */
type Outcome =
  | { readonly kind: "note"; readonly file: string; readonly href: string }
  | { readonly kind: "asset"; readonly file: string; readonly href: string }
  | { readonly kind: "unpublished"; readonly file: string }
  | { readonly kind: "missing" };

const toNote = (file: string, href: string): Outcome => ({ kind: "note", file, href });
const toAsset = (file: string, href: string): Outcome => ({ kind: "asset", file, href });
const unpublished = (file: string): Outcome => ({ kind: "unpublished", file });
const missing: Outcome = { kind: "missing" };

function outcomeOf(resolution: Resolution): Outcome {
  switch (resolution.kind) {
    case "note":
      return toNote(resolution.note.file, resolution.href);
    case "asset":
      return toAsset(resolution.file, resolution.href);
    case "unpublished":
      return unpublished(resolution.note.file);
    case "missing":
      return missing;
  }
}

interface Row {
  readonly desc: string;
  /** The linking note, a file of tests/fixtures/resolver-vault. */
  readonly from: string;
  /** The text as written inside [[ ]]. */
  readonly link: string;
  readonly embed?: boolean;
  readonly expected: Outcome;
  /** The problem code the link raises, or null. */
  readonly problem: string | null;
  /** For a broken link: the notes suggested, closest first. */
  readonly suggestions?: readonly string[];
  /** The label after "|", when the row has one. */
  readonly label?: string;
}

const HOME = "Accueil.md";
const ATELIER = "Ateliers/Fiche.md";
const COLLOQUE = "Colloque/Programme.md";
const ANCIENNES = "Ressources/Anciennes/Inventaire.md";
const nfd = (text: string): string => text.normalize("NFD");

const LEVELS: Readonly<Record<string, ProblemLevel>> = {
  "lien-casse": "erreur",
  "note-a-venir": "info",
  "section-introuvable": "avertissement",
  "bloc-introuvable": "avertissement",
  "lien-ambigu": "avertissement",
  "lien-vers-brouillon": "avertissement",
  "fichier-introuvable": "avertissement",
  "integration-introuvable": "avertissement",
};

const ROWS: readonly Row[] = [
  // Names: exact, ignoring case, accents significant
  { desc: "exact file name", from: HOME, link: "Musée", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: "exact name with spaces and accents", from: HOME, link: "Stratégie numérique", expected: toNote("Stratégie numérique.md", "/strategie-numerique/"), problem: null },
  { desc: "name ignoring case (lowercase)", from: HOME, link: "musée", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: "name ignoring case (capitals with accents)", from: HOME, link: "MUSÉE", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: "accents are significant: Musee is not Musée.md", from: HOME, link: "Musee", expected: missing, problem: "lien-casse", suggestions: ["Musée"] },
  { desc: "accents are significant: Theatre is not Théâtre.md", from: HOME, link: "Theatre", expected: missing, problem: "lien-casse", suggestions: ["Théâtre"] },

  // NFC and NFD
  { desc: "target written in NFD matches an NFC file name", from: HOME, link: nfd("Musée"), expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: "target written in NFC matches a file name stored in NFD", from: HOME, link: "Théâtre", expected: toNote("Théâtre.md", "/theatre/"), problem: null },
  { desc: "target written in NFD matches a file name stored in NFD", from: HOME, link: nfd("Théâtre"), expected: toNote("Théâtre.md", "/theatre/"), problem: null },
  { desc: "NFC target matches an alias written in NFD", from: HOME, link: "Médiation", expected: toNote("Publics.md", "/publics/"), problem: null },
  { desc: "NFD heading matches an NFC heading", from: HOME, link: `Musée#${nfd("Été à la campagne")}`, expected: toNote("Musée.md", "/musee/#ete-a-la-campagne"), problem: null },

  // Aliases
  { desc: "list alias (aliases:), exact", from: HOME, link: "Plan numérique", expected: toNote("Stratégie numérique.md", "/strategie-numerique/"), problem: null },
  { desc: "list alias, second entry", from: HOME, link: "Stratégie digitale", expected: toNote("Stratégie numérique.md", "/strategie-numerique/"), problem: null },
  { desc: "list alias ignoring case", from: HOME, link: "PLAN NUMÉRIQUE", expected: toNote("Stratégie numérique.md", "/strategie-numerique/"), problem: null },
  { desc: "string alias (alias:), exact", from: HOME, link: "Lexique", expected: toNote("Glossaire.md", "/glossaire/"), problem: null },
  { desc: "string alias ignoring case", from: HOME, link: "lexique", expected: toNote("Glossaire.md", "/glossaire/"), problem: null },
  { desc: "alias with a heading", from: HOME, link: "Lexique#Définitions", expected: toNote("Glossaire.md", "/glossaire/#definitions"), problem: null },

  // Order of matching
  { desc: "exact name beats a same-folder name ignoring case", from: ATELIER, link: "PROJET", expected: toNote("Colloque/PROJET.md", "/colloque/projet/"), problem: null },
  { desc: "exact name beats a same-folder name ignoring case (other way)", from: COLLOQUE, link: "Projet", expected: toNote("Ateliers/Projet.md", "/ateliers/projet/"), problem: null },
  { desc: "name ignoring case matching two notes is ambiguous", from: HOME, link: "projet", expected: toNote("Ateliers/Projet.md", "/ateliers/projet/"), problem: "lien-ambigu" },
  { desc: "exact name beats another note's alias", from: HOME, link: "Charte", expected: toNote("Charte.md", "/charte-du-jardin/"), problem: null },
  { desc: "name ignoring case beats another note's exact alias", from: HOME, link: "charte", expected: toNote("Charte.md", "/charte-du-jardin/"), problem: null },
  { desc: "alias when no name matches", from: HOME, link: "Règles", expected: toNote("Règlement intérieur.md", "/reglement-interieur/"), problem: null },
  { desc: "alias beats path suffix", from: HOME, link: "Archives/Rapport", expected: toNote("Bilan.md", "/bilan/"), problem: null },
  { desc: "a name alone finds a note in a folder", from: HOME, link: "Rapport", expected: toNote("Archives/Rapport.md", "/archives/rapport/"), problem: null },

  // Headings
  { desc: "heading", from: HOME, link: "Musée#Titre de section", expected: toNote("Musée.md", "/musee/#titre-de-section"), problem: null },
  { desc: "heading with accents transliterated", from: HOME, link: "Musée#Été à la campagne", expected: toNote("Musée.md", "/musee/#ete-a-la-campagne"), problem: null },
  { desc: "heading ignoring case", from: HOME, link: "Musée#titre de SECTION", expected: toNote("Musée.md", "/musee/#titre-de-section"), problem: null },
  { desc: "heading holding inline Markdown", from: HOME, link: "Musée#Gras et code", expected: toNote("Musée.md", "/musee/#gras-et-code"), problem: null },
  { desc: "nested heading path keeps the last heading", from: HOME, link: "Musée#Parent#Enfant", expected: toNote("Musée.md", "/musee/#enfant"), problem: null },
  { desc: "missing heading links to the note", from: HOME, link: "Musée#Section absente", expected: toNote("Musée.md", "/musee/"), problem: "section-introuvable" },
  { desc: "same-page heading", from: HOME, link: "#Présentation", expected: toNote("Accueil.md", "/accueil/#presentation"), problem: null },
  { desc: "same-page heading written twice links to the first", from: HOME, link: "#Sources", expected: toNote("Accueil.md", "/accueil/#sources"), problem: null },
  { desc: "same-page missing heading", from: HOME, link: "#Nulle part", expected: toNote("Accueil.md", "/accueil/"), problem: "section-introuvable" },
  { desc: "heading of a note with a permalink", from: HOME, link: "Charte#Principes", expected: toNote("Charte.md", "/charte-du-jardin/#principes"), problem: null },
  { desc: "heading of a note whose file name is NFD", from: HOME, link: "Théâtre#Scène", expected: toNote("Théâtre.md", "/theatre/#scene"), problem: null },

  // Blocks
  { desc: "existing block", from: HOME, link: "Musée#^abc", expected: toNote("Musée.md", "/musee/#^abc"), problem: null },
  { desc: "missing block links to the note", from: HOME, link: "Musée#^zzz", expected: toNote("Musée.md", "/musee/"), problem: "bloc-introuvable" },
  { desc: "same-page missing block", from: HOME, link: "#^xyz", expected: toNote("Accueil.md", "/accueil/"), problem: "bloc-introuvable" },

  // Folders
  { desc: "path suffix overrides the linking note's folder", from: ATELIER, link: "Colloque/Fiche", expected: toNote("Colloque/Fiche.md", "/colloque/fiche/"), problem: null },
  { desc: "path suffix ignoring case", from: HOME, link: "ressources/anciennes/fiche", expected: toNote("Ressources/Anciennes/Fiche.md", "/ressources/anciennes/fiche/"), problem: null },
  { desc: "partial path suffix", from: HOME, link: "Anciennes/Fiche", expected: toNote("Ressources/Anciennes/Fiche.md", "/ressources/anciennes/fiche/"), problem: null },
  { desc: "path suffix matches whole folder names only", from: HOME, link: "liers/Fiche", expected: missing, problem: "note-a-venir" },
  { desc: "folder with an accent, URL slugified folder by folder", from: HOME, link: "Dossier Été/Qu'est-ce", expected: toNote("Dossier Été/Qu'est-ce.md", "/dossier-ete/qu-est-ce/"), problem: null },
  { desc: "full path of a unique note", from: HOME, link: "Archives/Ateliers/Fiche", expected: toNote("Archives/Ateliers/Fiche.md", "/archives/ateliers/fiche/"), problem: null },
  { desc: "full path with a leading slash", from: HOME, link: "/Archives/Ateliers/Fiche", expected: toNote("Archives/Ateliers/Fiche.md", "/archives/ateliers/fiche/"), problem: null },
  {
    desc: "full vault path is not ambiguous, as the lien-ambigu message advises",
    from: HOME,
    link: "Ateliers/Fiche",
    expected: toNote("Ateliers/Fiche.md", "/ateliers/fiche/"),
    problem: null,
  },

  // Ambiguity: linking note's folder, then shortest path, then alphabetical
  { desc: "ambiguous name, paths of equal length: alphabetical", from: HOME, link: "Fiche", expected: toNote("Ateliers/Fiche.md", "/ateliers/fiche/"), problem: "lien-ambigu" },
  { desc: "ambiguous name: the linking note's folder first", from: COLLOQUE, link: "Fiche", expected: toNote("Colloque/Fiche.md", "/colloque/fiche/"), problem: "lien-ambigu" },
  { desc: "ambiguous name: the linking note's folder beats a shorter path", from: ANCIENNES, link: "Fiche", expected: toNote("Ressources/Anciennes/Fiche.md", "/ressources/anciennes/fiche/"), problem: "lien-ambigu" },
  { desc: "ambiguous name: shortest path beats alphabetical", from: HOME, link: "Guide", expected: toNote("Zone/Guide.md", "/zone/guide/"), problem: "lien-ambigu" },
  { desc: "ambiguous name: the linking note's folder beats the shortest path", from: ATELIER, link: "Guide", expected: toNote("Ateliers/Guide.md", "/ateliers/guide/"), problem: "lien-ambigu" },

  // ".md" suffix
  { desc: ".md dropped", from: HOME, link: "Musée.md", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: ".MD dropped", from: HOME, link: "Musée.MD", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: ".md dropped from a path", from: HOME, link: "Colloque/Fiche.md", expected: toNote("Colloque/Fiche.md", "/colloque/fiche/"), problem: null },
  { desc: ".md dropped before a heading", from: HOME, link: "Musée.md#Titre de section", expected: toNote("Musée.md", "/musee/#titre-de-section"), problem: null },

  // Stray spaces
  { desc: "spaces around the name", from: HOME, link: " Musée ", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: "spaces around the pipe", from: HOME, link: "Musée | le musée", label: "le musée", expected: toNote("Musée.md", "/musee/"), problem: null },
  { desc: "spaces around the hash", from: HOME, link: "Musée # Titre de section ", expected: toNote("Musée.md", "/musee/#titre-de-section"), problem: null },

  // Missing notes
  { desc: "note still to be written", from: HOME, link: "Une note à écrire", expected: missing, problem: "note-a-venir" },
  { desc: "typo close to an existing note", from: HOME, link: "Stratégie numerique", expected: missing, problem: "lien-casse", suggestions: ["Stratégie numérique"] },
  { desc: "one letter missing", from: HOME, link: "Glosaire", expected: missing, problem: "lien-casse", suggestions: ["Glossaire"] },
  { desc: "a note in a hidden folder (.trash) is not in the vault", from: HOME, link: "Vieille note", expected: missing, problem: "note-a-venir" },
  { desc: "embed of a note still to be written", from: HOME, link: "Une note à écrire", embed: true, expected: missing, problem: "integration-introuvable" },

  // Drafts
  { desc: "draft: true", from: HOME, link: "Brouillon de charte", expected: unpublished("Brouillon de charte.md"), problem: "lien-vers-brouillon" },
  { desc: "publish: false", from: HOME, link: "Idée", expected: unpublished("Idée.md"), problem: "lien-vers-brouillon" },
  { desc: "note under a folder named Brouillon", from: HOME, link: "Projet secret", expected: unpublished("Brouillon/Projet secret.md"), problem: "lien-vers-brouillon" },
  { desc: "permalink: false", from: HOME, link: "Ancienne page", expected: unpublished("Ancienne page.md"), problem: "lien-vers-brouillon" },
  { desc: "alias of a draft", from: HOME, link: "Charte provisoire", expected: unpublished("Brouillon de charte.md"), problem: "lien-vers-brouillon" },
  { desc: "heading of a draft", from: HOME, link: "Brouillon de charte#Objet", expected: unpublished("Brouillon de charte.md"), problem: "lien-vers-brouillon" },
  { desc: "embed of a draft", from: HOME, link: "Idée", embed: true, expected: unpublished("Idée.md"), problem: "lien-vers-brouillon" },
  { desc: "path into the Brouillon folder", from: HOME, link: "Brouillon/Projet secret", expected: unpublished("Brouillon/Projet secret.md"), problem: "lien-vers-brouillon" },
  { desc: "a note named Brouillon is published", from: HOME, link: "Brouillon", expected: toNote("Brouillon.md", "/brouillon/"), problem: null },

  // Attachments
  { desc: "link to a PDF", from: HOME, link: "doc.pdf", expected: toAsset("doc.pdf", "/doc.pdf"), problem: null },
  { desc: "image embed by file name", from: HOME, link: "salle.png", embed: true, expected: toAsset("images/salle.png", "/images/salle.png"), problem: null },
  { desc: "file URL with encoded spaces and accents", from: HOME, link: "Plan du musée.pdf", expected: toAsset("Fichiers/Plan du musée.pdf", "/Fichiers/Plan%20du%20mus%C3%A9e.pdf"), problem: null },
  { desc: "image embed by path", from: HOME, link: "images/salle.png", embed: true, expected: toAsset("images/salle.png", "/images/salle.png"), problem: null },
  { desc: "image embed ignoring case", from: HOME, link: "SALLE.PNG", embed: true, expected: toAsset("images/salle.png", "/images/salle.png"), problem: null },
  { desc: "image in the linking note's folder first", from: ATELIER, link: "logo.png", embed: true, expected: toAsset("Ateliers/logo.png", "/Ateliers/logo.png"), problem: null },
  { desc: "image with the shortest path otherwise", from: HOME, link: "logo.png", embed: true, expected: toAsset("images/logo.png", "/images/logo.png"), problem: null },
  { desc: "image embed with alt text and size", from: HOME, link: "salle.png|Une salle|300x200", embed: true, label: "Une salle|300x200", expected: toAsset("images/salle.png", "/images/salle.png"), problem: null },
  { desc: "missing image embed", from: HOME, link: "absent.png", embed: true, expected: missing, problem: "integration-introuvable" },
  { desc: "a note name that looks like a file name", from: HOME, link: "Version 2.0", expected: toNote("Version 2.0.md", "/version-2-0/"), problem: null },
  { desc: "embed of a note", from: HOME, link: "Musée", embed: true, expected: toNote("Musée.md", "/musee/"), problem: null },

  // Never outside the vault
  { desc: "../../etc/passwd is missing", from: HOME, link: "../../etc/passwd", expected: missing, problem: "note-a-venir" },
  { desc: "../ before an image path is missing", from: HOME, link: "../images/salle.png", embed: true, expected: missing, problem: "integration-introuvable" },
  { desc: "../ before a note path is missing", from: ATELIER, link: "../Ateliers/Guide", expected: missing, problem: "note-a-venir" },

  // Permalinks
  { desc: "permalink wins for the URL", from: COLLOQUE, link: "Charte", expected: toNote("Charte.md", "/charte-du-jardin/"), problem: null },
  { desc: "permalink without a leading slash", from: HOME, link: "Plan du site", expected: toNote("Plan du site.md", "/plan-du-site/"), problem: null },
];

describe("resolveLink, table-driven, on tests/fixtures/resolver-vault", () => {
  let vault: Vault;
  let index: NoteIndex;
  let typos: TypoFinder;
  const noteAt = (file: string): Note => {
    const found = vault.notes.find((n) => n.file === file);
    if (!found) throw new Error(`No note ${file} in the fixture vault`);
    return found;
  };

  beforeAll(async () => {
    vault = await readVault(fixtureDir("resolver-vault"), SITE);
    index = new NoteIndex(vault.notes, vault.assets);
    typos = new TypoFinder(vault.notes);
  });

  it("has at least 40 rows", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  const titled = ROWS.map((row) => [`${row.desc}: ${row.embed ? "!" : ""}[[${row.link}]] from ${row.from}`, row] as const);
  it.each(titled)("%s", (_title, row) => {
    const written = `${row.embed ? "!" : ""}[[${row.link}]]`;
    const syntax = parseWikilinkAt(written, 0);
    if (syntax === null) throw new Error(`${written} is not read as a wikilink`);
    expect(syntax.length).toBe(written.length);
    expect(syntax.embed).toBe(row.embed ?? false);
    expect(syntax.label).toBe(row.label);

    const from = noteAt(row.from);
    const resolution = resolveLink(index, from, syntax.target);
    expect(outcomeOf(resolution)).toEqual(row.expected);
    if (resolution.kind === "unpublished") expect("href" in resolution).toBe(false);

    const problem = linkProblem(from, { syntax, line: 7, column: 3, context: "" }, resolution, typos);
    expect(problem?.code ?? null).toBe(row.problem);
    if (problem) {
      expect(problem.level).toBe(LEVELS[problem.code]);
      expect([problem.file, problem.line, problem.column]).toEqual([row.from, 7, 3]);
    }
    if (row.suggestions) {
      expect(typos.suggest(syntax.target.note)).toEqual(row.suggestions);
      const guess = row.suggestions.map((s) => `« ${s} »`).join(", ");
      expect(problem?.message).toBe(`Le lien ${written} ne mène à aucune note. Vouliez-vous dire ${guess} ?`);
    }
  });

  it("names every candidate of an ambiguous link, the chosen one first", () => {
    const resolution = resolveLink(index, noteAt(HOME), { note: "Fiche" });
    if (resolution.kind !== "note") throw new Error(`resolved as ${resolution.kind}`);
    expect([resolution.note, ...resolution.alternatives].map((n) => n.file)).toEqual([
      "Ateliers/Fiche.md",
      "Colloque/Fiche.md",
      "Archives/Ateliers/Fiche.md",
      "Ressources/Anciennes/Fiche.md",
    ]);
    const syntax = parseWikilinkAt("[[Fiche]]", 0)!;
    expect(linkProblem(noteAt(HOME), { syntax, line: 1, column: 1, context: "" }, resolution, typos)?.message).toBe(
      "Le lien [[Fiche]] peut désigner plusieurs notes : « Ateliers/Fiche.md », « Colloque/Fiche.md », « Archives/Ateliers/Fiche.md », « Ressources/Anciennes/Fiche.md ». Il mène à « Ateliers/Fiche.md » ; écrivez le chemin complet, par exemple [[Ateliers/Fiche]], pour choisir.",
    );
  });

  it("gives the heading it found with a heading link", () => {
    const resolution = resolveLink(index, noteAt(HOME), parseTarget("Musée#Été à la campagne")!);
    expect(resolution.kind === "note" ? resolution.heading : undefined).toEqual({ level: 2, text: "Été à la campagne", id: "ete-a-la-campagne", line: 12 });
  });

  it("never gives a draft's URL as an href, in the whole graph", () => {
    const graph = buildLinkGraph(vault, { reservedUrls: new Map() });
    const draftUrls = vault.notes.filter((n) => n.unpublished).map((n) => n.url);
    expect(draftUrls).toEqual(["/ancienne-page/", "/brouillon-de-charte/", "/brouillon/projet-secret/", "/idee/"]);

    const home = graph.outgoing.get(noteAt(HOME).file) ?? [];
    expect(home.map((l) => outcomeOf(l.resolution))).toEqual([
      toNote("Musée.md", "/musee/"),
      unpublished("Brouillon de charte.md"),
      unpublished("Idée.md"),
      unpublished("Brouillon/Projet secret.md"),
      unpublished("Ancienne page.md"),
      unpublished("Brouillon de charte.md"),
      unpublished("Brouillon de charte.md"),
      unpublished("Idée.md"),
    ]);

    const hrefs = [...graph.outgoing.values()].flat().flatMap((l) => ("href" in l.resolution ? [l.resolution.href.split("#")[0]] : []));
    expect(hrefs).toEqual(["/musee/"]);
    for (const problem of graph.problems) {
      for (const url of draftUrls) expect(problem.message).not.toContain(url);
    }
    expect(graph.problems.filter((p) => p.code === "lien-vers-brouillon").map((p) => [p.code, p.line, p.column])).toEqual([
      ["lien-vers-brouillon", 20, 37],
      ["lien-vers-brouillon", 20, 62],
      ["lien-vers-brouillon", 20, 72],
      ["lien-vers-brouillon", 20, 91],
      ["lien-vers-brouillon", 20, 110],
      ["lien-vers-brouillon", 20, 133],
      ["lien-vers-brouillon", 20, 166],
    ]);
    expect(graph.published.some((n) => n.unpublished)).toBe(false);
  });
});

describe("resolveLink on notes in memory", () => {
  it("does not call a link ambiguous when two aliases of one note differ only by case", () => {
    const vault = memoryVault({
      "Musées suisses.md": "---\naliases: [AMS, ams]\n---\n# Musées suisses\n",
      "Accueil.md": "# Accueil\n",
    });
    const index = new NoteIndex(vault.notes, []);
    const [museums, home] = vault.notes as [Note, Note];
    const resolution = resolveLink(index, home, { note: "Ams" });
    expect(resolution.kind === "note" ? resolution.note.file : resolution.kind).toBe("Musées suisses.md");
    expect(resolution.kind === "note" ? resolution.alternatives : null).toEqual([]);
    const syntax = parseWikilinkAt("[[Ams]]", 0)!;
    expect(linkProblem(home, { syntax, line: 1, column: 1, context: "" }, resolution, new TypoFinder(vault.notes))).toBeUndefined();
    expect(museums.aliases).toEqual(["AMS", "ams"]);
  });

  it("prefers a published note's exact name over a draft's alias", () => {
    const vault = memoryVault({
      "Brouillon/Ancienne charte.md": "---\naliases: [Charte]\n---\n",
      "Charte.md": "# Charte\n",
      "Accueil.md": "# Accueil\n",
    });
    const home = vault.notes[2]!;
    expect(outcomeOf(resolveLink(new NoteIndex(vault.notes, []), home, { note: "Charte" }))).toEqual(toNote("Charte.md", "/charte/"));
  });

  it("links a section to the heading of the page that has its id, Setext, quoted, or named like a layout id", () => {
    const vault = memoryVault({
      "Note.md": lines("Sources", "-------", "", "> ## Voir aussi", "", "## Sources", "", "## Thème bascule"),
      "Accueil.md": "# Accueil\n",
    });
    const index = new NoteIndex(vault.notes, []);
    const home = vault.notes[1]!;
    const href = (link: string) => outcomeOf(resolveLink(index, home, parseTarget(link)!));
    expect([href("Note#Sources"), href("Note#Sources 2"), href("Note#Voir aussi"), href("Note#Thème bascule")]).toEqual([
      toNote("Note.md", "/note/#sources"),
      toNote("Note.md", "/note/#sources-2"),
      toNote("Note.md", "/note/#voir-aussi"),
      toNote("Note.md", "/note/#theme-bascule-2"),
    ]);
    const page = rendererOf(vault).renderNote("Note.md");
    expect(page).toContain('<h2 id="sources">Sources</h2>\n<blockquote>\n<h2 id="voir-aussi">Voir aussi</h2>');
    expect(page).toContain('<h2 id="sources-2">Sources</h2>\n<h2 id="theme-bascule-2">Thème bascule</h2>');
  });

  it("looksLikeAttachment tells file names from note names", () => {
    expect(["doc.pdf", "img.PNG", "archive.zip", "Note.md", "Version 2.0", "Web 2.0", "AMS. Une approche globale.", "Rapport 2023"].map(looksLikeAttachment)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
