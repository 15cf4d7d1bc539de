import { beforeAll, describe, expect, it } from "vitest";
import { gardenRenderer, lines, memoryVault, rendererOf, type GardenRenderer } from "../helpers.js";

const MISSING_HINT = '<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a>';

describe("Markdown and HTML links and images, as the link graph resolved them (tests/fixtures/real-vault)", () => {
  let garden: GardenRenderer;
  beforeAll(async () => {
    garden = await gardenRenderer("real-vault");
  });

  it("lead to the note like a wikilink, show a link to nothing like a note to write, and an image of nothing as its text", () => {
    expect(garden.renderNote("Liens.md")).toBe(
      lines(
        '<h1 id="liens">Liens</h1>',
        "<ol>",
        '<li>Relatif : <a href="/ressources/guide-numerique/" class="wikilink">le guide</a>.</li>',
        '<li>Sans extension : <a href="/questions/competences-numeriques/" class="wikilink">compétences</a>.</li>',
        '<li>Depuis la racine : <a href="/ressources/guide-numerique/" class="wikilink">absolu</a>.</li>',
        '<li>Avec des espaces : <a href="/questions/competences-numeriques/" class="wikilink">espaces</a>.</li>',
        '<li>Ancien site : <a href="/questions/competences-numeriques/#former-les-equipes" class="wikilink">ancien</a>.</li>',
        "<li>Copié de l'application : <a href=\"/ressources/guide-numerique/\" class=\"wikilink\">app</a>.</li>",
        "<li>Copié d'Obsidian : <a href=\"/questions/competences-numeriques/\" class=\"wikilink\">obsidian</a>.</li>",
        `<li>À compléter : <a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">à compléter${MISSING_HINT}.</li>`,
        '<li>Le site lui-même : <a href="/questions/competences-numeriques/#former-les-equipes" class="wikilink">site</a> et <a href="/ressources/guide-numerique/" class="wikilink">sans www</a>.</li>',
        `<li>Une coquille : <a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">coquille${MISSING_HINT}.</li>`,
        "</ol>",
        '<p><span class="image-manquante">Plan de la salle</span> et <img src="/images/logo.png" alt="Logo"></p>',
        '<p><span class="image-manquante">Photo absente</span> <a href="/ressources/guide-numerique/" class="wikilink">guide en HTML</a> <img src="/images/logo.png" alt="Logo HTML" /></p>',
      ),
    );
  });
});

describe("links in raw HTML", () => {
  const garden = rendererOf(
    memoryVault(
      {
        "A.md": lines(
          "# A",
          "",
          'Un <a href="B.md">lien <b>gras</b></a>, un <a href="rien.md">lien perdu</a> et <a href="https://exemple.org/">ailleurs</a>.',
          "",
          "<div>",
          '<a href="rien.md">en bloc</a>',
          '<img src="absente.png">',
          '<img src="docs/photo.png" alt="Photo">',
          "</div>",
        ),
        "B.md": "# B\n",
      },
      ["docs/photo.png"],
    ),
  );

  it("read a tag's attributes from its start, so that an attribute's value cannot pass for its address", () => {
    const hostile = rendererOf(memoryVault({ "lang=.md": "# L\n", "Piège.md": '# Piège\n\n<a title=" href=" lang="x href=https://evil.org/" href="lang=">z</a>\n' }));
    expect(hostile.renderNote("Piège.md")).toBe(
      lines('<h1 id="piege">Piège</h1>', '<p><a title=" href=" lang="x href=https://evil.org/" href="/lang/" class="wikilink">z</a></p>'),
    );
  });

  it("follow the rules of Markdown links, inline and in blocks, the missing image shown by its file name without alt text", () => {
    expect(garden.renderNote("A.md")).toBe(
      lines(
        '<h1 id="a">A</h1>',
        `<p>Un <a href="/b/" class="wikilink">lien <b>gras</b></a>, un <a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">lien perdu${MISSING_HINT} et <a href="https://exemple.org/">ailleurs</a>.</p>`,
        "<div>",
        `<a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">en bloc${MISSING_HINT}`,
        '<span class="image-manquante">absente.png</span>',
        '<img src="/docs/photo.png" alt="Photo" />',
        "</div>",
      ),
    );
  });
});
