import type { Problem, ProblemLevel } from "./problem.js";

/**
 * What a finding code means: its level, whether it stops the build, and its row of README's table of codes
 * (Markdown, in French): what it reports and how to fix it. Only errors may stop the build.
 */
export type FindingRule = { readonly summary: string; readonly fix: string } & (
  | { readonly level: "erreur"; readonly blocksBuild: boolean }
  | { readonly level: Exclude<ProblemLevel, "erreur">; readonly blocksBuild: false }
);

/** Every finding the check and the build report, in the order of README's table. A new finding is one row here. */
export const PROBLEMS = {
  "yaml-invalide": {
    level: "erreur",
    blocksBuild: true,
    summary: "l'en-tête entre les `---` est illisible (tabulation, `:` dans une valeur, guillemet ou crochet non fermé), ou ouvert par `---js` ou `--- texte`",
    fix: "suivre l'indice du message ; mettre la valeur entre guillemets",
  },
  "yaml-non-ferme": {
    level: "erreur",
    blocksBuild: true,
    summary: "l'en-tête ouvert par `---` n'est jamais fermé",
    fix: "ajouter une ligne `---` après l'en-tête",
  },
  "en-tete-pas-un-objet": {
    level: "erreur",
    blocksBuild: true,
    summary: "l'en-tête est une liste ou un texte seul",
    fix: "écrire des champs `nom: valeur`",
  },
  "url-en-double": {
    level: "erreur",
    blocksBuild: true,
    summary: "deux notes (ou une note et une page du site, ou un fichier joint et une page) auraient la même adresse, même écrite autrement (`/café/`, `/caf%C3%A9/`), ou deux fichiers le même nom écrit en NFC et en NFD, ou une note celui d'une entrée ignorée aux majuscules près ; ou un `permalink` ferait un dossier d'un fichier du site ou d'une page (`/flux.xml/`, `/404.html/`)",
    fix: "renommer une note ou lui donner un `permalink`, ou déplacer le fichier",
  },
  "permalink-invalide": {
    level: "erreur",
    blocksBuild: true,
    summary: "le `permalink` sort du site (`..`, `\\`), ne finit ni par `/` ni par `.html`, ou a une partie de plus de 255 octets",
    fix: "écrire une adresse comme `/ma-note/`",
  },
  "publication-invalide": {
    level: "erreur",
    blocksBuild: true,
    summary: "`draft`, `publish` ou `published` a une valeur qui n'est ni oui ni non (`draft: peut-être`) : la note n'est pas publiée",
    fix: "écrire `draft: true` (ou `false`) ; voir « Garder une note ou un fichier hors du site »",
  },
  "lien-casse": {
    level: "erreur",
    blocksBuild: false,
    summary: "le lien wiki ne mène à aucune note mais ressemble à une note existante ; ou un lien Markdown ou HTML vers le site ou le coffre (`[texte](Dossier/Note.md)`, `/Dossier/Note/`, `lien-a-completer`) ne mène à aucune note ni à aucun fichier",
    fix: "corriger le lien d'après la suggestion, ou écrire un lien wiki `[[Nom de la note]]`",
  },
  "image-introuvable": {
    level: "erreur",
    blocksBuild: false,
    summary: "une image Markdown ou HTML (`![](/images/x.png)`, `<img src=…>`) désigne un fichier absent du dossier des notes : la page montre son texte de remplacement",
    fix: "ajouter l'image au dossier, ou corriger son chemin",
  },
  "note-a-venir": {
    level: "info",
    blocksBuild: false,
    summary: "le lien mène à une note pas encore écrite",
    fix: "rien : elle figure sur la page « Notes à écrire »",
  },
  "tag-commentaire": {
    level: "avertissement",
    blocksBuild: false,
    summary: "`tags: #question` : YAML lit le `#` comme un commentaire",
    fix: "écrire `tags: [question]`",
  },
  "section-introuvable": {
    level: "avertissement",
    blocksBuild: false,
    summary: "`[[Note#Titre]]` : ce titre n'existe pas dans la note",
    fix: "corriger le titre après `#`",
  },
  "bloc-introuvable": {
    level: "avertissement",
    blocksBuild: false,
    summary: "`[[Note#^bloc]]` : ce bloc n'existe pas",
    fix: "corriger l'identifiant après `#^`",
  },
  "lien-ambigu": {
    level: "avertissement",
    blocksBuild: false,
    summary: "plusieurs notes portent ce nom",
    fix: "écrire le chemin : `[[Dossier/Note]]`",
  },
  "lien-copie-d-obsidian": {
    level: "avertissement",
    blocksBuild: false,
    summary: "un lien `app://obsidian.md/…` ou `obsidian://open?…` copié depuis Obsidian : il ne s'ouvre que dans l'application, le site le fait mener à la note",
    fix: "écrire un lien wiki `[[Nom de la note]]`",
  },
  "lien-vers-brouillon": {
    level: "avertissement",
    blocksBuild: false,
    summary: "le lien mène à une note non publiée",
    fix: "publier la note ou retirer le lien",
  },
  "fichier-introuvable": {
    level: "avertissement",
    blocksBuild: false,
    summary: "l'image ou le fichier lié n'est pas dans le dossier des notes",
    fix: "ajouter le fichier ou corriger son nom",
  },
  "entree-ignoree": {
    level: "avertissement",
    blocksBuild: false,
    summary: "un lien symbolique, un périphérique, un tube ou une socket dans le dossier des notes : jamais suivi ni lu",
    fix: "mettre à sa place le fichier ou le dossier lui-même, ou le retirer",
  },
  "eleventyignore-sans-effet": {
    level: "avertissement",
    blocksBuild: false,
    summary: "un `.eleventyignore` dans le dossier des notes : il ne cache rien",
    fix: "marquer les notes `draft: true` ou les ranger dans `Brouillon`, puis supprimer ce fichier",
  },
  "integration-introuvable": {
    level: "avertissement",
    blocksBuild: false,
    summary: "`![[…]]` intègre une image ou une note qui n'existe pas",
    fix: "ajouter le fichier ou la note, ou corriger son nom",
  },
  "dossier-reserve": {
    level: "erreur",
    blocksBuild: true,
    summary: "une note, ou un fichier qu'elle utilise, serait publié sous `/assets/` ou `/pagefind/`, les dossiers du site lui-même",
    fix: "ranger la note ou le fichier dans un autre dossier (ou changer le `permalink`)",
  },
  "fichier-actif": {
    level: "erreur",
    blocksBuild: true,
    summary: "une note utilise un script ou une page web (`.js`, `.html`, `.xml`, `.wasm`…), jamais publiés",
    fix: "retirer le lien, ou publier ce contenu autrement",
  },
  "svg-actif": {
    level: "erreur",
    blocksBuild: true,
    summary: "une note utilise une image SVG avec un script, un attribut `on…`, un `foreignObject` ou un lien extérieur",
    fix: "l'enregistrer en « SVG simple », ou l'exporter en PNG",
  },
  "piece-jointe-refusee": {
    level: "avertissement",
    blocksBuild: false,
    summary: "une note utilise un fichier jamais publié : réglage de l'hébergeur (`CNAME`, `_redirects`…), fichier d'un dossier `Brouillon`, type non permis",
    fix: "retirer le lien, ou convertir le fichier",
  },
  "piece-jointe-inutilisee": {
    level: "info",
    blocksBuild: false,
    summary: "aucune note publiée n'utilise ce fichier : il n'est pas publié",
    fix: "le supprimer s'il ne sert plus",
  },
  "date-invalide": {
    level: "avertissement",
    blocksBuild: false,
    summary: "la `date` de l'en-tête n'est pas une date : la date Git la remplace",
    fix: "écrire `date: 2024-03-18`",
  },
  "note-vide": {
    level: "avertissement",
    blocksBuild: false,
    summary: "la note n'a aucun texte",
    fix: "l'écrire, ou la marquer `draft: true` en attendant",
  },
  "titre-different-du-nom": {
    level: "avertissement",
    blocksBuild: false,
    summary: "le titre `# …` qui ouvre la note n'est ni le nom du fichier ni un alias (aux majuscules, accents et ponctuation près) : les liens suivent le nom du fichier",
    fix: "renommer le fichier comme le titre, ou changer le titre, ou en faire un alias",
  },
  "titre-en-double": {
    level: "avertissement",
    blocksBuild: false,
    summary: "deux notes ont le même titre",
    fix: "donner des titres différents",
  },
  "alias-en-double": {
    level: "avertissement",
    blocksBuild: false,
    summary: "un alias est aussi le nom ou l'alias d'une autre note",
    fix: "garder l'alias sur une seule note",
  },
  "html-retire": {
    level: "avertissement",
    blocksBuild: false,
    summary: "le HTML de la note contient une balise, un attribut ou une adresse que le site retire (script, `meta`, `on…`, `style`, `data-pagefind-*`, `javascript:`…), ou un commentaire jamais fermé",
    fix: "supprimer ce HTML ou l'écrire en Markdown ; voir « Vie privée » pour ce qui est permis",
  },
  "note-orpheline": {
    level: "info",
    blocksBuild: false,
    summary: "aucune note publiée ne mène à cette note",
    fix: "ajouter un lien depuis une note voisine",
  },
  "commentaires-prives": {
    level: "info",
    blocksBuild: false,
    summary: "la note contient des commentaires privés `%%…%%` : ils ne sont jamais publiés",
    fix: "rien : c'est voulu ; pour publier ce texte, retirer les `%%`",
  },
} as const satisfies Record<string, FindingRule>;

export type ProblemCode = keyof typeof PROBLEMS;

/** A problem that would make the published site wrong: the build stops on it. */
export function blocksBuild(problem: Problem): boolean {
  return PROBLEMS[problem.code].blocksBuild;
}
