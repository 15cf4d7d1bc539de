import type { Heading } from "../vault-scan/markdown-outline.js";
import type { Note } from "../vault-scan/note.js";
import { fileUrl, folderOf, type SiteUrl, type VaultPath } from "../vault-scan/paths.js";
import { slugify } from "../vault-scan/slug.js";
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

const FILE_EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

/** "photo.png" names an attachment; "Note.md" and "Version 2. Suite" name notes. */
export function looksLikeAttachment(name: string): boolean {
  return FILE_EXTENSION.test(name) && !/\.md$/i.test(name);
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
  if (!candidates) return { kind: "missing" };
  const [chosen, ...alternatives] = rankCandidates(candidates.matches, from);
  if (chosen!.unpublished) return { kind: "unpublished", note: chosen! };
  return withFragment(chosen!, target, alternatives);
}

function withFragment(note: Note, target: WikilinkTarget, alternatives: readonly Note[]): Resolution {
  if (target.heading !== undefined) {
    const id = slugify(target.heading);
    const heading = note.outline.headings.find((h) => h.id === id);
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

/** When a name is ambiguous: the note in the linking note's folder, then the shortest path, then alphabetical. */
function rankCandidates(matches: readonly Note[], from: Note): Note[] {
  return [...matches].sort(
    (a, b) =>
      Number(b.folder === from.folder) - Number(a.folder === from.folder) ||
      a.file.length - b.file.length ||
      a.file.localeCompare(b.file, "fr"),
  );
}

function pickAsset(assets: readonly VaultPath[], from: Note): VaultPath | undefined {
  return [...assets].sort(
    (a, b) =>
      Number(folderOf(b) === from.folder) - Number(folderOf(a) === from.folder) ||
      a.length - b.length ||
      a.localeCompare(b, "fr"),
  )[0];
}
