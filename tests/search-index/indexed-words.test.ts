import { describe, expect, it } from "vitest";
import { IndexedWords, searchKey } from "../../src/search-index/indexed-words.js";

describe("IndexedWords", () => {
  it("lists the words Pagefind reads, each once as most often written, the most frequent first", () => {
    const words = new IndexedWords();
    words.add(
      '<article><p>Titre hors du corps</p><div data-pagefind-body><h1>Les Musées d’Orsay</h1><p>Un musée, des musées, des <em>œuvres</em>.<br>Voir <a href="/x/">ICOM<span data-pagefind-ignore=""> (lien externe)</span></a> <span class="wikilink-missing">Plus tard<span data-pagefind-ignore=""> (note à venir)</span></span> &amp; 2022 au caf&eacute;.</p></div></article>',
    );
    words.add('<div data-pagefind-body><p>Musées et musées.</p><figure data-pagefind-ignore="all"><figure><p>Charger</p></figure><p>la vidéo</p></figure><br data-pagefind-ignore></div>');
    expect(JSON.parse(words.json())).toEqual(["musées", "des", "2022", "au", "café", "d", "et", "icom", "les", "musée", "orsay", "plus", "tard", "un", "voir", "œuvres"]);
  });

  it("compares words without case, accents or ligatures, as the search page does", () => {
    expect(searchKey("Œuvres")).toBe("oeuvres");
    expect(searchKey("Cæsar")).toBe("caesar");
    expect(searchKey("Musée")).toBe("musee");
    expect(searchKey("NUMÉRISÉES")).toBe("numerisees");
  });
});
