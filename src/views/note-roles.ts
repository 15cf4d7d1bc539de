import type { Note } from "../vault-scan/note.js";

/** Type tags: the kind of a note, shown as such and used to group the home page. "liens" marks resources in the existing vault. */
const KIND_OF_TAG: Readonly<Record<string, "question" | "ressource">> = {
  question: "question",
  questions: "question",
  ressource: "ressource",
  ressources: "ressource",
  liens: "ressource",
};

export function kindOf(note: Note): "question" | "ressource" | undefined {
  for (const tag of note.tags) {
    const kind = KIND_OF_TAG[tag];
    if (kind) return kind;
  }
  return undefined;
}

/** A note's `eleventyNavigation` front matter: its key in the garden's tree, and its parent's. */
interface Navigation {
  readonly key?: unknown;
  readonly parent?: unknown;
  readonly title?: unknown;
}

export function navigationOf(note: Note): Navigation | undefined {
  const nav = note.frontMatter["eleventyNavigation"];
  return nav !== null && typeof nav === "object" && !Array.isArray(nav) ? (nav as Navigation) : undefined;
}
