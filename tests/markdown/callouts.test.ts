import { describe, expect, it } from "vitest";
import { calloutType } from "../../src/markdown/callout-types.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, memoryVault, rendererOf } from "../helpers.js";

const garden = rendererOf(
  memoryVault({
    "Réserves.md": lines("# Réserves", "", "> [!tip] Voir [[Claire]]", "> Avant de visiter, lire [[Claire]] en entier.", "", "## Dans la note", "", "> [!info]", "> ## Titre dans l'encadré"),
    "Claire.md": lines("# Claire"),
    "Visite.md": lines("> [!quote]- Extrait", "> Avant de visiter, lire [[Claire]] en entier."),
    "Lecteur.md": lines("Texte."),
  }),
);
const render = (markdown: string): string => garden.renderAs("Lecteur.md", markdown);
const icon = (type: string): string => calloutType(type).icon;

describe("callouts", () => {
  it("draw their type's icon without any font, hidden from screen readers", () => {
    expect(icon("warning")).toBe(
      '<svg class="callout-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 3L2 20h20z"/><path d="M12 9v5"/><path d="M12 17v.5"/></svg>',
    );
  });

  it("become a note box titled by their own title, named by their type's French label", () => {
    expect(render(lines("> [!warning] Objets fragiles", "> Ne pas toucher."))).toBe(
      [
        '<div class="callout callout-warning" role="note" aria-label="Attention">',
        `<p class="callout-title">${icon("warning")}Objets fragiles</p>`,
        '<div class="callout-content">',
        "<p>Ne pas toucher.</p>",
        "</div>",
        "</div>\n",
      ].join("\n"),
    );
  });

  it("are titled by their type's label when they have no title, and may have no content", () => {
    expect(render("> [!todo]")).toBe(
      ['<div class="callout callout-todo" role="note" aria-label="À faire">', `<p class="callout-title">${icon("todo")}À faire</p>`, "</div>\n"].join("\n"),
    );
  });

  it.each([
    ["note", "note", "Remarque"],
    ["NOTE", "note", "Remarque"],
    ["abstract", "abstract", "Résumé"],
    ["summary", "abstract", "Résumé"],
    ["TLDR", "abstract", "Résumé"],
    ["info", "info", "Information"],
    ["todo", "todo", "À faire"],
    ["tip", "tip", "Astuce"],
    ["hint", "tip", "Astuce"],
    ["important", "tip", "Astuce"],
    ["success", "success", "Réussite"],
    ["check", "success", "Réussite"],
    ["done", "success", "Réussite"],
    ["question", "question", "Question"],
    ["help", "question", "Question"],
    ["faq", "question", "Question"],
    ["warning", "warning", "Attention"],
    ["caution", "warning", "Attention"],
    ["Attention", "warning", "Attention"],
    ["failure", "failure", "Échec"],
    ["fail", "failure", "Échec"],
    ["missing", "failure", "Échec"],
    ["danger", "danger", "Danger"],
    ["error", "danger", "Danger"],
    ["bug", "bug", "Bogue"],
    ["example", "example", "Exemple"],
    ["quote", "quote", "Citation"],
    ["cite", "quote", "Citation"],
    ["inconnu", "note", "Remarque"],
  ])("[!%s] is a %s callout, « %s »", (written, family, label) => {
    expect(render(`> [!${written}]`)).toBe(
      [`<div class="callout callout-${family}" role="note" aria-label="${label}">`, `<p class="callout-title">${icon(family)}${label}</p>`, "</div>\n"].join("\n"),
    );
  });

  it("fold closed with « - » and open with « + », in <details>, with no script", () => {
    expect(render(lines("> [!faq]- Pourquoi ?", "> Parce que."))).toBe(
      [
        '<div class="callout callout-question" role="note" aria-label="Question">',
        "<details>",
        `<summary class="callout-title">${icon("question")}Pourquoi ?</summary>`,
        '<div class="callout-content">',
        "<p>Parce que.</p>",
        "</div>",
        "</details>",
        "</div>\n",
      ].join("\n"),
    );
    expect(render(lines("> [!example]+", "> Un exemple."))).toBe(
      [
        '<div class="callout callout-example" role="note" aria-label="Exemple">',
        '<details open="">',
        `<summary class="callout-title">${icon("example")}Exemple</summary>`,
        '<div class="callout-content">',
        "<p>Un exemple.</p>",
        "</div>",
        "</details>",
        "</div>\n",
      ].join("\n"),
    );
  });

  it("nest, beside a plain quote that stays a quote", () => {
    expect(render(lines("> [!note] Dehors", "> Texte.", ">", "> > [!danger]", "> > Dedans.", ">", "> > Une citation."))).toBe(
      [
        '<div class="callout callout-note" role="note" aria-label="Remarque">',
        `<p class="callout-title">${icon("note")}Dehors</p>`,
        '<div class="callout-content">',
        "<p>Texte.</p>",
        '<div class="callout callout-danger" role="note" aria-label="Danger">',
        `<p class="callout-title">${icon("danger")}Danger</p>`,
        '<div class="callout-content">',
        "<p>Dedans.</p>",
        "</div>",
        "</div>",
        "<blockquote>",
        "<p>Une citation.</p>",
        "</blockquote>",
        "</div>",
        "</div>\n",
      ].join("\n"),
    );
  });

  it("leave a quote whose first line is no callout line as a quote", () => {
    expect(render(lines("> [!note]Collé", "> [!a b]"))).toBe("<blockquote>\n<p>[!note]Collé<br>\n[!a b]</p>\n</blockquote>\n");
  });

  it("hold wikilinks in their title and text, which appear in backlinks with a context without the callout's type", () => {
    expect(garden.renderNote("Réserves.md")).toBe(
      [
        '<h1 id="reserves">Réserves</h1>',
        '<div class="callout callout-tip" role="note" aria-label="Astuce">',
        `<p class="callout-title">${icon("tip")}Voir <a href="/claire/" class="wikilink">Claire</a></p>`,
        '<div class="callout-content">',
        '<p>Avant de visiter, lire <a href="/claire/" class="wikilink">Claire</a> en entier.</p>',
        "</div>",
        "</div>",
        '<h2 id="dans-la-note">Dans la note</h2>',
        '<div class="callout callout-info" role="note" aria-label="Information">',
        `<p class="callout-title">${icon("info")}Information</p>`,
        '<div class="callout-content">',
        `<h2 id="titre-dans-l-encadre">Titre dans l'encadré</h2>`,
        "</div>",
        "</div>\n",
      ].join("\n"),
    );
    const backlinks = garden.graph.backlinks.get(toVaultPath("Claire.md")) ?? [];
    expect(backlinks.map((b) => [b.from.file, b.line, b.context])).toEqual([
      ["Réserves.md", 3, "Voir Claire"],
      ["Visite.md", 2, "Avant de visiter, lire Claire en entier."],
    ]);
  });

  it("agree with the scan on the headings they hold", () => {
    const note = garden.graph.index.byFile.get(toVaultPath("Réserves.md"))!;
    expect(note.outline.headings.map((h) => [h.text, h.id])).toEqual([
      ["Réserves", "reserves"],
      ["Dans la note", "dans-la-note"],
      ["Titre dans l'encadré", "titre-dans-l-encadre"],
    ]);
  });

  it("keep the raw HTML policy: hostile HTML in a callout is removed, its formatting kept", () => {
    expect(render(lines("> [!note] <img src=x onerror=alert(1)>Titre", "> <b onclick=alert(2)>gras</b> <script>alert(3)</script>", ">", "> <iframe src=https://mal.example></iframe>"))).toBe(
      [
        '<div class="callout callout-note" role="note" aria-label="Remarque">',
        `<p class="callout-title">${icon("note")}<img src="x" />Titre</p>`,
        '<div class="callout-content">',
        "<p><b>gras</b> alert(3)</p>",
        "",
        "</div>",
        "</div>\n",
      ].join("\n"),
    );
  });
});
