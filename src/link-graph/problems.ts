import { compareFrench } from "../vault-scan/french-order.js";
import type { LinkOccurrence } from "../vault-scan/markdown-outline.js";
import { homeNoteOf, type Note } from "../vault-scan/note.js";
import { safeDecode, type SiteUrl, type VaultPath } from "../vault-scan/paths.js";
import { problemAt, type Problem } from "../vault-scan/problem.js";
import { targetText } from "../vault-scan/wikilink-syntax.js";
import { looksLikeAttachment, type Resolution } from "./resolve-link.js";
import { siteFolderOf } from "./site-folders.js";
import type { TypoFinder } from "./suggestions.js";

function quoted(names: readonly string[]): string {
  return names.map((n) => `« ${n} »`).join(", ");
}

/** The link as the editor wrote it, for messages: most links raise none, so it is spelt out only for one. */
function writtenLink({ syntax: { embed, target }, href }: LinkOccurrence): string {
  return href !== undefined ? `« ${href} »` : `${embed ? "!" : ""}[[${targetText(target)}]]`;
}

/** What the page shows for a link to a section or block its note lacks: an embed shows a sentence saying so. */
function missingFragmentOutcome(occurrence: LinkOccurrence): string {
  return occurrence.syntax.embed ? `${writtenLink(occurrence)} n'intègre rien, la page le signale à sa place` : `le lien ${writtenLink(occurrence)} mène au début de la note`;
}

/** The problem a resolved link raises, if any. */
export function linkProblem(from: Note, occurrence: LinkOccurrence, resolution: Resolution, typos: TypoFinder): Problem | undefined {
  const at = { file: from.file, line: occurrence.line, column: occurrence.column };
  const { target, embed } = occurrence.syntax;
  switch (resolution.kind) {
    case "missing": {
      if (embed) {
        return problemAt(at, "integration-introuvable", `${writtenLink(occurrence)} intègre « ${target.note} », qui n'existe pas dans le dossier des notes : rien ne s'affiche à sa place. Ajoutez ce fichier ou cette note, ou corrigez son nom.`);
      }
      if (occurrence.href !== undefined) {
        const suggestions = typos.suggest(target.note.slice(target.note.lastIndexOf("/") + 1));
        const guess = suggestions.length === 0 ? "" : suggestions.length === 1 ? ` Vouliez-vous dire ${quoted(suggestions)} ?` : ` Vouliez-vous dire l'une de ces notes : ${quoted(suggestions)} ?`;
        return problemAt(at, "lien-casse", `Le lien ${writtenLink(occurrence)} ne mène à aucune note ni à aucun fichier du dossier des notes : il s'affiche comme une note à venir.${guess} Corrigez-le, ou écrivez un lien wiki [[Nom de la note]].`);
      }
      if (looksLikeAttachment(target.note)) {
        return problemAt(at, "fichier-introuvable", `Le fichier de ${writtenLink(occurrence)} est introuvable dans le dossier des notes. Ajoutez-le au dossier, ou corrigez son nom.`);
      }
      const suggestions = typos.suggest(target.note);
      if (suggestions.length > 0) {
        const guess = suggestions.length === 1 ? `Vouliez-vous dire ${quoted(suggestions)} ?` : `Vouliez-vous dire l'une de ces notes : ${quoted(suggestions)} ?`;
        return problemAt(at, "lien-casse", `Le lien ${writtenLink(occurrence)} ne mène à aucune note. ${guess}`);
      }
      return problemAt(at, "note-a-venir", `Le lien ${writtenLink(occurrence)} mène à une note qui reste à écrire ; il s'affiche comme « note à venir ».`);
    }
    case "unpublished":
      if (from.unpublished) return undefined;
      return problemAt(at, "lien-vers-brouillon", `Le lien ${writtenLink(occurrence)} mène à « ${resolution.note.file} », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.`);
    case "note": {
      if (resolution.fragmentMissing === "heading") {
        return problemAt(at, "section-introuvable", `La section « ${target.heading} » n'existe pas dans « ${resolution.note.file} » : ${missingFragmentOutcome(occurrence)}. Corrigez le titre de section après « # ».`);
      }
      if (resolution.fragmentMissing === "block") {
        return problemAt(at, "bloc-introuvable", `Le bloc « ^${target.block} » n'existe pas dans « ${resolution.note.file} » : ${missingFragmentOutcome(occurrence)}.`);
      }
      if (resolution.alternatives.length > 0) {
        const all = [resolution.note, ...resolution.alternatives].map((n) => n.file);
        const pathOf = (file: string) => file.replace(/\.md$/i, "");
        const intro = `Le lien ${writtenLink(occurrence)} peut désigner plusieurs notes : ${quoted(all)}. Il mène à « ${resolution.note.file} »`;
        // A note at the root is reached by its bare name: its whole path is the link already written.
        const advice =
          pathOf(resolution.note.file).toLowerCase() === target.note.toLowerCase()
            ? `, à la racine du coffre ; pour en choisir une autre, écrivez son chemin complet, par exemple [[${pathOf(all[1]!)}]].`
            : ` ; écrivez le chemin complet, par exemple [[${pathOf(resolution.note.file)}]], pour choisir.`;
        return problemAt(at, "lien-ambigu", intro + advice);
      }
      return undefined;
    }
    case "asset":
      return undefined;
  }
}

