import { describe, expect, it } from "vitest";
import { plainText } from "../../src/vault-scan/plain-text.js";

describe("plainText", () => {
  it.each([
    ["**Comment mener un projet numérique?**", "Comment mener un projet numérique?"],
    ["**Comment** [[Note|mener]] `x`", "Comment mener x"],
    ["Voir [[Note#Section]]", "Voir Note > Section"],
    ["Voir [[#Section]]", "Voir Section"],
    ["Voir [[Note#^bloc]]", "Voir Note > ^bloc"],
    ["Voir [[ Note ]]", "Voir Note"],
    ["Avant ![[image.png|300]] après", "Avant après"],
    ["Un [lien](https://exemple.ch/a_b) externe", "Un lien externe"],
    ["![Une salle](salle.png)", "Une salle"],
    ["_emphase_ et snake_case_nom", "emphase et snake_case_nom"],
    ["*un* __deux__ ***trois***", "un deux trois"],
    ["~~barré~~ et ==surligné==", "barré et surligné"],
    ['<span class="x">texte</span> <br/>fin', "texte fin"],
    ["Titre<br>suite", "Titre suite"],
    ["Un<BR />deux", "Un deux"],
    ["a   b\n\t c", "a b c"],
    ["\\[[Pas un lien]]", "[[Pas un lien]]"],
    ["``code avec ` dedans``", "code avec ` dedans"],
    ["Qu’est-ce qu'un « musée » ?", "Qu’est-ce qu'un « musée » ?"],
    ["5 < 6 et <pas une balise", "5 < 6 et <pas une balise"],
    ["Une note[^1] et une autre[^source].", "Une note et une autre."],
    ["[^pas fermé et [^a b]", "[^pas fermé et [^a b]"],
  ])("%j gives %j", (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });
});
