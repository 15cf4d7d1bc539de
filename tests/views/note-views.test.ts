import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dateView, overviewGroups, missingNotes, noteView, tagPages } from "../../src/views/note-views.js";
import { kindOf } from "../../src/views/note-roles.js";
import { reservedUrls } from "../../src/site/pages.js";
import type { SiteSettings } from "../../src/site/site-settings.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, memoryVault, note } from "../helpers.js";

const SITE: SiteSettings = {
  name: "MuseumXTD",
  description: "Ressources.",
  contactEmail: "info@museumxtd.ch",
  language: "fr",
  url: "https://www.museumxtd.ch",
  repository: { url: "https://github.com/museumxtd/jardin", branch: "main", notesFolder: "notes" },
};

function graphOf(sources: Readonly<Record<string, string>>): LinkGraph {
  return buildLinkGraph(memoryVault(sources), { reservedUrls: new Map() });
}

function noteIn(graph: LinkGraph, file: string) {
  const found = graph.index.byFile.get(toVaultPath(file));
  if (!found) throw new Error(`no note ${file}`);
  return found;
}

describe("noteView", () => {
  const graph = graphOf({
    "Musée.md": lines("---", "tags: [Question, médiation]", "---", "# Qu’est-ce qu’un musée ? Arts & Sciences", "", "Texte."),
    "Zoo.md": "Le zoo cite [[Musée]]. Puis [[Musée|encore]].\n",
    "abeille.md": "Une abeille lit [[Musée]] attentivement.\n",
    "Brouillon.md": "---\ndraft: true\n---\nUn brouillon cite [[Musée]].\n",
    "Sans titre.md": "Du texte sans titre.\n",
  });

  it("puts the note's title, URL-encoded, in the subject of the remark mailto", () => {
    const title = "Qu’est-ce qu’un musée ? Arts & Sciences";
    const view = noteView(graph, noteIn(graph, "Musée.md"), SITE);
    expect(view.remarkMailto).toBe(`mailto:info@museumxtd.ch?subject=${encodeURIComponent(`Remarque sur la note « ${title} »`)}`);
    expect(view.remarkMailto).toBe(
      "mailto:info@museumxtd.ch?subject=Remarque%20sur%20la%20note%20%C2%AB%20Qu%E2%80%99est-ce%20qu%E2%80%99un%20mus%C3%A9e%20%3F%20Arts%20%26%20Sciences%20%C2%BB",
    );
  });

  it("gives the title, URL, tags, kind and backlinks of a note, drafts left out", () => {
    expect(noteView(graph, noteIn(graph, "Musée.md"), SITE)).toEqual({
      title: "Qu’est-ce qu’un musée ? Arts & Sciences",
      url: "/musee/",
      needsTitleHeading: false,
      tags: ["question", "médiation"],
      kind: "question",
      backlinks: [
        { title: "abeille", url: "/abeille/", context: "Une abeille lit Musée attentivement." },
        { title: "Zoo", url: "/zoo/", context: "Le zoo cite Musée." },
      ],
      remarkMailto: expect.stringMatching(/^mailto:info@museumxtd\.ch\?subject=/),
      description: "Texte.",
      tagLinks: [
        { name: "question", url: "/tags/question/" },
        { name: "médiation", url: "/tags/mediation/" },
      ],
      toc: [],
      breadcrumbs: [],
      editUrl: "https://github.com/museumxtd/jardin/edit/main/notes/Mus%C3%A9e.md",
      graph: expect.objectContaining({
        nodes: [
          expect.objectContaining({ title: "Qu’est-ce qu’un musée ? Arts & Sciences", current: true, kind: "question" }),
          expect.objectContaining({ title: "Zoo", current: false, kind: "note" }),
          expect.objectContaining({ title: "abeille", current: false, kind: "note" }),
        ],
      }),
    });
  });

  it("gives no edit link when no repository is configured", () => {
    const { repository: _configured, ...withoutRepository } = SITE;
    expect("editUrl" in noteView(graph, noteIn(graph, "Musée.md"), withoutRepository)).toBe(false);
  });

  it("asks the layout for a title heading when the body has none, and gives no kind to an untyped note", () => {
    const view = noteView(graph, noteIn(graph, "Sans titre.md"), SITE);
    expect([view.title, view.needsTitleHeading, "kind" in view, view.backlinks]).toEqual(["Sans titre", true, false, []]);
  });
});

