import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Note } from "../vault-scan/note.js";
import { pageFileOf, type VaultPath } from "../vault-scan/paths.js";
import type { NoteView } from "../views/views.js";

/**
 * Everything a note's page is made of: its text, what the layout shows of it (title, dates, backlinks, graph…),
 * where each of its links leads, and the fingerprint of the navigation every page shares. Undefined when the page
 * embeds another note, whose text it then holds too.
 */
export function pageFingerprint(graph: LinkGraph, note: Note, view: NoteView, navigation: string): string | undefined {
  const links: string[] = [];
  for (const { occurrence, resolution } of graph.outgoing.get(note.file) ?? []) {
    if (resolution.kind === "note") {
      if (occurrence.syntax.embed) return undefined;
      links.push(`${resolution.href}\u0000${resolution.note.title}`);
    } else {
      links.push(resolution.kind === "asset" ? resolution.href : resolution.kind);
    }
  }
  const description = note.frontMatter["description"];
  return createHash("sha1")
    .update(JSON.stringify([note.outline.lines, typeof description === "string" ? description : null, view, links, navigation]))
    .digest("base64");
}

/**
 * Under `npm start`, Eleventy renders every page again after each edit: its `--incremental` mode would leave the
 * backlinks of other pages stale. A note page whose fingerprint is the one of the last successful build is left out
 * of the notes' template instead, and as it is on disk, so an edit costs the pages it changes, not the whole garden.
 */
export class UnchangedPages {
  /** Fingerprints of the pages of the last successful build. */
  private written = new Map<VaultPath, string>();
  /** Fingerprints of the build under way, kept once it succeeds. */
  private pending = new Map<VaultPath, string>();
  private building = false;

  /** A new build starts. After a failed one, pages on disk may be from either build: all are rendered again. */
  start(): void {
    if (this.building) this.written.clear();
    this.pending.clear();
    this.building = true;
  }

  /** A layout, a setting or the code changed: every page may differ. */
  forget(): void {
    this.written.clear();
  }

  /** True when the page need not be rendered: same fingerprint as last time, and its file is still there. */
  isUnchanged(note: Note, fingerprint: string | undefined, outputDir: string): boolean {
    if (fingerprint === undefined) return false;
    this.pending.set(note.file, fingerprint);
    // The permalink as it is written, not decoded, as Eleventy writes it: a wrong guess only renders the page again.
    return this.written.get(note.file) === fingerprint && existsSync(pageFileOf(outputDir, note.url));
  }

  succeeded(): void {
    this.written = this.pending;
    this.pending = new Map();
    this.building = false;
  }
}
