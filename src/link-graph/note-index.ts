import { safeDecode } from "../vault-scan/paths.js";
import type { Note } from "../vault-scan/note.js";
import { baseNameOf, type VaultPath } from "../vault-scan/paths.js";

export type MatchedBy = "name" | "name-ignoring-case" | "alias" | "path";

export interface Candidates<T> {
  readonly matches: readonly T[];
  readonly by: MatchedBy;
}

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Maps from every name a link may use to the notes it may mean, so that resolving a link never scans the vault. */
export class NoteIndex {
  readonly byFile = new Map<VaultPath, Note>();
  private readonly byName = new Map<string, Note[]>();
  private readonly byFoldedName = new Map<string, Note[]>();
  private readonly byAlias = new Map<string, Note[]>();
  private readonly byFoldedAlias = new Map<string, Note[]>();
  private readonly assetsByFoldedName = new Map<string, VaultPath[]>();
  private readonly byFoldedUrl = new Map<string, Note>();

  constructor(notes: readonly Note[], assets: readonly VaultPath[]) {
    for (const note of notes) {
      this.byFile.set(note.file, note);
      push(this.byName, note.name, note);
      push(this.byFoldedName, fold(note.name), note);
      const url = fold(safeDecode(note.url));
      if (!this.byFoldedUrl.has(url)) this.byFoldedUrl.set(url, note);
      for (const alias of note.aliases) {
        push(this.byAlias, alias, note);
        push(this.byFoldedAlias, fold(alias), note);
      }
    }
    for (const asset of assets) push(this.assetsByFoldedName, fold(baseNameOf(asset)), asset);
  }

  /** Obsidian's order: exact file name, file name ignoring case, alias, then the end of a path ("dossier/Note"). */
  findNotes(name: string): Candidates<Note> | undefined {
    const exact = this.byName.get(name);
    if (exact) return { matches: exact, by: "name" };
    const folded = fold(name);
    const ignoringCase = this.byFoldedName.get(folded);
    if (ignoringCase) return { matches: ignoringCase, by: "name-ignoring-case" };
    const alias = this.byAlias.get(name) ?? this.byFoldedAlias.get(folded);
    if (alias) return { matches: alias, by: "alias" };
    if (!name.includes("/")) return undefined;
    const suffix = folded.replace(/^\/+/, "");
    const lastSegment = suffix.slice(suffix.lastIndexOf("/") + 1);
    const byPath = (this.byFoldedName.get(lastSegment) ?? []).filter((note) => endsWithPath(note.file.replace(/\.md$/i, ""), suffix));
    // A path written in full from the vault's root means that one note, whatever longer paths also end with it.
    const fullPath = byPath.filter((note) => fold(note.file.replace(/\.md$/i, "")) === suffix);
    if (fullPath.length > 0) return { matches: fullPath, by: "path" };
    return byPath.length > 0 ? { matches: byPath, by: "path" } : undefined;
  }

  /** The note served at a site address ("/dossier/ma-note/"), decoded, whatever its case. */
  findByUrl(url: string): Note | undefined {
    return this.byFoldedUrl.get(fold(url));
  }

  /** An attachment by file name ("photo.png") or by the end of its path ("images/photo.png"). */
  findAssets(name: string): readonly VaultPath[] {
    const folded = fold(name).replace(/^\/+/, "");
    const lastSegment = folded.slice(folded.lastIndexOf("/") + 1);
    return (this.assetsByFoldedName.get(lastSegment) ?? []).filter((asset) => endsWithPath(asset, folded));
  }
}

function endsWithPath(file: string, foldedSuffix: string): boolean {
  const folded = fold(file);
  return folded === foldedSuffix || folded.endsWith(`/${foldedSuffix}`);
}
