import type { Resolution } from "../link-graph/resolve-link.js";
import type { Note } from "../vault-scan/note.js";
import type { SiteUrl, VaultPath } from "../vault-scan/paths.js";
import type { WikilinkTarget } from "../vault-scan/wikilink-syntax.js";

/** markdown-it's `env` while rendering a note's text: the page's note, or the note an embed shows. */
export interface GardenEnv {
  /** The note whose text is rendered: its links are the ones the scan read in it. */
  readonly gardenNote: Note;
  /** The line of the note's file where the rendered text starts: its body's first line, or an embedded section's heading. */
  readonly gardenFirstLine: number;
  /** The notes being embedded, outermost first, to stop embed cycles. */
  readonly gardenEmbeds?: readonly VaultPath[];
  /** What is left of the page's embed budget, shared by all its embeds, however deep. */
  readonly gardenEmbedBudget?: { left: number };
  /**
   * markdown-it-footnote's name for the text being rendered, which the ids of its footnotes hold: none for the
   * page's note, one per embed of the page, so that two embedded notes' "[^1]" stay apart.
   */
  readonly docId?: string;
}

/** What the markdown rules need from the link graph of the current build. */
export interface GardenLinks {
  /**
   * Where the link to `target` that the scan read on `line` of `from` leads, as the link graph resolved it; undefined
   * when the scan read no such link there, which the page then shows as text.
   */
  resolutionAt(from: Note, line: number, target: WikilinkTarget): Resolution | undefined;
  /** The site address of the published attachment that `from` names by the path `written`, if any. */
  attachmentUrl(from: Note, written: string): SiteUrl | undefined;
}

/** The env that renders a note's body, as its page shows it. */
export function bodyEnv(note: Note): GardenEnv {
  return { gardenNote: note, gardenFirstLine: note.bodyStartLine };
}

/** How deep embeds may nest: deep enough for any real note, shallow enough that a 50-note chain stays small. */
export const MAX_EMBED_DEPTH = 5;

/**
 * How much embedded text one page may hold, in characters, each embed counting for at least a hundredth of it:
 * ten notes that each embed the next ten times, five deep, would otherwise copy the last one 100,000 times.
 */
export const EMBED_BUDGET = 1_000_000;
