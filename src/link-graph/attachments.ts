import type { Note } from "../vault-scan/note.js";
import { isInTemplatesFolder } from "../vault-scan/publication.js";
import { asSiteUrl, baseNameOf, fileUrl, isInDraftFolder, type SiteUrl, type VaultPath } from "../vault-scan/paths.js";
import { problemAt, type Problem } from "../vault-scan/problem.js";
import type { Vault } from "../vault-scan/read-vault.js";
import type { OutgoingLink } from "./link-graph.js";
import type { NoteIndex } from "./note-index.js";
import { resolveAttachmentPath } from "./resolve-link.js";
import { siteFolderOf } from "./site-folders.js";

/** Attachments the site may serve: images, documents, sound, video, archives and e-books. */
const PUBLISHABLE = new Set([
  ...["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"],
  ...["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"],
  ...["mp3", "m4a", "aac", "wav", "ogg", "oga", "opus", "flac"],
  ...["mp4", "m4v", "webm", "ogv", "mov"],
  ...["zip", "epub"],
]);
/** Files a browser runs, or shows as a page of the site, when served from it. */
const ACTIVE = new Set(["js", "mjs", "html", "htm", "xml", "xhtml", "wasm"]);
/** Files that set up the host rather than the site: the deploy step writes its own. */
const HOST_CONTROL = new Set(["_redirects", "_headers", "cname", ".htaccess", ".nojekyll", "netlify.toml", "vercel.json"]);

export interface AttachmentOptions {
  /** Folders of the vault published whole, used or not (the `alwaysPublishedFolders` of _data/site.json). */
  readonly alwaysPublishedFolders: readonly string[];
  /** The site's own pages and files, to name the one an attachment would replace. */
  readonly reservedUrls: ReadonlyMap<SiteUrl, string>;
}

/** Where a note uses an attachment. */
interface Use {
  readonly from: Note;
  readonly line: number;
  readonly column: number;
}

/** Why an attachment never reaches the site, whoever uses it: the finding at each use, and the reason in a few words. */
interface Refusal extends Pick<Problem, "code" | "message"> {
  readonly why: string;
}

export interface PublishedAttachments {
  /** In the order of the vault's attachments. */
  readonly published: readonly VaultPath[];
  readonly problems: readonly Problem[];
}

/**
 * Which attachments the site publishes: those a published note uses (wikilink, embed, Markdown link or image, HTML
 * `src`/`href`), or in a folder always published, unless refused for their kind or place. Every other one is reported
 * as left out; a published note using a refused one is told why.
 */
export function publishAttachments(vault: Vault, index: NoteIndex, outgoing: ReadonlyMap<VaultPath, readonly OutgoingLink[]>, options: AttachmentOptions): PublishedAttachments {
  const uses = usesOf(vault.notes, index, outgoing);
  const alwaysPublished = options.alwaysPublishedFolders.map((folder) => `${folder.normalize("NFC").replace(/^\/+|\/+$/g, "")}/`);
  const published: VaultPath[] = [];
  const problems: Problem[] = [];
  for (const file of vault.assets) {
    const all = uses.get(file) ?? [];
    const publishedUses = all.filter((use) => !use.from.unpublished);
    const always = alwaysPublished.some((folder) => file.startsWith(folder));
    const refusal = refusalOf(file, vault, options.reservedUrls);
    if (!refusal && (always || publishedUses.length > 0)) {
      published.push(file);
    } else if (refusal && publishedUses.length > 0) {
      for (const use of publishedUses) problems.push(problemAt({ file: use.from.file, line: use.line, column: use.column }, refusal.code, refusal.message));
    } else if (refusal?.code === "dossier-reserve" && always) {
      problems.push(problemAt({ file, line: 1, column: 1 }, refusal.code, refusal.message));
    } else {
      problems.push(problemAt({ file, line: 1, column: 1 }, "piece-jointe-inutilisee", leftOutMessage(file, all, refusal)));
    }
  }
  return { published, problems };
}

/** Every use of every attachment, by published and unpublished notes alike. */
function usesOf(notes: readonly Note[], index: NoteIndex, outgoing: ReadonlyMap<VaultPath, readonly OutgoingLink[]>): Map<VaultPath, Use[]> {
  const uses = new Map<VaultPath, Use[]>();
  const add = (file: VaultPath, use: Use) => {
    const list = uses.get(file);
    if (list) list.push(use);
    else uses.set(file, [use]);
  };
  for (const from of notes) {
    for (const { occurrence, resolution } of outgoing.get(from.file) ?? []) {
      if (resolution.kind === "asset") add(resolution.file, { from, line: occurrence.line, column: occurrence.column });
    }
    for (const reference of from.outline.attachmentReferences) {
      const file = resolveAttachmentPath(index, from, reference.path);
      if (file) add(file, { from, line: reference.line, column: reference.column });
    }
  }
  return uses;
}

