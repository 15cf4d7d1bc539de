/**
 * French alphabetical order, as `a.localeCompare(b, "fr")` gives it. One collator for the whole process: passing a
 * locale to `localeCompare` builds a new ICU collator on every call, which dominated sorting large vaults.
 */
const FRENCH = new Intl.Collator("fr");

export function compareFrench(a: string, b: string): number {
  return FRENCH.compare(a, b);
}

/**
 * The order readers see titles and tags in: French, ignoring case and accents, and numbers by value ("Salle 2"
 * before "Salle 10"). Ties are left to the caller.
 */
export const frenchCollator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
