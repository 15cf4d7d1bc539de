import { describe, expect, it } from "vitest";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, memoryVault, rendererOf } from "../helpers.js";

const garden = rendererOf(
  memoryVault({
    "Tâches.md": lines("- [ ] Relire [[Claire]]", "- [x] Photographier"),
    "Lecteur.md": lines("![[Tâches]]"),
    "Claire.md": lines("# Claire"),
  }),
);
const render = (markdown: string): string => garden.renderAs("Lecteur.md", markdown);

describe("task lists", () => {
  it("show a disabled checkbox, ticked or not, labelled by the item's text, without the brackets", () => {
    expect(render(lines("- [ ] Numériser **les** fiches", "- [x] Trier", "- [X] Ranger", "- Sans case"))).toBe(
      [
        '<ul class="task-list">',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled>Numériser <strong>les</strong> fiches</label></li>',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled checked>Trier</label></li>',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled checked>Ranger</label></li>',
        "<li>Sans case</li>",
        "</ul>\n",
      ].join("\n"),
    );
  });

  it("work with « * », in ordered lists, in loose lists and nested", () => {
    expect(render(lines("* [X] Étoile", "", "1. [ ] Numérotée", "   - [x] Dedans"))).toBe(
      [
        '<ul class="task-list">',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled checked>Étoile</label></li>',
        "</ul>",
        '<ol class="task-list">',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled>Numérotée</label>',
        '<ul class="task-list">',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled checked>Dedans</label></li>',
        "</ul>",
        "</li>",
        "</ol>\n",
      ].join("\n"),
    );
    expect(render(lines("- [ ] Une", "", "- [x] Deux"))).toBe(
      [
        '<ul class="task-list">',
        '<li class="task-list-item">',
        '<p><label><input type="checkbox" class="task-checkbox" disabled>Une</label></p>',
        "</li>",
        '<li class="task-list-item">',
        '<p><label><input type="checkbox" class="task-checkbox" disabled checked>Deux</label></p>',
        "</li>",
        "</ul>\n",
      ].join("\n"),
    );
  });

  it("leave brackets that are no task as text", () => {
    expect(render(lines("- [ ]", "- [y] Non", "- [x]collé", "[ ] Hors liste"))).toBe(
      ["<ul>", "<li>[ ]</li>", "<li>[y] Non</li>", "<li>[x]collé<br>", "[ ] Hors liste</li>", "</ul>\n"].join("\n"),
    );
  });

  it("keep their links, and are turned once in an embedded note", () => {
    expect(garden.renderNote("Lecteur.md")).toBe(
      [
        '<div class="embed">',
        '<ul class="task-list">',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled>Relire <a href="/claire/" class="wikilink">Claire</a></label></li>',
        '<li class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled checked>Photographier</label></li>',
        "</ul>",
        '<p class="embed-source"><a href="/taches/" class="wikilink">Tâches</a></p>',
        "</div>\n",
      ].join("\n"),
    );
    const note = garden.graph.index.byFile.get(toVaultPath("Tâches.md"))!;
    expect(note.outline.summary).toBe("Relire Claire");
    expect(note.outline.links[0]?.context).toBe("Relire Claire");
  });

  it("keep a block id on their item", () => {
    expect(render("- [x] Fait ^etape")).toBe(
      '<ul class="task-list">\n<li id="^etape" class="task-list-item"><label><input type="checkbox" class="task-checkbox" disabled checked>Fait</label></li>\n</ul>\n',
    );
  });
});
