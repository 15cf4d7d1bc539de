import { describe, expect, it } from "vitest";
import { buildLinkGraph, type GraphOptions } from "../../src/link-graph/link-graph.js";
import { blocksBuild } from "../../src/vault-scan/findings.js";
import { asSiteUrl } from "../../src/vault-scan/paths.js";
import type { Vault } from "../../src/vault-scan/read-vault.js";
import { lines, memoryVault } from "../helpers.js";

const ATTACHMENT_CODES = new Set(["piece-jointe-inutilisee", "piece-jointe-refusee", "fichier-actif", "svg-actif", "dossier-reserve", "url-en-double"]);

function graphOf(vault: Vault, options: Partial<GraphOptions> = {}) {
  const graph = buildLinkGraph(vault, { reservedUrls: new Map(), ...options });
  const findings = graph.problems.filter((p) => ATTACHMENT_CODES.has(p.code)).map((p) => `${p.file}:${p.line}:${p.column} ${p.level} ${p.code}`);
  return { graph, findings };
}

describe("the attachments the site publishes", () => {
  it("publishes what published notes use, by wikilink, Markdown link or image, reference or HTML attribute", () => {
    const vault = memoryVault(
      {
        "Accueil.md": lines(
          "# Accueil",
          "",
          "![[salle.png]] et [[guide.pdf]]",
          "![Logo](/images/logo%20bleu.png) [plan](docs/plan.pdf?v=2#page=3 \"Plan\")",
          "<figure><img",
          '  src="images/carte.webp" alt="Carte"></figure> <a href="/docs/annexe.pdf#p2">annexe</a>',
          "[ref]: <images/référence.png>",
          "`![](images/code.png)` [ailleurs](https://example.org/x.png) [mail](mailto:a@b.fr) [ancre](#titre)",
          "```",
          "![](images/bloc.png)",
          "```",
        ),
        "Dossier/Sous-note.md": lines("# Sous-note", "", "[voisin](voisin.pdf) [remonte](../images/haut.png) [sort](../../dehors.png)"),
      },
      [
        "salle.png",
        "guide.pdf",
        "images/logo bleu.png",
        "docs/plan.pdf",
        "images/carte.webp",
        "docs/annexe.pdf",
        "images/référence.png",
        "images/code.png",
        "images/bloc.png",
        "Dossier/voisin.pdf",
        "images/haut.png",
        "dehors.png",
      ],
    );
    const { graph, findings } = graphOf(vault);
    expect([...graph.publishedAssets].sort()).toEqual(
      ["Dossier/voisin.pdf", "docs/annexe.pdf", "docs/plan.pdf", "guide.pdf", "images/carte.webp", "images/haut.png", "images/logo bleu.png", "images/référence.png", "salle.png"].sort(),
    );
    expect(findings).toEqual(["dehors.png:1:1 info piece-jointe-inutilisee", "images/bloc.png:1:1 info piece-jointe-inutilisee", "images/code.png:1:1 info piece-jointe-inutilisee"]);
  });

  it("leaves out, as information, a file no note uses and one only unpublished notes use, saying which", () => {
    const vault = memoryVault(
      {
        "Accueil.md": "# Accueil\n",
        "Brouillon.md": lines("---", "draft: true", "---", "# Brouillon", "", "[[brouillon.pdf]] ![[x.js]]"),
      },
      ["brouillon.pdf", "À supprimer/vieille.png", "x.js"],
    );
    const { graph } = graphOf(vault);
    expect(graph.publishedAssets).toEqual([]);
    expect(graph.problems.filter((p) => p.code === "piece-jointe-inutilisee").map((p) => [p.file, p.level, p.message])).toEqual([
      ["À supprimer/vieille.png", "info", "« À supprimer/vieille.png » n'est pas publié : aucune note publiée ne l'utilise. Supprimez-le s'il ne sert plus, ou liez-le depuis une note publiée."],
      ["brouillon.pdf", "info", "« brouillon.pdf » n'est pas publié : seules des notes non publiées l'utilisent (« Brouillon.md »). Il le sera dès qu'une note publiée l'utilisera."],
      ["x.js", "info", "« x.js » n'est pas publié : seules des notes non publiées l'utilisent (« Brouillon.md »), et les fichiers « .js » ne le sont jamais. Supprimez-le s'il ne sert plus."],
    ]);
  });

  it("refuses active files, active SVGs and files under the site's folders with blocking errors at each use, naming both files", () => {
    const vault = memoryVault(
      {
        "Note.md": lines("# Note", "", "![[x.js]] [page](page.html) <script src=\"/assets/stats.js\"></script>", "![[logo.svg]] [[données.xml]] [[module.wasm]] ![[pagefind/logo.png]]"),
      },
      ["x.js", "page.html", "assets/stats.js", "logo.svg", "données.xml", "module.wasm", "pagefind/logo.png"],
      { "logo.svg": "il contient un élément <script>" },
    );
    const { graph, findings } = graphOf(vault, { reservedUrls: new Map([[asSiteUrl("/assets/stats.js"), "assets/stats.js"]]) });
    expect(graph.publishedAssets).toEqual([]);
    expect(findings).toEqual([
      "Note.md:3:1 erreur fichier-actif",
      "Note.md:3:18 erreur fichier-actif",
      "Note.md:3:29 erreur dossier-reserve",
      "Note.md:4:1 erreur svg-actif",
      "Note.md:4:15 erreur fichier-actif",
      "Note.md:4:31 erreur fichier-actif",
      "Note.md:4:47 erreur dossier-reserve",
    ]);
    const messages = graph.problems.filter((p) => p.level === "erreur").map((p) => p.message);
    expect(messages).toContain("« assets/stats.js » serait publié à l'adresse /assets/stats.js, dans le dossier /assets/ où le site range ses propres fichiers, à la place de son fichier « assets/stats.js ». Déplacez ce fichier dans un autre dossier du coffre, puis corrigez le lien.");
    expect(messages).toContain("Le fichier « logo.svg » n'est pas publié : il contient un élément <script>, ce qui pourrait exécuter du code ou charger des fichiers depuis le site. Enregistrez-le sans script, sans attribut « on… » ni lien extérieur (en « SVG simple » dans Inkscape), ou exportez-le en PNG.");
    expect(graph.problems.filter((p) => p.level === "erreur").every(blocksBuild)).toBe(true);
  });

  it("never publishes a host's control file, a file of a Brouillon folder or one of another kind, and warns at the use", () => {
    const vault = memoryVault(
      { "Note.md": lines("# Note", "", "[r](_redirects) [[CNAME]] [[netlify.toml]] [[vercel.json]] [[_headers]] ![[Brouillon/photo.png]] [css](style.css)") },
      ["_redirects", "CNAME", "netlify.toml", "vercel.json", "_headers", "Brouillon/photo.png", "style.css"],
    );
    const { graph, findings } = graphOf(vault);
    expect(graph.publishedAssets).toEqual([]);
    expect(findings).toEqual([
      "Note.md:3:5 avertissement piece-jointe-refusee",
      "Note.md:3:17 avertissement piece-jointe-refusee",
      "Note.md:3:27 avertissement piece-jointe-refusee",
      "Note.md:3:44 avertissement piece-jointe-refusee",
      "Note.md:3:60 avertissement piece-jointe-refusee",
      "Note.md:3:73 avertissement piece-jointe-refusee",
      "Note.md:3:104 avertissement piece-jointe-refusee",
    ]);
    expect(graph.problems.find((p) => p.column === 104)?.message).toBe(
      "« style.css » n'est pas publié : les fichiers « .css » ne font pas partie des pièces jointes permises (images, documents, sons, vidéos, zip, epub). Convertissez-le, par exemple en PDF, ou retirez le lien.",
    );
  });

  it("publishes the allowed files of the folders always published, used or not, and never a folder of the site", () => {
    const vault = memoryVault({ "Note.md": "# Note\n" }, ["public/fiche.pdf", "public/images/plan.png", "public/outil.js", "assets/logo.png", "autre.pdf"]);
    const { graph, findings } = graphOf(vault, { alwaysPublishedFolders: ["/public/", "assets"] });
    expect(graph.publishedAssets).toEqual(["public/fiche.pdf", "public/images/plan.png"]);
    expect(findings).toEqual(["assets/logo.png:1:1 erreur dossier-reserve", "autre.pdf:1:1 info piece-jointe-inutilisee", "public/outil.js:1:1 info piece-jointe-inutilisee"]);
  });

  it("still stops on an attachment a note uses at the place of a page of the site", () => {
    const vault = memoryVault({ "Note.md": lines("# Note", "", "[robots](robots.txt)") }, ["robots.txt"]);
    const { findings } = graphOf(vault, { reservedUrls: new Map([[asSiteUrl("/robots.txt"), "robots.txt"]]) });
    expect(findings).toEqual(["robots.txt:1:1 erreur url-en-double"]);
  });

  it("stops on a note that would be published under the site's folders, by its place or its permalink", () => {
    const vault = memoryVault({
      "Assets/Note.md": "# Note\n",
      "Index.md": lines("---", "permalink: /pagefind/index.html", "---", "# Index"),
      "Brouillon/assets.md": "# Brouillon\n",
    });
    const { graph } = graphOf(vault);
    expect(graph.problems.filter((p) => p.code === "dossier-reserve").map((p) => `${p.file}:${p.line} ${p.level} ${p.message}`)).toEqual([
      "Assets/Note.md:1 erreur La note serait publiée à l'adresse /assets/note/, dans le dossier /assets/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /assets/.",
      "Index.md:2 erreur La note serait publiée à l'adresse /pagefind/index.html, dans le dossier /pagefind/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /pagefind/.",
    ]);
  });
});
