import { describe, expect, it } from "vitest";
import { lines, memoryVault, rendererOf } from "../helpers.js";

describe("links and images that name an attachment by a relative path", () => {
  const vault = memoryVault(
    {
      "Salles/Accueil.md": lines(
        "# Accueil",
        "",
        '[Le plan](docs/plan%20de%20salle.pdf#page=2 "Plan") et ![Carte](images/carte.png).',
        "",
        "[Racine](annexe.pdf), [absolu](/annexe.pdf), [ici](#accueil) et [absent](docs/absent.pdf).",
      ),
      "Brouillon.md": lines("---", "draft: true", "---", "[Secret](secret.pdf)"),
    },
    ["Salles/docs/plan de salle.pdf", "Salles/images/carte.png", "annexe.pdf", "secret.pdf"],
  );
  const garden = rendererOf(vault);

  it("are rewritten to the file's address on the site, found from the note's folder, then from the root; a file that is not there is a missing link", () => {
    expect(garden.renderNote("Salles/Accueil.md")).toBe(
      lines(
        '<h1 id="accueil">Accueil</h1>',
        '<p><a href="/Salles/docs/plan%20de%20salle.pdf#page=2" title="Plan">Le plan</a> et <img src="/Salles/images/carte.png" alt="Carte">.</p>',
        '<p><a href="/annexe.pdf">Racine</a>, <a href="/annexe.pdf">absolu</a>, <a href="#accueil">ici</a> et <a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">absent<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a>.</p>',
      ),
    );
  });

  it("are left as written when the file is not published", () => {
    expect(garden.renderNote("Brouillon.md")).toBe('<p><a href="secret.pdf">Secret</a></p>\n');
  });
});
