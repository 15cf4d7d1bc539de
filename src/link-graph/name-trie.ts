/**
 * A tree of the prefixes of many names, searched for the names within a few edits of a text. The edit distances to a
 * prefix shared by many names are computed once, and no name under a prefix already too far from the text is read:
 * the work follows the names near the text, not the number of names.
 *
 * Nodes are numbered in arrays rather than built as objects: a large vault has hundreds of thousands of prefixes.
 */
export class NameTrie {
  private readonly names: readonly string[];
  private readonly code: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  /** The name ending at each node, by its index in `names`, or -1. */
  private readonly nameAt: Int32Array;
  private readonly depthOf: Int32Array;

  constructor(names: readonly string[]) {
    const sorted = [...names].sort();
    const shared = sorted.map((name, i) => (i === 0 ? 0 : sharedPrefixLength(sorted[i - 1]!, name)));
    const size = 1 + sorted.reduce((sum, name, i) => sum + name.length - shared[i]!, 0);
    this.names = sorted;
    this.code = new Uint16Array(size);
    this.firstChild = new Int32Array(size).fill(-1);
    this.nextSibling = new Int32Array(size).fill(-1);
    this.nameAt = new Int32Array(size).fill(-1);
    this.depthOf = new Int32Array(size);
    // In sorted order, each name leaves the path of the one before it where they differ: `path[d]` is the node of
    // the previous name at depth d, and a new node at depth d + 1 follows that name's own, if any, as a sibling.
    const path = [0];
    let created = 1;
    sorted.forEach((name, i) => {
      const from = shared[i]!;
      for (let depth = from; depth < name.length; depth++) {
        const node = created++;
        this.code[node] = name.charCodeAt(depth);
        this.depthOf[node] = depth + 1;
        const previous = depth === from && i > 0 && sorted[i - 1]!.length > depth ? path[depth + 1]! : -1;
        if (previous === -1) this.firstChild[path[depth]!] = node;
        else this.nextSibling[previous] = node;
        path[depth + 1] = node;
      }
      path.length = name.length + 1;
      this.nameAt[path[name.length]!] = i;
    });
  }

  /**
   * Calls `found` with each name within `budget` edits (Levenshtein distance) of `text`, and that distance.
   * Row d of `rows` holds the distances between a prefix of d characters and each prefix of the text, computed only
   * where they can be within budget (|d - j| <= budget); every other cell holds budget + 1.
   */
  withinEdits(text: string, budget: number, found: (name: string, distance: number) => void): void {
    const tooFar = budget + 1;
    const width = text.length + 1;
    const deepest = text.length + budget;
    const codes = Uint16Array.from(text, (_, j) => text.charCodeAt(j));
    const rows = new Int32Array((deepest + 1) * width).fill(tooFar);
    for (let j = 0; j <= Math.min(budget, text.length); j++) rows[j] = j;
    if (this.nameAt[0] !== -1 && text.length <= budget) found(this.names[this.nameAt[0]!]!, text.length);
    // Depth first: a node's row is computed from its parent's, which no node of another branch has overwritten yet.
    const pending: number[] = [];
    for (let child = this.firstChild[0]!; child !== -1; child = this.nextSibling[child]!) pending.push(child);
    while (pending.length > 0) {
      const node = pending.pop()!;
      const depth = this.depthOf[node]!;
      if (depth > deepest) continue;
      const code = this.code[node]!;
      const row = depth * width;
      const before = row - width;
      const last = Math.min(text.length, depth + budget);
      let nearest = tooFar;
      for (let j = Math.max(0, depth - budget); j <= last; j++) {
        let value = j === 0 ? depth : rows[before + j - 1]! + (codes[j - 1] === code ? 0 : 1);
        if (j > 0) {
          const insert = rows[row + j - 1]! + 1;
          const remove = rows[before + j]! + 1;
          if (insert < value) value = insert;
          if (remove < value) value = remove;
        }
        if (value > tooFar) value = tooFar;
        rows[row + j] = value;
        if (value < nearest) nearest = value;
      }
      if (nearest > budget) continue;
      const name = this.nameAt[node]!;
      if (name !== -1 && rows[row + text.length]! <= budget) found(this.names[name]!, rows[row + text.length]!);
      for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) pending.push(child);
    }
  }
}

function sharedPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}
