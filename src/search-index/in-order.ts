/**
 * Passes items on in a fixed order of keys, whatever order they arrive in: an item waits until every key before it
 * in that order has arrived. `finish` then passes what is left: the items whose turn never came because a key
 * before them never arrived, then the items whose key was not in the order, by key. So the order in which items
 * are passed on depends only on which items arrived, never on when.
 */
export class InOrder<T> {
  readonly #order: readonly string[];
  readonly #expected: ReadonlySet<string>;
  readonly #waiting = new Map<string, T>();
  readonly #unexpected = new Map<string, T>();
  readonly #pass: (item: T) => void;
  #next = 0;

  constructor(order: readonly string[], pass: (item: T) => void) {
    this.#order = order;
    this.#expected = new Set(order);
    this.#pass = pass;
  }

  arrive(key: string, item: T): void {
    if (!this.#expected.has(key)) {
      this.#unexpected.set(key, item);
      return;
    }
    this.#waiting.set(key, item);
    while (this.#next < this.#order.length && this.#waiting.has(this.#order[this.#next]!)) {
      const next = this.#order[this.#next++]!;
      const waiting = this.#waiting.get(next)!;
      this.#waiting.delete(next);
      this.#pass(waiting);
    }
  }

  finish(): void {
    for (const key of this.#order.slice(this.#next)) {
      if (this.#waiting.has(key)) this.#pass(this.#waiting.get(key)!);
    }
    this.#waiting.clear();
    this.#next = this.#order.length;
    for (const key of [...this.#unexpected.keys()].sort()) this.#pass(this.#unexpected.get(key)!);
    this.#unexpected.clear();
  }
}
