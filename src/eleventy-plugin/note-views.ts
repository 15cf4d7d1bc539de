import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Note } from "../vault-scan/note.js";
import { hrefOf } from "../vault-scan/paths.js";
import type { MissingNoteView, NoteGroupView, NoteLinkView, NoteView } from "./views.js";

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

function linkView(note: Note): NoteLinkView {
  return { title: note.title, url: hrefOf(note.url) };
}

export function noteView(graph: LinkGraph, note: Note, contactEmail: string): NoteView {
  const kind = kindOf(note);
  const subject = `Remarque sur la note « ${note.title} »`;
  return {
    ...linkView(note),
    needsTitleHeading: note.titleSource !== "heading",
    tags: note.tags,
    ...(kind ? { kind } : {}),
    backlinks: (graph.backlinks.get(note.file) ?? []).map((b) => ({ ...linkView(b.from), context: b.context })),
    remarkMailto: `mailto:${contactEmail}?subject=${encodeURIComponent(subject)}`,
  };
}

export function homeGroups(graph: LinkGraph): NoteGroupView[] {
  const groups: [string, Note[]][] = [
    ["Questions", []],
    ["Ressources", []],
    ["Autres notes", []],
  ];
  for (const note of graph.published) {
    const kind = kindOf(note);
    groups[kind === "question" ? 0 : kind === "ressource" ? 1 : 2]![1].push(note);
  }
  return groups.filter(([, notes]) => notes.length > 0).map(([heading, notes]) => ({ heading, notes: notes.map(linkView) }));
}

export function missingNotes(graph: LinkGraph): MissingNoteView[] {
  return graph.missing.map((m) => ({ name: m.name, callers: m.callers.map(linkView) }));
}
