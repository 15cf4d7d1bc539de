import { posix } from "node:path";
import { compareFrench } from "../vault-scan/french-order.js";
import type { Heading } from "../vault-scan/markdown-outline.js";
import type { Note } from "../vault-scan/note.js";
import { fileUrl, folderOf, type SiteUrl, type VaultPath } from "../vault-scan/paths.js";
import { headingSlug } from "../vault-scan/slug.js";
import type { WikilinkTarget } from "../vault-scan/wikilink-syntax.js";
import type { NoteIndex } from "./note-index.js";

export type Resolution =
  | {
      readonly kind: "note";
      readonly note: Note;
      readonly href: SiteUrl;
      /** The other notes the name could mean, when it was ambiguous. */
      readonly alternatives: readonly Note[];
      /** Set when the link names a section or block that the note does not have: the link then goes to the note. */
      readonly fragmentMissing?: "heading" | "block";
      readonly heading?: Heading;
    }
  | { readonly kind: "asset"; readonly file: VaultPath; readonly href: SiteUrl }
  | { readonly kind: "unpublished"; readonly note: Note }
  | { readonly kind: "missing" };

/** Files editors attach to notes. "Web 2.0" or "Version 1.5" name notes, not files. */
const ATTACHMENT =
  /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?|pdf|mp3|m4a|wav|ogg|oga|flac|mp4|m4v|webm|ogv|mov|docx?|xlsx?|pptx?|odt|ods|odp|csv|txt|zip|epub|json|xml|gpx|kml)$/i;

const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$/i;

/** "photo.png", "Plan.JPG". */
export function looksLikeImage(name: string): boolean {
  return IMAGE.test(name);
}

/** "photo.png" names an attachment; "Note.md" and "Web 2.0" name notes. */
export function looksLikeAttachment(name: string): boolean {
  return ATTACHMENT.test(name);
}

/**
 * Resolves a wikilink from the note `from` the way Obsidian does. Pure: it only reads the index.
 * A link to a draft behaves like a link to a missing note, so a draft's URL never reaches the site.
 */
export function resolveLink(index: NoteIndex, from: Note, target: WikilinkTarget): Resolution {
  if (target.note === "") return withFragment(from, target, []);
  if (looksLikeAttachment(target.note)) {
    const asset = pickAsset(index.findAssets(target.note), from);
    if (asset) return { kind: "asset", file: asset, href: fileUrl(asset) };
  }
  const candidates = index.findNotes(target.note);
  if (!candidates) {
    // "[[stats.js]]" or "[[CNAME]]": a file of the vault all the same, which the attachment rules then refuse.
    const asset = pickAsset(index.findAssets(target.note), from);
    return asset ? { kind: "asset", file: asset, href: fileUrl(asset) } : { kind: "missing" };
  }
  const [chosen, ...alternatives] = rankCandidates(candidates.matches, from);
  if (chosen!.unpublished) return { kind: "unpublished", note: chosen! };
  return withFragment(chosen!, target, alternatives);
}

function withFragment(note: Note, target: WikilinkTarget, alternatives: readonly Note[]): Resolution {
  if (target.heading !== undefined) {
    const id = headingSlug(target.heading);
    const heading = note.outline.headingWithId(id);
    if (heading) return { kind: "note", note, href: `${note.url}#${heading.id}` as SiteUrl, alternatives, heading };
    return { kind: "note", note, href: note.url, alternatives, fragmentMissing: "heading" };
  }
  if (target.block !== undefined) {
    if (note.outline.blockIds.has(target.block)) {
      return { kind: "note", note, href: `${note.url}#^${target.block}` as SiteUrl, alternatives };
    }
    return { kind: "note", note, href: note.url, alternatives, fragmentMissing: "block" };
  }
  return { kind: "note", note, href: note.url, alternatives };
}

/** When a name is ambiguous: the file in the linking note's folder, then the shortest path, then alphabetical. */
function nearestFirst(from: Note): (a: VaultPath, b: VaultPath) => number {
  return (a, b) => Number(folderOf(b) === from.folder) - Number(folderOf(a) === from.folder) || a.length - b.length || compareFrench(a, b);
}

function rankCandidates(matches: readonly Note[], from: Note): readonly Note[] {
  if (matches.length === 1) return matches;
  const byPath = nearestFirst(from);
  return [...matches].sort((a, b) => byPath(a.file, b.file));
}

function pickAsset(assets: readonly VaultPath[], from: Note): VaultPath | undefined {
  return [...assets].sort(nearestFirst(from))[0];
}

/**
 * The attachment a Markdown link or an HTML attribute names (its path decoded): the path from the note's folder,
 * then from the vault's root ("/images/salle.png" only from there), each also as the end of a longer path, as
 * Obsidian finds "salle.png" anywhere. A path climbing out of the vault names nothing.
 */
export function resolveAttachmentPath(index: NoteIndex, from: Note, written: string): VaultPath | undefined {
  const fromRoot = posix.normalize(written.replace(/^\/+/, ""));
  const candidates = written.startsWith("/") ? [fromRoot] : [posix.join(from.folder, written), fromRoot];
  for (const candidate of candidates) {
    if (candidate === "." || candidate === ".." || candidate.startsWith("../")) continue;
    const asset = pickAsset(index.findAssets(candidate), from);
    if (asset) return asset;
  }
  return undefined;
}
