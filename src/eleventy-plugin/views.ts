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
}

export interface NoteGroupView {
  readonly heading: string;
  readonly notes: readonly NoteLinkView[];
}

export interface MissingNoteView {
  readonly name: string;
  readonly callers: readonly NoteLinkView[];
}
