import { describe, expect, it } from "vitest";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { gardenNavigation, NAVIGATION_FOLDER_LIMIT, NAVIGATION_LIST_LIMIT, NAVIGATION_TREE_LIMIT } from "../../src/views/garden-navigation.js";
import { navigationHtml, withCurrentPage } from "../../src/views/navigation-html.js";
import { lines, memoryVault } from "../helpers.js";

function graphOf(sources: Readonly<Record<string, string>>): LinkGraph {
  return buildLinkGraph(memoryVault(sources), { reservedUrls: new Map() });
}

function navigationNote(key: string, parent?: string): string {
  return lines("---", "eleventyNavigation:", `  key: ${key}`, ...(parent ? [`  parent: ${parent}`] : []), "---", "Texte.");
}

describe("gardenNavigation", () => {
  it("takes the themes from the H2 sections of the root index.md and the published notes each one links to", () => {
    const graph = graphOf({
      "index.md": lines("# Accueil", "[[Avant]]", "## Collections", "[[Inventaire]] et [[Réserves]], puis [[Inventaire]].", "[[Manquante]]", "## Publics", "[[Médiation]]", "## Vide", "Rien."),
      "Avant.md": "Texte.\n",
      "Inventaire.md": "Texte.\n",
      "Réserves.md": "Texte.\n",
      "Médiation.md": "Texte.\n",
    });
    expect(gardenNavigation(graph).themes).toEqual([
      {
        heading: "Collections",
        links: [
          { title: "Inventaire", url: "/inventaire/" },
          { title: "Réserves", url: "/reserves/" },
        ],
        hidden: 0,
      },
      { heading: "Publics", links: [{ title: "Médiation", url: "/mediation/" }], hidden: 0 },
    ]);
  });

  it("has no themes without a root index.md", () => {
    expect(gardenNavigation(graphOf({ "Dossier/index.md": "## Thème\n[[A]]\n", "A.md": "Texte.\n" })).themes).toEqual([]);
  });

  it("builds the eleventyNavigation tree from key and parent, leaving out a loop of parents", () => {
    const graph = graphOf({
      "Racine.md": navigationNote("racine"),
      "Enfant.md": navigationNote("enfant", "racine"),
      "Petit.md": navigationNote("petit", "enfant"),
      "Orpheline.md": navigationNote("orpheline", "inconnue"),
      "Boucle A.md": navigationNote("a", "b"),
      "Boucle B.md": navigationNote("b", "a"),
      "Sans clé.md": "Texte.\n",
    });
    const { tree, treeCut } = gardenNavigation(graph);
    expect(treeCut).toBe(false);
    expect(tree).toEqual([
      { title: "Orpheline", url: "/orpheline/", children: [] },
      { title: "Racine", url: "/racine/", children: [{ title: "Enfant", url: "/enfant/", children: [{ title: "Petit", url: "/petit/", children: [] }] }] },
    ]);
  });

  it("bounds the tree, whatever the number of notes", () => {
    const sources: Record<string, string> = {};
    for (let i = 0; i < NAVIGATION_TREE_LIMIT + 5; i++) sources[`Note ${String(i).padStart(3, "0")}.md`] = navigationNote(`n${i}`, i === 0 ? undefined : "n0");
    const { tree, treeCut } = gardenNavigation(graphOf(sources));
    expect(treeCut).toBe(true);
    expect(1 + tree[0]!.children.length).toBe(NAVIGATION_TREE_LIMIT);
  });

  it("groups the notes by type, then by top-level folder, each list bounded with the count left out", () => {
    const sources: Record<string, string> = { "Question.md": "---\ntags: [question]\n---\nTexte.\n", "Collections/Sous/Fiche.md": "Texte.\n" };
    for (let i = 0; i < NAVIGATION_LIST_LIMIT + 3; i++) sources[`Note ${String(i).padStart(2, "0")}.md`] = "Texte.\n";
    const groups = gardenNavigation(graphOf(sources)).groups;
    expect(groups.map((g) => [g.heading, g.links.length, g.hidden, g.folders.map((f) => [f.heading, f.links.map((l) => l.title)])])).toEqual([
      ["Questions", 1, 0, []],
      ["Autres notes", NAVIGATION_LIST_LIMIT, 3, [["Collections", ["Fiche"]]]],
    ]);
  });

  it("lists at most NAVIGATION_FOLDER_LIMIT folders in a type, counting the notes of the others as left out", () => {
    const sources: Record<string, string> = {};
    for (let i = 0; i < NAVIGATION_FOLDER_LIMIT + 2; i++) sources[`Dossier ${i}/Note ${i}.md`] = "Texte.\n";
    const [group] = gardenNavigation(graphOf(sources)).groups;
    expect([group!.folders.length, group!.links, group!.hidden]).toEqual([NAVIGATION_FOLDER_LIMIT, [], 2]);
    expect(navigationHtml({ themes: [], tree: [], treeCut: false, groups: [group!] })).toContain('<p class="nav-plus"><a href="/notes/">Voir tout<span class="visually-hidden"> (Autres notes)</span></a> (2 de plus)</p>');
  });
});

describe("navigationHtml", () => {
  const view = {
    themes: [{ heading: "Arts & <métiers>", links: [{ title: "L'atelier \"A\"", url: "/atelier/" }], hidden: 2 }],
    tree: [],
    treeCut: false,
    groups: [{ heading: "Autres notes", links: [{ title: "Atelier", url: "/atelier/" }], hidden: 0, folders: [] }],
  };

  it("escapes the titles and headings it writes, and links each cut list to where all its notes are", () => {
    const html = navigationHtml(view);
    expect(html).toContain('<details class="nav-liste" data-nav="theme-1"><summary>Arts &amp; &lt;métiers&gt;</summary><ul><li><a href="/atelier/">L&#39;atelier &quot;A&quot;</a></li></ul>');
    expect(html).toContain('<p class="nav-plus"><a href="/">Voir tout<span class="visually-hidden"> (Arts &amp; &lt;métiers&gt;)</span></a> (2 de plus)</p>');
    expect(html).not.toContain("Plan du jardin");
  });

  it("marks every link to the current page, and no other", () => {
    const html = withCurrentPage(navigationHtml(view), "/atelier/");
    expect(html.split('href="/atelier/" aria-current="page"').length - 1).toBe(2);
    expect(withCurrentPage(navigationHtml(view), "/ailleurs/")).not.toContain("aria-current");
  });
});
