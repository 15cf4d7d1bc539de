import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Problem } from "../vault-scan/problem.js";

/** What the build command tells the editor, besides the number of pages indexed. */
export interface RenderReport {
  /** Every problem of the vault, infos included. */
  readonly problems: readonly Problem[];
  readonly notes: number;
  readonly published: number;
  /** Links written in published notes. */
  readonly links: number;
  /** Of those, wikilinks to notes still to be written (missing or unpublished): a broken Markdown link names no note to write. */
  readonly linksToWrite: number;
  /** Notes still to be written, each counted once. */
  readonly notesToWrite: number;
  /** Files of the vault besides the notes that the site does not publish (unused, or refused). */
  readonly attachmentsLeftOut: number;
}

/** The report of a build from its link graph: the problems, and the counts of the build summary. */
export function reportOf(graph: LinkGraph): RenderReport {
  let links = 0;
  let linksToWrite = 0;
  for (const note of graph.published) {
    for (const link of graph.outgoing.get(note.file) ?? []) {
      links++;
      if ((link.resolution.kind === "missing" || link.resolution.kind === "unpublished") && link.occurrence.href === undefined) linksToWrite++;
    }
  }
  return { problems: graph.problems, notes: graph.notes.length, published: graph.published.length, links, linksToWrite, notesToWrite: graph.missing.length, attachmentsLeftOut: graph.assets.length - graph.publishedAssets.length };
}