function extensionOf(file: VaultPath): string {
  const name = baseNameOf(file);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function refusalOf(file: VaultPath, vault: Pick<Vault, "activeSvgs" | "templatesFolders">, reservedUrls: ReadonlyMap<SiteUrl, string>): Refusal | undefined {
  const top = file.includes("/") ? siteFolderOf(file) : undefined;
  if (top !== undefined) {
    const replaced = reservedUrls.get(asSiteUrl(file));
    return {
      code: "dossier-reserve",
      why: `le dossier /${top}/ est celui des fichiers du site`,
      message: `« ${file} » serait publié à l'adresse /${file}, dans le dossier /${top}/ où le site range ses propres fichiers${replaced === undefined ? "" : `, à la place de son fichier « ${replaced} »`}. Déplacez ce fichier dans un autre dossier du coffre, puis corrigez le lien.`,
    };
  }
  const extension = extensionOf(file);
  if (HOST_CONTROL.has(baseNameOf(file).toLowerCase())) {
    return { code: "piece-jointe-refusee", why: "c'est un réglage de l'hébergeur, jamais copié depuis les notes", message: `« ${file} » règle l'hébergeur du site : il n'est jamais copié depuis les notes, l'étape de publication écrit le sien. Retirez ce lien.` };
  }
  if (ACTIVE.has(extension)) {
    return { code: "fichier-actif", why: `les fichiers « .${extension} » ne le sont jamais`, message: `« ${file} » est un fichier « .${extension} », que le navigateur exécuterait ou afficherait comme une page du site : il n'est jamais publié. Retirez ce lien, ou publiez ce contenu autrement (une note, une image, un PDF).` };
  }
  const svg = vault.activeSvgs.get(file);
  if (svg !== undefined) {
    return { code: "svg-actif", why: svg, message: `Le fichier « ${file} » n'est pas publié : ${svg}, ce qui pourrait exécuter du code ou charger des fichiers depuis le site. Enregistrez-le sans script, sans attribut « on… » ni lien extérieur (en « SVG simple » dans Inkscape), ou exportez-le en PNG.` };
  }
  if (isInDraftFolder(file)) {
    return { code: "piece-jointe-refusee", why: "il est dans un dossier « Brouillon »", message: `« ${file} » est dans un dossier « Brouillon » : il n'est pas publié, et le lien ne mène nulle part. Sortez le fichier de ce dossier, ou retirez le lien.` };
  }
  if (isInTemplatesFolder(file, vault.templatesFolders)) {
    return { code: "piece-jointe-refusee", why: "il est dans le dossier des modèles d'Obsidian", message: `« ${file} » est dans le dossier des modèles d'Obsidian : il n'est pas publié, et le lien ne mène nulle part. Sortez le fichier de ce dossier, ou retirez le lien.` };
  }
  if (!PUBLISHABLE.has(extension)) {
    const kind = extension === "" ? "les fichiers sans extension" : `les fichiers « .${extension} »`;
    return { code: "piece-jointe-refusee", why: `${kind} ne le sont jamais`, message: `« ${file} » n'est pas publié : ${kind} ne font pas partie des pièces jointes permises (images, documents, sons, vidéos, zip, epub). Convertissez-le, par exemple en PDF, ou retirez le lien.` };
  }
  return undefined;
}

function leftOutMessage(file: VaultPath, uses: readonly Use[], refusal: Refusal | undefined): string {
  const users = [...new Set(uses.map((use) => use.from.file))];
  const named = users.slice(0, 3).map((user) => `« ${user} »`).join(", ") + (users.length > 3 ? "…" : "");
  const who = users.length > 0 ? `seules des notes non publiées l'utilisent (${named})` : "aucune note publiée ne l'utilise";
  if (refusal) return `« ${file} » n'est pas publié : ${who}, et ${refusal.why}. Supprimez-le s'il ne sert plus.`;
  if (users.length > 0) return `« ${file} » n'est pas publié : ${who}. Il le sera dès qu'une note publiée l'utilisera.`;
  return `« ${file} » n'est pas publié : ${who}. Supprimez-le s'il ne sert plus, ou liez-le depuis une note publiée.`;
}

/**
 * The address of the published attachment that a Markdown link or image of `from` names by a path (`docs/plan.pdf`,
 * `/images/x.png`), found as the scan found it: from the note's folder, then from the vault's root. Undefined when the
 * path names no published attachment.
 */
export function publishedAttachmentUrl(index: NoteIndex, published: ReadonlySet<VaultPath>, from: Note, written: string): SiteUrl | undefined {
  const file = resolveAttachmentPath(index, from, written);
  return file !== undefined && published.has(file) ? fileUrl(file) : undefined;
}
