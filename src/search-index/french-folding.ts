/**
 * Pagefind reads "d'Orsay" as "d" + "orsay", but keeps "d’Orsay" (typographic apostrophe) as one word, and has no
 * folding for "œ" or "æ": "orsay", "occasion", "oeuvres" and "coeur" then find nothing. The text Pagefind indexes is
 * folded here; the pages themselves are never changed.
 */
const FOLDS: Readonly<Record<string, string>> = {
  "’": "'",
  "‘": "'",
  "ʼ": "'",
  œ: "oe",
  Œ: "Oe",
  æ: "ae",
  Æ: "Ae",
};
const FOLDABLE = /[’‘ʼœŒæÆ]/g;
const HAS_FOLDABLE = /[’‘ʼœŒæÆ]/;
const WORD = /[\p{L}\p{N}’‘ʼ'-]+/gu;

function foldForSearch(text: string): string {
  return text.replace(FOLDABLE, (ch) => FOLDS[ch]!);
}

/**
 * Folds the text of an HTML page, not its tags or attributes (titles in attributes stay exact), and lists the
 * words folding changed, each once: the search page puts them back into result excerpts.
 */
export function foldHtmlForSearch(html: string): { html: string; changedWords: string[] } {
  const changed = new Set<string>();
  const folded = html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith("<") || !HAS_FOLDABLE.test(part)) return part;
      for (const word of part.match(WORD) ?? []) if (HAS_FOLDABLE.test(word)) changed.add(word);
      return foldForSearch(part);
    })
    .join("");
  return { html: folded, changedWords: [...changed] };
}
