import type { GraphView } from "./graph-layout.js";

/** What layouts receive about notes: plain data, already escaped by Nunjucks when printed. */

export interface NoteLinkView {
  readonly title: string;
  /** Ready for an href: percent-encoded. */
  readonly url: string;
}

export interface BacklinkView extends NoteLinkView {
  /** The sentence around the link in the linking note, plain text. */
  readonly context: string;
}

export interface NoteView extends NoteLinkView {
  /** True when the body has no "# " heading, so the layout must print the title as the page's h1. */
  readonly needsTitleHeading: boolean;
  readonly tags: readonly string[];
  /** "question", "ressource", or undefined for other notes. */
  readonly kind?: "question" | "ressource";
  readonly backlinks: readonly BacklinkView[];
  /** mailto: URL to write about this note, with the title URL-encoded in the subject. */
  readonly remarkMailto: string;
  /** The first paragraph, plain text: meta description and link previews. */
  readonly description: string;
  readonly tagLinks: readonly TagLinkView[];
  readonly created?: DateView;
  readonly updated?: DateView;
  /** Sections of the note, only when it has 3 headings or more besides its title. */
  readonly toc: readonly TocEntryView[];
  /** Ancestors from `eleventyNavigation`, outermost first. */
  readonly breadcrumbs: readonly NoteLinkView[];
  /** The Git host's edit page for this note, when a repository is configured. */
  readonly editUrl?: string;
  /** Undefined when the note has no neighbour, or one with no other: nothing to draw. */
  readonly graph: GraphView | undefined;
}

export interface DateView {
  /** For <time datetime>: "2022-06-22". */
  readonly iso: string;
  /** "22 juin 2022". */
  readonly text: string;
}

export interface TagLinkView {
  readonly name: string;
  readonly url: string;
}

export interface TocEntryView {
  readonly id: string;
  readonly text: string;
  readonly level: number;
}

export interface TagPageView extends TagLinkView {
  /** The notes with this tag or one nested under it ("a/b" is listed under "a" too). */
  readonly notes: readonly NoteLinkView[];
  /** The pages of the tags nested one level under this one, for the tags index. */
  readonly subtags: readonly TagPageView[];
  /** Whether the tag is nested under another ("a/b"): the index lists it under its parent only. */
  readonly nested: boolean;
}

/** The notes of one type on « Toutes les notes »: first under each `eleventyNavigation` parent, then those with none. */
export interface NoteGroupView {
  readonly heading: string;
  readonly parents: readonly ParentGroupView[];
  readonly notes: readonly NoteLinkView[];
}

export interface ParentGroupView {
  readonly parent: NoteLinkView;
  readonly notes: readonly NoteLinkView[];
}

export interface MissingNoteView {
  readonly name: string;
  readonly callers: readonly NoteLinkView[];
}

export interface RecentNoteView extends NoteLinkView {
  readonly updated: DateView;
  /** Full ISO time, for feeds and sitemaps. */
  readonly timestamp: string;
  readonly description: string;
}
