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

/** The note's name in the navigation: its `eleventyNavigation.title`, else its title. */
export function navigationTitleOf(note: Note): string {
  const title = navigationOf(note)?.title;
  return typeof title === "string" ? title : note.title;
}

/** The type groups of « Toutes les notes » and of the navigation, in their order. */
export const TYPE_GROUP_HEADINGS = ["Questions", "Ressources", "Autres notes"] as const;

/** The place of the note's type group in TYPE_GROUP_HEADINGS. */
export function typeGroupOf(note: Note): number {
  const kind = kindOf(note);
  return kind === "question" ? 0 : kind === "ressource" ? 1 : 2;
}