/**
 * Problems of the site as a whole: two notes on one URL, a note on a URL the site uses, a permalink leaving the site
 * or naming no page, a published attachment copied over a page.
 */
export function siteProblems(notes: readonly Note[], assets: readonly VaultPath[], reservedUrls: ReadonlyMap<SiteUrl, string>): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, Note>();
  // The site's pages by the file they are written to; the first one listed wins, as it does for notes.
  const reservedFiles = new Map<string, string>();
  for (const [url, name] of reservedUrls) if (!reservedFiles.has(outputFileOf(url))) reservedFiles.set(outputFileOf(url), name);
  // The home page note owns "/" wherever its file comes in the vault: another note there is the one in the way.
  const home = homeNoteOf(notes);
  for (const note of home ? [home, ...notes.filter((n) => n !== home)] : notes) {
    if (note.unpublished) continue;
    const at = { file: note.file, line: note.permalinkLine ?? 1, column: 1 };
    if (!isSafePermalink(note.url)) {
      problems.push(problemAt(at, "permalink-invalide", `Le permalink « ${note.url} » sort du site. Écrivez une adresse comme « /ma-note/ », sans « .. » ni « \\ ».`));
      continue;
    }
    // Eleventy refuses to write a page to a path without extension ("/ma-note"); "?" and "#" are not part of a path.
    if (!/(\/|\.html)$/i.test(note.url) || /[?#]/.test(note.url)) {
      problems.push(problemAt(at, "permalink-invalide", `Le permalink « ${note.url} » n'est pas l'adresse d'une page : il doit finir par « / » (ou « .html »), sans « ? » ni « # ». Écrivez par exemple « /ma-note/ ».`));
      continue;
    }
    if (safeDecode(note.url).split("/").some((name) => Buffer.byteLength(name) > 255)) {
      problems.push(problemAt(at, "permalink-invalide", `Le permalink « ${note.url} » a une partie de plus de 255 octets entre deux « / » : aucun système de fichiers n'accepte un nom aussi long. Raccourcissez-le.`));
      continue;
    }
    const siteFolder = siteFolderOf(safeDecode(note.url));
    if (siteFolder !== undefined) {
      problems.push(problemAt(at, "dossier-reserve", `La note serait publiée à l'adresse ${note.url}, dans le dossier /${siteFolder}/ où le site range ses propres fichiers. Rangez-la dans un autre dossier, ou donnez-lui un permalink hors de /${siteFolder}/.`));
      continue;
    }
    const key = outputFileOf(note.url);
    const reserved = reservedFiles.get(key);
    if (reserved !== undefined) {
      problems.push(problemAt(at, "url-en-double", `L'adresse ${note.url} est déjà celle de la page « ${reserved} » du site. Renommez la note ou donnez-lui un permalink.`));
      continue;
    }
    const owner = owners.get(key);
    if (owner) {
      problems.push(problemAt(at, "url-en-double", `« ${note.file} » et « ${owner.file} » seraient publiées à la même adresse ${note.url}. Renommez l'une des deux notes ou donnez-lui un permalink.`));
    } else {
      owners.set(key, note);
    }
  }
  // A page written inside a folder named like a file of the site ("/flux.xml/" in "flux.xml/index.html") would make
  // that file a folder: the build could write neither.
  for (const [key, note] of owners) {
    const folder = fileFolderOf(key, (path) => owners.has(path) || reservedFiles.has(path));
    if (folder === undefined) continue;
    const page = owners.get(folder);
    const taken = page ? `la page de la note « ${page.file} »` : `${folder.endsWith(".html") ? "la page" : "le fichier"} « ${reservedFiles.get(folder)} » du site`;
    const at = { file: note.file, line: note.permalinkLine ?? 1, column: 1 };
    problems.push(problemAt(at, "url-en-double", `L'adresse ${note.url} ferait un dossier de ${folder}, qui est déjà ${taken}. Donnez à la note une autre adresse, par exemple « /ma-note/ ».`));
  }
  // Attachments are copied while the pages are written: one at a page's place, or at one of the site's own files,
  // would replace it or be replaced by it, without a word.
  for (const asset of assets) {
    const key = `/${asset}`.toLowerCase();
    const page = owners.get(key);
    const reserved = reservedFiles.get(key);
    const taken = page ? `la page de la note « ${page.file} »` : reserved !== undefined ? `${key.endsWith(".html") ? "la page" : "le fichier"} « ${reserved} » du site` : undefined;
    if (taken !== undefined) {
      problems.push(problemAt({ file: asset, line: 1, column: 1 }, "url-en-double", `Le fichier « ${asset} » serait copié à l'adresse /${asset}, où se trouve déjà ${taken}. Renommez ce fichier ou déplacez-le dans un autre dossier.`));
    }
  }
  return problems;
}

