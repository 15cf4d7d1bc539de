/**
 * Many names, searched for those within a few edits of a text as a tree of their prefixes. The names are kept sorted:
 * the names that share a prefix are next to each other, and those that continue it with a given character are found
 * by a binary search. The edit distances to a prefix shared by many names are computed once, and no name under a
 * prefix already too far from the text is read; once a prefix has used up the budget of edits, only the characters
 * the text has where it could still match are followed. The work follows the names near the text, not their number.
 */
export class NameTrie {
  private readonly names: readonly string[];

  constructor(names: readonly string[]) {
    this.names = [...new Set(names)].sort();
  }

  /**
   * Calls `found` with each name within `budget` edits (Levenshtein distance) of `text`, and that distance.
   * Row d of `rows` holds the distances between a prefix of d characters and each prefix of the text, computed only
   * where they can be within budget (|d - j| <= budget); every other cell holds budget + 1.
   */
  withinEdits(text: string, budget: number, found: (name: string, distance: number) => void): void {
    const { names } = this;
    const tooFar = budget + 1;
    const width = text.length + 1;
    const deepest = text.length + budget;
    const rows = new Int32Array((deepest + 1) * width).fill(tooFar);
    for (let j = 0; j <= Math.min(budget, text.length); j++) rows[j] = j;
    // Each pending prefix: the names from `low` to `high` (excluded) that share their first `depth` characters.
    // Depth first: a prefix's row is computed from its parent's, which no prefix of another branch has overwritten yet.
    const pending: number[] = [0, names.length, 0];
    while (pending.length > 0) {
      const depth = pending.pop()!;
      const high = pending.pop()!;
      let low = pending.pop()!;
      if (low === high) continue;
      const row = depth * width;
      let nearest = 0;
      if (depth > 0) {
        nearest = tooFar;
        const code = names[low]!.charCodeAt(depth - 1);
        const before = row - width;
        const last = Math.min(text.length, depth + budget);
        for (let j = Math.max(0, depth - budget); j <= last; j++) {
          let value = j === 0 ? depth : rows[before + j - 1]! + (text.charCodeAt(j - 1) === code ? 0 : 1);
          if (j > 0) value = Math.min(value, rows[row + j - 1]! + 1, rows[before + j]! + 1);
          rows[row + j] = Math.min(value, tooFar);
          nearest = Math.min(nearest, value);
        }
        if (nearest > budget) continue;
      }
      // The shortest name sorts first: the prefix itself, when it is a name.
      if (names[low]!.length === depth) {
        if (rows[row + text.length]! <= budget) found(names[low]!, rows[row + text.length]!);
        low++;
      }
      if (low === high || depth === deepest) continue;
      if (nearest < budget) {
        // Any next character keeps the prefix within budget: each one is followed.
        for (let from = low; from < high; ) {
          const to = this.after(from, high, depth, names[from]!.charCodeAt(depth));
          pending.push(from, to, depth + 1);
          from = to;
        }
        continue;
      }
      // With no edit left, a next character must match a character of the text where the row already reached the
      // budget: the other characters are skipped without a look.
      const first = Math.max(0, depth - budget);
      for (let j = first; j < Math.min(text.length, depth + budget + 1); j++) {
        const code = text.charCodeAt(j);
        if (rows[row + j] !== budget || followedBefore(text, rows, row, budget, first, j)) continue;
        const from = this.after(low, high, depth, code - 1);
        if (from < high && names[from]!.charCodeAt(depth) === code) pending.push(from, this.after(from, high, depth, code), depth + 1);
      }
    }
  }

  /**
   * The first name from `low` whose character at `depth` comes after `code`, or `high`. Searched from `low` in steps
   * that double, then halve: most ranges of a prefix are short, and end close to where they start.
   */
  private after(low: number, high: number, depth: number, code: number): number {
    for (let step = 1; low + step - 1 < high; step *= 2) {
      const probe = low + step - 1;
      if (this.names[probe]!.charCodeAt(depth) > code) {
        high = probe;
        break;
      }
      low = probe + 1;
    }
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.names[middle]!.charCodeAt(depth) <= code) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Whether the character at `j` of the text was already followed, at an earlier place of the band. */
function followedBefore(text: string, rows: Int32Array, row: number, budget: number, first: number, j: number): boolean {
  for (let i = first; i < j; i++) if (rows[row + i] === budget && text.charCodeAt(i) === text.charCodeAt(j)) return true;
  return false;
}