describe("dateView", () => {
  // In a time zone 14 hours ahead of UTC, where a day read in local time would be the next one.
  it("writes the day in French, as luxon's « d LLLL yyyy » does, on the day the date was written for", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(new Date("2024-02-01T23:30:00Z").getDate()).toBe(2);
      expect(dateView(new Date("2022-06-22T00:00:00Z"))).toEqual({ iso: "2022-06-22", text: "22 juin 2022" });
      expect(dateView(new Date("2024-02-01T23:30:00Z"))).toEqual({ iso: "2024-02-01", text: "1 février 2024" });
      const days = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("+099999-12-31T23:59:59Z"), noInvalidDate: true });
      fc.assert(
        fc.property(days, (date) => {
          expect(dateView(date).text).toBe(DateTime.fromJSDate(date, { zone: "utc" }).setLocale("fr").toFormat("d LLLL yyyy"));
        }),
        { numRuns: 2000 },
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("kindOf", () => {
  it.each([
    [["question"], "question"],
    [["questions"], "question"],
    [["ressource"], "ressource"],
    [["ressources"], "ressource"],
    [["liens"], "ressource"],
    [["médiation", "liens", "question"], "ressource"],
    [["médiation"], undefined],
    [[], undefined],
  ] as const)("reads %j as %s", (tags, kind) => {
    expect(kindOf(note("N.md", `---\ntags: [${tags.join(", ")}]\n---\nTexte.\n`))).toBe(kind);
  });
});

describe("overviewGroups", () => {
  const tagged = (tags: string, title?: string) => lines("---", `tags: [${tags}]`, "---", ...(title ? [`# ${title}`] : []), "Texte.");

  it("groups published notes by type tag, each group in French order of titles", () => {
    const graph = graphOf({
      "Zoo.md": tagged("Question"),
      "Été.md": tagged("question"),
      "abeille.md": tagged("questions"),
      "Eau.md": tagged("question"),
      "Écomusée.md": tagged("liens"),
      "Boîte.md": tagged("ressources", "Boîte à outils"),
      "Archives.md": tagged("liens, question"),
      "Accueil.md": "Texte.\n",
      "Œuvres.md": tagged("médiation"),
      "10 idées.md": "Texte.\n",
      "9 idées.md": "Texte.\n",
      "Brouillon.md": lines("---", "draft: true", "tags: [question]", "---", "Texte."),
    });
    expect(overviewGroups(graph)).toEqual([
      {
        heading: "Questions",
        parents: [],
        notes: [
          { title: "abeille", url: "/abeille/" },
          { title: "Eau", url: "/eau/" },
          { title: "Été", url: "/ete/" },
          { title: "Zoo", url: "/zoo/" },
        ],
      },
      {
        heading: "Ressources",
        parents: [],
        notes: [
          { title: "Archives", url: "/archives/" },
          { title: "Boîte à outils", url: "/boite/" },
          { title: "Écomusée", url: "/ecomusee/" },
        ],
      },
      {
        heading: "Autres notes",
        parents: [],
        notes: [
          { title: "9 idées", url: "/9-idees/" },
          { title: "10 idées", url: "/10-idees/" },
          { title: "Accueil", url: "/accueil/" },
          { title: "Œuvres", url: "/oeuvres/" },
        ],
      },
    ]);
  });

  it("leaves out empty groups", () => {
    expect(overviewGroups(graphOf({ "B.md": "Texte.\n", "A.md": tagged("liens") }))).toEqual([
      { heading: "Ressources", parents: [], notes: [{ title: "A", url: "/a/" }] },
      { heading: "Autres notes", parents: [], notes: [{ title: "B", url: "/b/" }] },
    ]);
    expect(overviewGroups(graphOf({ "Brouillon.md": "---\ndraft: true\n---\n" }))).toEqual([]);
  });

  it("puts each type's notes under their eleventyNavigation parent, parents in French order, notes without one after", () => {
    const nav = (key: string, parent?: string, tags = "question") =>
      lines("---", `tags: [${tags}]`, "eleventyNavigation:", `  key: ${key}`, ...(parent ? [`  parent: ${parent}`] : []), "---", "Texte.");
    const graph = graphOf({
      "Médiation.md": lines("---", "eleventyNavigation:", "  key: mediation", "  title: Médiation culturelle", "---", "Texte."),
      "Collections.md": nav("collections", undefined, "médiation"),
      "Visites.md": nav("visites", "mediation"),
      "Ateliers.md": nav("ateliers", "mediation"),
      "Inventaire.md": nav("inventaire", "collections"),
      "Perdue.md": nav("perdue", "personne"),
      "Seule.md": tagged("question"),
    });
    expect(overviewGroups(graph)).toEqual([
      {
        heading: "Questions",
        parents: [
          { parent: { title: "Collections", url: "/collections/" }, notes: [{ title: "Inventaire", url: "/inventaire/" }] },
          {
            parent: { title: "Médiation culturelle", url: "/mediation/" },
            notes: [
              { title: "Ateliers", url: "/ateliers/" },
              { title: "Visites", url: "/visites/" },
            ],
          },
        ],
        notes: [
          { title: "Perdue", url: "/perdue/" },
          { title: "Seule", url: "/seule/" },
        ],
      },
      {
        heading: "Autres notes",
        parents: [],
        notes: [
          { title: "Collections", url: "/collections/" },
          { title: "Médiation culturelle", url: "/mediation/" },
        ],
      },
    ]);
  });
});

describe("tagPages", () => {
  const graph = graphOf({
    "Réserves.md": lines("# Les réserves", "", "Rangé sous #collections/réserves et #collections/réserves/caves."),
    "Collections.md": lines("---", "tags: [collections, Médiation]", "---", "# Collections"),
    "Médiation.md": lines("# Accueil", "", "Un #mediation et un #collections-réserves."),
    "Brouillon.md": lines("---", "draft: true", "---", "#secret/caché"),
  });
  const pages = tagPages(graph);
  const summary = (list: readonly { name: string; url: string; notes: readonly { title: string }[]; nested: boolean }[]) =>
    list.map((p) => [p.name, p.url, p.notes.map((n) => n.title), p.nested]);

  it("lists a nested tag's notes on its own page and on its parents', each page before its nested ones", () => {
    expect(summary(pages)).toEqual([
      ["collections", "/tags/collections/", ["Collections", "Les réserves"], false],
      ["collections/réserves", "/tags/collections/reserves/", ["Les réserves"], true],
      ["collections/réserves/caves", "/tags/collections/reserves/caves/", ["Les réserves"], true],
      ["collections-réserves", "/tags/collections-reserves/", ["Accueil"], false],
      ["mediation", "/tags/mediation/", ["Accueil", "Collections"], false],
    ]);
  });

  it("gives each page the pages nested one level under it, for the tags index", () => {
    expect(pages[0]!.subtags.map((p) => p.name)).toEqual(["collections/réserves"]);
    expect(pages[1]!.subtags.map((p) => p.name)).toEqual(["collections/réserves/caves"]);
    expect(pages[2]!.subtags).toEqual([]);
  });

  it("reserves the address of every tag page, parents included, and none for a draft's tags", () => {
    const urls = [...reservedUrls([...graph.index.byFile.values()])].filter(([url]) => url.startsWith("/tags/")).map(([url]) => url);
    expect(urls.sort()).toEqual(["/tags/", ...pages.map((p) => p.url)].sort());
  });
});

describe("missingNotes", () => {
  it("lists missing notes most-called first, then in French order of names, each caller once in French order of titles", () => {
    const graph = graphOf({
      "Accueil.md": "[[Note à venir]], [[Autre idée]] et ![[absente.png]].\n",
      "Zoo.md": "[[note à venir]] puis [[Note à venir]] et [[Fiche]].\n",
      "abeille.md": "[[Note à venir]] et [[Été prochain]].\n",
      "Brouillon.md": "---\ndraft: true\n---\n[[Idée cachée]] [[Autre idée]]\n",
      "Eau.md": "[[Été prochain]], [[Brouillon]] et [[écran]].\n",
    });
    const accueil = { title: "Accueil", url: "/accueil/" };
    const zoo = { title: "Zoo", url: "/zoo/" };
    const abeille = { title: "abeille", url: "/abeille/" };
    const eau = { title: "Eau", url: "/eau/" };
    expect(missingNotes(graph)).toEqual([
      { name: "Note à venir", callers: [abeille, accueil, zoo] },
      { name: "Été prochain", callers: [abeille, eau] },
      { name: "Autre idée", callers: [accueil] },
      { name: "Brouillon", callers: [eau] },
      { name: "écran", callers: [eau] },
      { name: "Fiche", callers: [zoo] },
    ]);
  });
});