/**
 * The file a URL is written to, as the file system and browsers see it: "/a/", "/A/index.html" and "/%61/" are the
 * same file, and so are "/café/" written in NFC, in NFD or percent-encoded.
 */
function outputFileOf(url: string): string {
  return safeDecode(url.endsWith("/") ? `${url}index.html` : url).normalize("NFC").toLowerCase();
}

/** The first folder above the file `key` that `isTaken` says is something else, as "/flux.xml". */
function fileFolderOf(key: string, isTaken: (path: string) => boolean): string | undefined {
  for (let slash = key.indexOf("/", 1); slash !== -1; slash = key.indexOf("/", slash + 1)) {
    if (isTaken(key.slice(0, slash))) return key.slice(0, slash);
  }
  return undefined;
}

function isSafePermalink(url: string): boolean {
  const decoded = safeDecode(url);
  return !/(^|[\\/])\.\.?([\\/]|$)/.test(decoded) && !decoded.includes("\\") && !/[\u0000-\u001f]/.test(decoded) && !/^\/*[a-z][a-z0-9+.-]*:/i.test(decoded) && !decoded.startsWith("//");
}

/** Letters and digits only, without accents or case: a title and a file name that differ only in those agree. */
function wordsOf(text: string): string {
  return text.normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
}

function sameWords(title: string, name: string): boolean {
  return wordsOf(title) === wordsOf(name);
}

/**
 * Problems of notes taken one by one or against each other: empty, titled unlike their file, duplicated names, orphans. `notes` are
 * the vault's, in the order it lists them (nearly French order of files, so sorting them costs little); `published`
 * are in French order of titles.
 */
export function noteProblems(notes: readonly Note[], published: readonly Note[], hasBacklinks: (note: Note) => boolean): Problem[] {
  const problems: Problem[] = [];
  const titles = new Map<string, Note>();
  const names = new Map<string, Note>();
  for (const note of published) names.set(note.name.toLowerCase(), note);
  const home = homeNoteOf(notes);
  for (const note of notes.filter((n) => !n.unpublished).sort((a, b) => compareFrench(a.file, b.file))) {
    const at = { file: note.file, line: 1, column: 1 };
    if (note.empty) {
      problems.push(problemAt(at, "note-vide", "La note est vide : elle sera publiée sans texte. Écrivez son contenu, ou mettez « draft: true » dans son en-tête en attendant."));
    } else if (note.titleSource === "heading" && !sameWords(note.title, note.name) && !note.aliases.some((alias) => sameWords(note.title, alias))) {
      const at = { file: note.file, line: note.outline.titleLine ?? note.bodyStartLine, column: 1 };
      problems.push(problemAt(at, "titre-different-du-nom", `Le titre « ${note.title} » n'est pas le nom du fichier, « ${note.name} » : les liens [[${note.name}]] suivent le nom du fichier, et [[${note.title}]] ne mènerait à aucune note. Renommez le fichier comme le titre, changez le titre, ou faites-en un alias.`));
    }
    const title = note.title.toLowerCase();
    const sameTitle = titles.get(title);
    if (sameTitle) {
      problems.push(problemAt(at, "titre-en-double", `« ${note.title} » est déjà le titre de « ${sameTitle.file} » : les lecteurs ne pourront pas distinguer les deux notes. Donnez-leur des titres différents.`));
    } else {
      titles.set(title, note);
    }
    for (const alias of note.aliases) {
      const owner = names.get(alias.toLowerCase());
      if (owner && owner !== note) {
        problems.push(problemAt(at, "alias-en-double", `L'alias « ${alias} » est aussi le nom de la note « ${owner.file} » : [[${alias}]] mènera à cette autre note. Choisissez un autre alias.`));
      }
    }
    // Readers start from the home page: it needs no link to it.
    if (!hasBacklinks(note) && note !== home) {
      problems.push(problemAt(at, "note-orpheline", "Aucune note publiée ne mène à cette note : les lecteurs ne la trouveront que par la recherche ou l'accueil. Ajoutez-lui un lien depuis une note voisine."));
    }
  }
  const aliasOwners = new Map<string, Note>();
  for (const note of published) {
    for (const alias of note.aliases) {
      const key = alias.toLowerCase();
      const first = aliasOwners.get(key);
      if (first && first !== note) {
        problems.push(problemAt({ file: note.file, line: 1, column: 1 }, "alias-en-double", `L'alias « ${alias} » est aussi un alias de « ${first.file} » : [[${alias}]] est ambigu. Gardez cet alias sur une seule note.`));
      } else {
        aliasOwners.set(key, note);
      }
    }
  }
  return problems;
}
