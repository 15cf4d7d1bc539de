import { Tokenizer } from "htmlparser2";

/** Where the search page and dialog read the words of the index (see _includes/assets/search-query.js). */
export const INDEXED_WORDS_FILE = "mots.json";

/**
 * A word as search compares it: lower case, without accents, ligatures spelt out ("Œuvres" gives "oeuvres"), as
 * Pagefind matches words. The search page's script reads queries the same way (searchKey in search-query.js).
 */
export function searchKey(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Elements without content nor closing tag: one marked `data-pagefind-ignore` hides nothing after it. */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * The words of the pages Pagefind indexes, each once, as a note writes it: the search tells a query word that no
 * note contains from one Pagefind merely finds by a prefix, and suggests close words instead. Only the text
 * Pagefind reads counts: inside `data-pagefind-body`, outside `data-pagefind-ignore` (the hints for screen readers).
 */
export class IndexedWords {
  /** By search key: how the notes most often write it, and how often. */
  readonly #words = new Map<string, Map<string, number>>();

  add(html: string): void {
    // From the body on, and not ended by a closing tag: a note's stray "</article>" must not hide words Pagefind
    // reads. A word too many only lets Pagefind answer; a word too few would say « Aucun résultat » wrongly.
    let inBody = false;
    // The ignored element the reader is in, and how many elements of its name are open in it. htmlparser2's Parser
    // keeps a stack it grows by unshift(), quadratic on deeply nested tags: its tokenizer alone is linear.
    let ignored: { name: string; depth: number } | undefined;
    let text = "";
    let tag = "";
    let attributes = new Set<string>();
    const flush = () => {
      if (inBody && !ignored) for (const [word] of text.matchAll(WORD)) this.#count(word.toLowerCase());
      text = "";
    };
    const opened = (selfClosing: boolean) => {
      if (attributes.has("data-pagefind-body")) inBody = true;
      if (selfClosing || VOID_ELEMENTS.has(tag)) return;
      if (ignored) {
        if (tag === ignored.name) ignored.depth++;
      } else if (attributes.has("data-pagefind-ignore")) {
        ignored = { name: tag, depth: 1 };
      }
    };
    const tokenizer = new Tokenizer(
      { decodeEntities: true },
      {
        ontext: (start, end) => (text += html.slice(start, end)),
        ontextentity: (codepoint) => (text += String.fromCodePoint(codepoint)),
        onopentagname: (start, end) => {
          flush();
          tag = html.slice(start, end).toLowerCase();
          attributes = new Set();
        },
        onattribname: (start, end) => attributes.add(html.slice(start, end).toLowerCase()),
        onopentagend: () => opened(false),
        onselfclosingtag: () => opened(true),
        onclosetag: (start, end) => {
          flush();
          if (ignored && html.slice(start, end).toLowerCase() === ignored.name && --ignored.depth === 0) ignored = undefined;
        },
        onattribdata: () => undefined,
        onattribentity: () => undefined,
        onattribend: () => undefined,
        oncdata: flush,
        oncomment: flush,
        ondeclaration: flush,
        onprocessinginstruction: flush,
        onend: flush,
      },
    );
    tokenizer.write(html);
    tokenizer.end();
  }

  /**
   * A JSON array of the words, each as most often written, the most frequent first (then in code point order, so
   * that the same notes give the same file): the suggestions prefer the words the notes use most.
   */
  json(): string {
    const words = [...this.#words.values()].map((forms) => {
      let best = "";
      let total = 0;
      let bestCount = 0;
      for (const [form, count] of forms) {
        total += count;
        if (count > bestCount || (count === bestCount && form < best)) [best, bestCount] = [form, count];
      }
      return { word: best, total };
    });
    words.sort((a, b) => b.total - a.total || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return `${JSON.stringify(words.map((w) => w.word))}\n`;
  }

  #count(word: string): void {
    const key = searchKey(word);
    let forms = this.#words.get(key);
    if (!forms) this.#words.set(key, (forms = new Map()));
    forms.set(word, (forms.get(word) ?? 0) + 1);
  }
}
