import { beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/cli/problem-report.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { reservedUrls } from "../../src/site/pages.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { fixtureDir, lines, memoryVault, scanGarden } from "../helpers.js";

const VAULT = "tests/fixtures/real-vault";

describe("a vault as its editors write it (tests/fixtures/real-vault)", () => {
  let graph: LinkGraph;
  beforeAll(async () => {
    graph = await scanGarden(fixtureDir("real-vault"));
  });

  it("titles each note as Obsidian does: an opening level-1 heading, else eleventyNavigation's title, never an alias nor a mid-note heading", () => {
    expect(graph.notes.map((n) => [n.file, n.title, n.titleSource, n.url])).toEqual([
      ["Liens.md", "Liens", "heading", "/liens/"],
      ["Questions/Compétences numériques.md", "Compétences numériques ?", "heading", "/questions/competences-numeriques/"],
      ["Questions/Stratégie.md", "Plan stratégique", "heading", "/questions/strategie/"],
      ["Ressources/Guide numérique.md", "Guide du numérique au musée", "navigation", "/ressources/guide-numerique/"],
    ]);
    expect(graph.index.byFile.get(toVaultPath("Questions/Compétences numériques.md"))!.aliases).toEqual(["Numérique, quelles compétences ?"]);
  });

  it("resolves every Markdown and HTML link to a note, whatever its form, at the line and column it is written", () => {
    const links = graph.outgoing.get(toVaultPath("Liens.md"))!;
    expect(links.map(({ occurrence, resolution }) => [occurrence.line, occurrence.column, occurrence.href, resolution.kind === "note" ? resolution.href : resolution.kind])).toEqual([
      [3, 25, "Ressources/Guide%20numérique.md", "/ressources/guide-numerique/"],
      [4, 35, "Questions/Compétences%20numériques", "/questions/competences-numeriques/"],
      [5, 32, "/Ressources/Guide%20numérique.md", "/ressources/guide-numerique/"],
      [6, 33, "Questions/Compétences numériques.md", "/questions/competences-numeriques/"],
      [7, 27, "/Questions/Compétences%20numériques/#former-les-equipes", "/questions/competences-numeriques/#former-les-equipes"],
      [8, 35, "app://obsidian.md/MuseumXTD/Ressources/Guide%20num%C3%A9rique", "/ressources/guide-numerique/"],
      [9, 34, "obsidian://open?vault=MuseumXTD&file=Questions%2FComp%C3%A9tences%20num%C3%A9riques", "/questions/competences-numeriques/"],
      [10, 32, "lien-a-completer", "missing"],
      [11, 30, "https://www.museumxtd.ch/Questions/Comp%C3%A9tences%20num%C3%A9riques/#Former%20les%20équipes", "/questions/competences-numeriques/#former-les-equipes"],
      [11, 139, "https://museumxtd.ch/ressources/guide-numerique/", "/ressources/guide-numerique/"],
      [12, 31, "Questions/Competences%20numerique.md", "missing"],
      [16, 53, "Ressources/Guide%20numérique.md", "/ressources/guide-numerique/"],
    ]);
  });

  it("gives the notes they lead to a backlink with its sentence, once per linking note, and no note to write", () => {
    const backlinks = (file: string) => graph.backlinks.get(toVaultPath(file))!.map((b) => [b.from.file, b.line, b.context]);
    expect(backlinks("Ressources/Guide numérique.md")).toEqual([["Liens.md", 3, "Relatif : le guide."]]);
    expect(backlinks("Questions/Compétences numériques.md")).toEqual([
      ["Liens.md", 4, "Sans extension : compétences."],
      ["Questions/Stratégie.md", 6, "Voir Compétences numériques."],
    ]);
    expect(graph.missing).toEqual([]);
  });

  it("reports broken links and missing images as errors, links copied from Obsidian and a title unlike the file name as warnings", () => {
    expect(graph.problems.map((p) => formatProblem(p, VAULT))).toEqual([
      `${VAULT}/Liens.md:1:1  info  note-orpheline  Aucune note publiée ne mène à cette note : les lecteurs ne la trouveront que par la recherche ou l'accueil. Ajoutez-lui un lien depuis une note voisine.`,
      `${VAULT}/Liens.md:8:35  avertissement  lien-copie-d-obsidian  Le lien « app://obsidian.md/MuseumXTD/Ressources/Guide%20num%C3%A9rique » a été copié depuis l'application Obsidian : il ne s'ouvre que dans Obsidian. Le site le fait mener à « Ressources/Guide numérique.md » ; écrivez plutôt [[Guide numérique]].`,
      `${VAULT}/Liens.md:9:34  avertissement  lien-copie-d-obsidian  Le lien « obsidian://open?vault=MuseumXTD&file=Questions%2FComp%C3%A9tences%20num%C3%A9riques » a été copié depuis l'application Obsidian : il ne s'ouvre que dans Obsidian. Le site le fait mener à « Questions/Compétences numériques.md » ; écrivez plutôt [[Compétences numériques]].`,
      `${VAULT}/Liens.md:10:32  erreur  lien-casse  Le lien « lien-a-completer » ne mène à aucune note ni à aucun fichier du dossier des notes : il s'affiche comme une note à venir. Corrigez-le, ou écrivez un lien wiki [[Nom de la note]].`,
      `${VAULT}/Liens.md:12:31  erreur  lien-casse  Le lien « Questions/Competences%20numerique.md » ne mène à aucune note ni à aucun fichier du dossier des notes : il s'affiche comme une note à venir. Vouliez-vous dire « Compétences numériques » ? Corrigez-le, ou écrivez un lien wiki [[Nom de la note]].`,
      `${VAULT}/Liens.md:14:21  erreur  image-introuvable  L'image « /images/plan.png » est introuvable dans le dossier des notes : la page montre son texte de remplacement à sa place. Ajoutez l'image au dossier, ou corrigez son chemin.`,
      `${VAULT}/Liens.md:16:1  erreur  image-introuvable  L'image « /images/absente.png » est introuvable dans le dossier des notes : la page montre son texte de remplacement à sa place. Ajoutez l'image au dossier, ou corrigez son chemin.`,
      `${VAULT}/Questions/Stratégie.md:1:1  info  note-orpheline  Aucune note publiée ne mène à cette note : les lecteurs ne la trouveront que par la recherche ou l'accueil. Ajoutez-lui un lien depuis une note voisine.`,
      `${VAULT}/Questions/Stratégie.md:4:1  avertissement  titre-different-du-nom  Le titre « Plan stratégique » n'est pas le nom du fichier, « Stratégie » : les liens [[Stratégie]] suivent le nom du fichier, et [[Plan stratégique]] ne mènerait à aucune note. Renommez le fichier comme le titre, changez le titre, ou faites-en un alias.`,
    ]);
    expect(graph.publishedAssets).toEqual(["images/logo.png"]);
  });
});

describe("Markdown links to notes, one by one", () => {
  const graphOf = (sources: Record<string, string>, assets: string[] = []) => {
    const vault = memoryVault(sources, assets);
    return buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes) });
  };
  const findings = (graph: LinkGraph) => graph.problems.filter((p) => p.code !== "note-orpheline").map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`);

  it("leaves the site's own pages, tags and files alone", () => {
    const graph = graphOf({ "A.md": lines("---", "tags: [question]", "---", "# A", "", "[r](/recherche/) [t](/tags/question/) [f](/flux.xml) [s](https://www.museumxtd.ch/) ![i](https://www.museumxtd.ch/images/x.png)") }, ["images/x.png"]);
    expect(findings(graph)).toEqual([]);
    expect(graph.outgoing.get(toVaultPath("A.md"))).toEqual([]);
    expect(graph.publishedAssets).toEqual(["images/x.png"]);
  });

  it("reads no link where Markdown reads none: an address with a space, code, another site, a scheme hidden by a tab", () => {
    const graph = graphOf({
      "A.md": lines("# A", "", "[a](Ma note.md) `[b](B.md)` [c](https://exemple.org/B.md) [d](mailto:a@b.ch) [e](#a)", "", '<a href="&#106;ava&#x09;script:alert(1)">f</a>'),
      "Ma note.md": "# Ma note\n",
    });
    // The sanitiser removes the hidden "javascript:" address, and says so.
    expect(findings(graph).map((f) => f.split(" ")[1])).toEqual(["html-retire"]);
    expect(graph.outgoing.get(toVaultPath("A.md"))).toEqual([]);
  });

  it("finds a path from the note's folder first, and never out of the vault", () => {
    const graph = graphOf({
      "Dossier/A.md": lines("# A", "", "[voisine](B.md) [remonte](../C.md) [sort](../../C.md)"),
      "Dossier/B.md": "# B\n",
      "B.md": "# B racine\n",
      "C.md": "# C\n",
    });
    expect(graph.outgoing.get(toVaultPath("Dossier/A.md"))!.map((l) => (l.resolution.kind === "note" ? l.resolution.note.file : l.resolution.kind))).toEqual(["Dossier/B.md", "C.md", "missing"]);
  });

  it("reports a draft, a missing section and a missing block as wikilinks do, naming the address", () => {
    const graph = graphOf({
      "A.md": lines("# A", "", "[brouillon](Brouillon.md) [section](B.md#Budget) [bloc](B.md#^abc)"),
      "Brouillon.md": "---\ndraft: true\n---\n# Brouillon\n",
      "B.md": "# B\n",
    });
    expect(findings(graph)).toEqual([
      "A.md:3:13 lien-vers-brouillon Le lien « Brouillon.md » mène à « Brouillon.md », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.",
      "A.md:3:37 section-introuvable La section « Budget » n'existe pas dans « B.md » : le lien « B.md#Budget » mène au début de la note. Corrigez le titre de section après « # ».",
      "A.md:3:57 bloc-introuvable Le bloc « ^abc » n'existe pas dans « B.md » : le lien « B.md#^abc » mène au début de la note.",
    ]);
  });

  it("suggests the vault's images of a close name for a missing image", () => {
    const graph = graphOf({ "A.md": lines("# A", "", '![Logo](images/loga.png) <img src="/images/logo.png" alt="Logo">') }, ["images/logo.png", "images/loge.pdf"]);
    expect(findings(graph)).toEqual([
      "A.md:3:9 image-introuvable L'image « images/loga.png » est introuvable dans le dossier des notes : la page montre son texte de remplacement à sa place. Vouliez-vous dire « images/logo.png » ? Ajoutez l'image au dossier, ou corrigez son chemin.",
      "images/loge.pdf:1:1 piece-jointe-inutilisee « images/loge.pdf » n'est pas publié : aucune note publiée ne l'utilise. Supprimez-le s'il ne sert plus, ou liez-le depuis une note publiée.",
    ]);
  });

  it("resolves a link copied from the Obsidian app without the vault's name in it", () => {
    const graph = graphOf({ "A.md": lines("# A", "", "[note](app://obsidian.md/Ma%20note)"), "Ma note.md": "# Ma note\n" });
    expect(graph.outgoing.get(toVaultPath("A.md"))!.map((l) => (l.resolution.kind === "note" ? l.resolution.href : l.resolution.kind))).toEqual(["/ma-note/"]);
  });

  it("reports nothing from a template, whose links are placeholders", () => {
    const graph = graphOf({ "Templates/Ressource.md": lines("# {{title}}", "", "[texte](lien-a-completer) ![](image.png)") });
    expect(graph.problems).toEqual([]);
  });
});
