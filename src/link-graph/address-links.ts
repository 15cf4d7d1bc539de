import { posix } from "node:path";
import { linkKey, type AttachmentReference } from "../vault-scan/attachment-references.js";
import { contextAround, type LinkOccurrence } from "../vault-scan/markdown-outline.js";
import type { Note } from "../vault-scan/note.js";
import { asSiteUrl, type SiteUrl } from "../vault-scan/paths.js";
import { problemAt, type Problem } from "../vault-scan/problem.js";
import type { WikilinkSyntax, WikilinkTarget } from "../vault-scan/wikilink-syntax.js";
import type { OutgoingLink } from "./link-graph.js";
import type { NoteIndex } from "./note-index.js";
import { resolveAttachmentPath, resolveLink, type Resolution } from "./resolve-link.js";
import type { TypoFinder } from "./suggestions.js";

/** The Markdown and HTML links of a note that lead to notes, resolved, its images that name no file, and the problems of its addresses. */
export interface AddressLinks {
  readonly links: readonly OutgoingLink[];
  /** The missing images, as "line>address" (see imageKey). */
  readonly missingImages: readonly string[];
  readonly problems: readonly Problem[];
}

const NONE: AddressLinks = { links: [], missingImages: [], problems: [] };

/** "12>/images/x.png": the key of an image by its line and its address, decoded as linkKey decodes it. */
export function imageKey(line: number, src: string): string {
  return `${line}>${linkKey(src)}`;
}

/**
 * Resolves the addresses a note names outside wikilinks (see src/vault-scan/attachment-references.ts). A published
 * attachment is the attachment rules' (./attachments.ts), and a page of the site itself (`/recherche/`) is left as it
 * is. A link (`[texte](Dossier/Ma%20note.md#Section)`, `<a href>`) leads to a note as a wikilink would, found by its
 * path from the note's folder, then from the vault's root, then by its site address, then by its last part as a
 * note's name (the old site's "/Dossier/Ma note/"), through the wikilinks' own resolver: what it does not find is a
 * missing link. An image that names no file is reported here, with the vault's images of a close name (`imageTypos`).
 */
export function addressLinks(index: NoteIndex, from: Note, reservedUrls: ReadonlyMap<SiteUrl, string>, imageTypos?: () => TypoFinder): AddressLinks {
  const references = from.outline.attachmentReferences;
  if (references.length === 0) return NONE;
  const links: OutgoingLink[] = [];
  const missingImages: string[] = [];
  const problems: Problem[] = [];
  for (const reference of references) {
    if (reference.kind === "file" || resolveAttachmentPath(index, from, reference.path) !== undefined || isSitePage(reference.path, reservedUrls)) continue;
    const at = { file: from.file, line: reference.line, column: reference.column };
    if (reference.kind === "image") {
      missingImages.push(imageKey(reference.line, reference.written));
      const suggestions = imageTypos?.().suggest(reference.path.slice(reference.path.lastIndexOf("/") + 1)) ?? [];
      const guess = suggestions.length === 0 ? "" : ` Vouliez-vous dire ${suggestions.map((file) => `« ${file} »`).join(", ")} ?`;
      problems.push(problemAt(at, "image-introuvable", `L'image « ${reference.written} » est introuvable dans le dossier des notes : la page montre son texte de remplacement à sa place.${guess} Ajoutez l'image au dossier, ou corrigez son chemin.`));
      continue;
    }
    const { target, resolution } = resolveAddress(index, from, reference);
    links.push({ occurrence: new AddressOccurrence(reference, target), resolution });
    if (reference.fromObsidian) {
      const advice = resolution.kind === "note" ? `Le site le fait mener à « ${resolution.note.file} » ; écrivez plutôt [[${resolution.note.name}]].` : "Écrivez plutôt un lien wiki [[Nom de la note]].";
      problems.push(problemAt(at, "lien-copie-d-obsidian", `Le lien « ${reference.written} » a été copié depuis l'application Obsidian : il ne s'ouvre que dans Obsidian. ${advice}`));
    }
  }
  return { links, missingImages, problems };
}

/** "/recherche/", "/tags/question/" or "/flux.xml": a page or file of the site itself. */
function isSitePage(path: string, reservedUrls: ReadonlyMap<SiteUrl, string>): boolean {
  if (!path.startsWith("/")) return false;
  return reservedUrls.has(asSiteUrl(path)) || reservedUrls.has(asSiteUrl(`${path}/`));
}

/** The first of the places the address may name that holds a note, else the last one tried, missing. */
function resolveAddress(index: NoteIndex, from: Note, reference: AttachmentReference): { target: WikilinkTarget; resolution: Resolution } {
  const fragment = fragmentOf(reference.fragment);
  const path = reference.path.replace(/\/(?:index\.html?)?$/i, "").replace(/\.(?:md|html?)$/i, "").replace(/\/+$/, "");
  const fromRoot = posix.normalize(path.replace(/^\/+/, ""));
  const fromSite = reference.fromObsidian === true || path.startsWith("/");
  const candidates = reference.fromObsidian ? [fromRoot, fromRoot.slice(fromRoot.indexOf("/") + 1)] : fromSite ? [fromRoot] : [posix.join(from.folder, path), fromRoot];
  if (fromSite) {
    // An address of the site, today's ("/dossier/ma-note/") or the old one's ("/Dossier/Ma note/"), else the note's name.
    const byUrl = index.findByUrl(`/${fromRoot}/`);
    if (byUrl) candidates.push(byUrl.file.replace(/\.md$/i, ""));
    candidates.push(fromRoot.slice(fromRoot.lastIndexOf("/") + 1));
  }
  let target: WikilinkTarget = { note: fromRoot, ...fragment };
  for (const candidate of candidates) {
    if (candidate === "" || candidate === "." || candidate === ".." || candidate.startsWith("../")) continue;
    target = { note: candidate, ...fragment };
    const resolution = resolveLink(index, from, target);
    // A file is found by its path alone, by the attachment rules: a name that only matches a file elsewhere is no link to it.
    if (resolution.kind !== "missing" && resolution.kind !== "asset") return { target, resolution };
  }
  return { target, resolution: MISSING };
}

const MISSING: Resolution = { kind: "missing" };

function fragmentOf(fragment: string | undefined): Pick<WikilinkTarget, "heading" | "block"> {
  if (fragment === undefined) return {};
  return fragment.startsWith("^") ? { block: fragment.slice(1) } : { heading: fragment };
}

/** A Markdown or HTML link as a link occurrence: its context is cut from its line only when a page shows it. */
class AddressOccurrence implements LinkOccurrence {
  readonly syntax: WikilinkSyntax;
  readonly line: number;
  readonly column: number;
  readonly href: string;
  private cachedContext: string | undefined;

  constructor(
    private readonly reference: AttachmentReference,
    target: WikilinkTarget,
  ) {
    this.syntax = { embed: false, target, length: reference.end - reference.start };
    this.line = reference.line;
    this.column = reference.column;
    this.href = reference.written;
  }

  get context(): string {
    this.cachedContext ??= contextAround(this.reference.text, this.reference.start, this.syntax.length);
    return this.cachedContext;
  }
}
