import type { Resolution } from "../link-graph/resolve-link.js";
import type { Note } from "../vault-scan/note.js";
import type { VaultPath } from "../vault-scan/paths.js";
import type { WikilinkTarget } from "../vault-scan/wikilink-syntax.js";

/** markdown-it's `env` while rendering a note: Eleventy's data, plus what transclusion adds. */
export interface GardenEnv {
  readonly page?: { readonly inputPath?: string };
  /** Set while rendering an embedded note: links then resolve from that note. */
  readonly gardenSource?: VaultPath;
  /** The notes being embedded, outermost first, to stop embed cycles. */
  readonly gardenEmbeds?: readonly VaultPath[];
  /** What is left of the page's embed budget, shared by all its embeds, however deep. */
  readonly gardenEmbedBudget?: { left: number };
}

/** What the markdown rules need from the link graph of the current build. */
export interface GardenLinks {
  noteOf(env: GardenEnv): Note | undefined;
  resolve(from: Note, target: WikilinkTarget): Resolution;
}

/** How deep embeds may nest: deep enough for any real note, shallow enough that a 50-note chain stays small. */
export const MAX_EMBED_DEPTH = 5;

/**
 * How much embedded text one page may hold, in characters, each embed counting for at least a hundredth of it:
 * ten notes that each embed the next ten times, five deep, would otherwise copy the last one 100,000 times.
 */
export const EMBED_BUDGET = 1_000_000;
