import { distance } from "fastest-levenshtein";
import { compareFrench } from "../vault-scan/french-order.js";
import type { Note } from "../vault-scan/note.js";

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

/**
 * Cuts a name into n pieces. A name within n-1 edits of it keeps at least one piece whole (each edit breaks one
 * piece at most), so a name that contains none of them is too far away and needs no distance computed.
 */
function piecesOf(key: string, n: number): string[] {
  const size = Math.ceil(key.length / n);
  return Array.from({ length: n }, (_, i) => key.slice(i * size, (i + 1) * size)).filter(Boolean);
}

/**
 * Which of 64 buckets the pairs of neighbouring characters of a name fall in, as two 32-bit words. One edit breaks at
 * most two pairs of the target, so a name within n edits lacks at most 2n of the target's buckets. Unrelated names
 * of about the same length lack many more: this spares most distance computations, at the cost of two AND-NOTs.
 */
function pairBuckets(key: string): [number, number] {
  let low = 0;
  let high = 0;
  for (let i = 1; i < key.length; i++) {
    const bucket = (key.charCodeAt(i - 1) * 31 + key.charCodeAt(i)) & 63;
    if (bucket < 32) low |= 1 << bucket;
    else high |= 1 << (bucket - 32);
  }
  return [low, high];
}

function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface Candidate {
  readonly key: string;
  readonly low: number;
  readonly high: number;
  readonly name: string;
}

/**
 * Finds the published notes a missing link target was probably meant for: same words but for case or accents,
 * or a few letters off a file name, title or alias. Names are bucketed by length so each target is compared
 * only with names of about its length.
 */
export class TypoFinder {
  private readonly byLength = new Map<number, Candidate[]>();
  /** A missing target is usually called from many notes: each is compared with the names once. */
  private readonly known = new Map<string, string[]>();
  /** The same, by the target as written: most calls then skip folding it. */
  private readonly byTarget = new Map<string, string[]>();

  constructor(notes: readonly Note[]) {
    const seen = new Set<string>();
    for (const note of notes) {
      if (note.unpublished) continue;
      for (const name of new Set([note.name, note.title, ...note.aliases])) {
        const key = loose(name);
        if (seen.has(`${key}\u0000${note.name}`)) continue;
        seen.add(`${key}\u0000${note.name}`);
        const bucket = this.byLength.get(key.length) ?? [];
        const [low, high] = pairBuckets(key);
        bucket.push({ key, low, high, name: note.name });
        this.byLength.set(key.length, bucket);
      }
    }
  }

  /** Up to 3 note names, closest first. */
  suggest(target: string): string[] {
    let suggestions = this.byTarget.get(target);
    if (suggestions) return suggestions;
    const key = loose(target);
    suggestions = this.known.get(key) ?? this.compare(key);
    this.known.set(key, suggestions);
    this.byTarget.set(target, suggestions);
    return suggestions;
  }

  private compare(key: string): string[] {
    const budget = typoBudget(key.length);
    const pieces = piecesOf(key, budget + 1);
    const [low, high] = pairBuckets(key);
    const found = new Map<string, number>();
    for (let length = key.length - budget; length <= key.length + budget; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const lacking = bitCount(low & ~candidate.low) + bitCount(high & ~candidate.high);
        if (candidate.key !== key && (budget === 0 || lacking > 2 * budget || !pieces.some((piece) => candidate.key.includes(piece)))) continue;
        const d = candidate.key === key ? 0 : distance(candidate.key, key);
        if (d <= budget && d < (found.get(candidate.name) ?? Infinity)) found.set(candidate.name, d);
      }
    }
    return [...found.entries()]
      .sort((a, b) => a[1] - b[1] || compareFrench(a[0], b[0]))
      .slice(0, 3)
      .map(([name]) => name);
  }
}
