import { compareFrench } from "../vault-scan/french-order.js";
import type { Note } from "../vault-scan/note.js";
import { baseNameOf, type VaultPath } from "../vault-scan/paths.js";
import { NameTrie } from "./name-trie.js";

/** Lowercase, without accents or punctuation spacing: "Stratégie  Numérique" and "strategie numerique" meet here. */
function loose(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** How many edits still count as a typo: none for short names, where any edit makes another word. */
function typoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 12) return 1;
  return 2;
}

/** A note one of whose names folds to a key, and its place in the order names are listed. */
interface Owner {
  readonly name: string;
  readonly rank: number;
}

interface Match {
  distance: number;
  /** Ties of distance and French order keep the order of the shortest matching name, then of the notes. */
  keyLength: number;
  rank: number;
}

/**
 * Finds the published notes (or the files) a missing link target was probably meant for: same words but for case or
 * accents, or a few letters off a file name, title or alias. The folded names are searched as a tree of their prefixes:
 * comparing each target with every name of about its length took quadratic time on thousands of near-miss links
 * to thousands of similar names.
 */
export class TypoFinder {
  private readonly owners = new Map<string, Owner[]>();
  private readonly names: NameTrie;
  /** A missing target is usually called from many notes: each is compared with the names once. */
  private readonly known = new Map<string, string[]>();
  /** The same, by the target as written: most calls then skip folding it. */
  private readonly byTarget = new Map<string, string[]>();

  /** Suggests the published `notes` by name, title or alias; and the `files`, by path, from their file name. */
  constructor(notes: readonly Note[], files: readonly VaultPath[] = []) {
    const named = [
      ...notes.filter((note) => !note.unpublished).map((note) => ({ name: note.name as string, names: [note.name, note.title, ...note.aliases] })),
      ...files.map((file) => ({ name: file as string, names: [baseNameOf(file)] })),
    ];
    const seen = new Set<string>();
    let rank = 0;
    for (const { name: owned, names } of named) {
      for (const name of new Set(names)) {
        const key = loose(name);
        if (seen.has(`${key}\u0000${owned}`)) continue;
        seen.add(`${key}\u0000${owned}`);
        const owner = { name: owned, rank: rank++ };
        const owners = this.owners.get(key);
        if (owners) owners.push(owner);
        else this.owners.set(key, [owner]);
      }
    }
    this.names = new NameTrie([...this.owners.keys()]);
  }

  /** Up to 3 note names (or file paths), closest first. */
  suggest(target: string): string[] {
    let suggestions = this.byTarget.get(target);
    if (suggestions) return suggestions;
    const key = loose(target);
    suggestions = this.known.get(key) ?? this.compare(key);
    this.known.set(key, suggestions);
    this.byTarget.set(target, suggestions);
    return suggestions;
  }

  private compare(target: string): string[] {
    const found = new Map<string, Match>();
    this.names.withinEdits(target, typoBudget(target.length), (key, distance) => {
      for (const { name, rank } of this.owners.get(key)!) {
        const match = found.get(name);
        if (match === undefined) {
          found.set(name, { distance, keyLength: key.length, rank });
          continue;
        }
        match.distance = Math.min(match.distance, distance);
        if (key.length < match.keyLength || (key.length === match.keyLength && rank < match.rank)) [match.keyLength, match.rank] = [key.length, rank];
      }
    });
    return [...found.entries()]
      .sort(([aName, a], [bName, b]) => a.distance - b.distance || compareFrench(aName, bName) || a.keyLength - b.keyLength || a.rank - b.rank)
      .slice(0, 3)
      .map(([name]) => name);
  }
}
