import { describe, expect, it } from "vitest";
import { prefixRootUrls } from "../../src/site/prefix-urls.js";

describe("prefixRootUrls", () => {
  it("puts every root-relative URL of a URL attribute under the prefix, on any element", () => {
    expect(
      prefixRootUrls(
        '<link rel="stylesheet" href="/assets/site.css"><script src="/assets/theme.js" defer></script><form action="/recherche/"><button formaction="/recherche/">Chercher</button></form>' +
          '<a href="/ma-note/#titre" class="wikilink">Note</a><img src="/images/logo%20bleu.png" alt=""><video src="/v.mp4" poster="/p.png"></video><object data="/plan.pdf"></object>' +
          '<svg><a href="/autre/"><circle r="5"></circle></a></svg><A HREF=\'/majuscules/\'>x</A><a href=/sans-guillemets/>y</a>',
        "/jardin/",
      ),
    ).toBe(
      '<link rel="stylesheet" href="/jardin/assets/site.css"><script src="/jardin/assets/theme.js" defer></script><form action="/jardin/recherche/"><button formaction="/jardin/recherche/">Chercher</button></form>' +
        '<a href="/jardin/ma-note/#titre" class="wikilink">Note</a><img src="/jardin/images/logo%20bleu.png" alt=""><video src="/jardin/v.mp4" poster="/jardin/p.png"></video><object data="/jardin/plan.pdf"></object>' +
        '<svg><a href="/jardin/autre/"><circle r="5"></circle></a></svg><A HREF=\'/jardin/majuscules/\'>x</A><a href=/jardin/sans-guillemets/>y</a>',
    );
  });

  it("puts each root-relative candidate of a srcset under the prefix, with its descriptor", () => {
    expect(prefixRootUrls('<source srcset="/a.png 1x, images/b.png 2x,/c.png 480w">', "/jardin/")).toBe('<source srcset="/jardin/a.png 1x, images/b.png 2x,/jardin/c.png 480w">');
  });

  it("leaves relative, protocol-relative, absolute and anchor URLs, other attributes, text, comments and scripts as they are", () => {
    const page =
      '<html lang="fr" data-base="/jardin/"><a href="#contenu">Aller</a><a href="images/x.png">x</a><a href="//cdn.example/x">x</a><a href="https://exemple.org/">x</a>' +
      '<a href="mailto:info@museumxtd.ch">x</a><link rel="icon" href="data:,"><p title="/titre/" data-url="/x/">Écrivez href="/x/" ou src="/y/"</p>' +
      '<!-- <a href="/commentaire/"> --><script>var a = \' href="/script/"\';</script><a href="">vide</a><a href>sans valeur</a></html>';
    expect(prefixRootUrls(page, "/jardin/")).toBe(page);
  });

  it("keeps the page byte for byte around the URLs, entities and all", () => {
    expect(prefixRootUrls('<p>« Café » &amp; <a href="/caf%C3%A9/?a=1&amp;b=2">thé</a></p>\n', "/musees/jardin/")).toBe(
      '<p>« Café » &amp; <a href="/musees/jardin/caf%C3%A9/?a=1&amp;b=2">thé</a></p>\n',
    );
  });

  it("changes nothing at the root of a domain", () => {
    const page = '<a href="/ma-note/">Note</a>';
    expect(prefixRootUrls(page, "/")).toBe(page);
  });
});
