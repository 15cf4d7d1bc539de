import { frenchCollator } from "../vault-scan/french-order.js";
import type { LinkOccurrence } from "../vault-scan/markdown-outline.js";
import type { Note } from "../vault-scan/note.js";
import type { SiteUrl, VaultPath } from "../vault-scan/paths.js";
import { compareProblems, type Problem } from "../vault-scan/problem.js";
import type { Vault } from "../vault-scan/read-vault.js";
import { publishAttachments } from "./attachments.js";
import { NoteIndex } from "./note-index.js";
import { linkProblem, noteProblems, siteProblems } from "./problems.js";
import { looksLikeAttachment, looksLikeImage, resolveLink, type Resolution } from "./resolve-link.js";
import { TypoFinder } from "./suggestions.js";
import { targetText, type WikilinkTarget } from "../vault-scan/wikilink-syntax.js";
import { linkKey } from "../vault-scan/attachment-references.js";
import { addressLinks } from "./address-links.js";

export interface OutgoingLink {
  readonly occurrence: LinkOccurrence;
  readonly resolution: Resolution;
}

export interface Backlink {
  readonly from: Note;
  readonly context: string;
  readonly line: number;
}

/** The context is cut from the line only when a page shows it: the check never does. */
class LinkBack implements Backlink {
  constructor(
    readonly from: Note,
    private readonly occurrence: LinkOccurrence,
  ) {}

  get line(): number {
    return this.occurrence.line;
  }

  get context(): string {
    return this.occurrence.context;
  }
}

export interface Caller {
  readonly from: Note;
  readonly line: number;
  readonly column: number;
}

/** A link target no published note answers to: a note still to be written. */
export interface MissingTarget {
  readonly name: string;
  /** Each calling note once, in French order of titles. */
  readonly callers: readonly Note[];
  readonly occurrences: readonly Caller[];
}

export interface LinkGraph {
  readonly notes: readonly Note[];
  /** Published notes in French order of titles. */
  readonly published: readonly Note[];
  readonly assets: readonly VaultPath[];
  /** The attachments the site serves: used by a published note or in a folder always published, and allowed. */
  readonly publishedAssets: readonly VaultPath[];
  readonly index: NoteIndex;
  readonly outgoing: ReadonlyMap<VaultPath, readonly OutgoingLink[]>;
  readonly backlinks: ReadonlyMap<VaultPath, readonly Backlink[]>;
  /** Most-called first. */
  readonly missing: readonly MissingTarget[];
  /** The Markdown and HTML images of each note that name no file, by imageKey: the page shows their text instead. */
  readonly missingImages: ReadonlyMap<VaultPath, ReadonlySet<string>>;
  readonly problems: readonly Problem[];
}

export interface GraphOptions {
  /** URLs the site itself uses (home, search page…), which no note may take. */
  readonly reservedUrls: ReadonlyMap<SiteUrl, string>;
  /** Folders of the vault published whole, used by a note or not (`alwaysPublishedFolders` in _data/site.json). */
  readonly alwaysPublishedFolders?: readonly string[];
}

export function byFrenchTitle(a: Note, b: Note): number {
  return frenchCollator.compare(a.title, b.title) || (a.file < b.file ? -1 : 1);
}

/**
 * The link to `target` that a note's outgoing links hold on `line`. Columns are not compared: the renderer reads a
 * line without its quote markers, list indent or table pipes. Two links to one target from one note lead to the same
 * place, so the first on the line answers. Each list is read into a map once: a line may hold thousands of links.
 */
export function outgoingAt(links: readonly OutgoingLink[], line: number, target: WikilinkTarget | string): OutgoingLink | undefined {
  let byPlace = linksByPlace.get(links);
  if (!byPlace) {
    byPlace = new Map();
    for (const link of links) {
      const key = placeKey(link.occurrence.line, link.occurrence.href ?? link.occurrence.syntax.target);
      if (!byPlace.has(key)) byPlace.set(key, link);
    }
    linksByPlace.set(links, byPlace);
  }
  return byPlace.get(placeKey(line, target));
}

const linksByPlace = new WeakMap<readonly OutgoingLink[], Map<string, OutgoingLink>>();

/**
 * "12:Note#Titre" for a wikilink: a heading never starts with "^", which marks a block, and no part holds a "#".
 * "12>Dossier/Note.md#Titre" for a Markdown or HTML link, by its address (`href`, decoded).
 */
function placeKey(line: number, target: WikilinkTarget | string): string {
  return typeof target === "string" ? `${line}>${linkKey(target)}` : `${line}:${targetText(target)}`;
}

/** Resolves every link of the vault once: outgoing links, backlinks, missing targets and problems. */
export function buildLinkGraph(vault: Vault, options: GraphOptions): LinkGraph {
  const index = new NoteIndex(vault.notes, vault.assets);
  const typos = new TypoFinder(vault.notes);
  let images: TypoFinder | undefined;
  // Built on the first missing image only: most vaults have none.
  const imageTypos = () => (images ??= new TypoFinder([], vault.assets.filter(looksLikeImage)));
  const problems: Problem[] = [...vault.problems];
  const outgoing = new Map<VaultPath, OutgoingLink[]>();
  const backlinkLists = new Map<VaultPath, Backlink[]>();
  const missing = new Map<string, { name: string; occurrences: Caller[] }>();
  const missingImages = new Map<VaultPath, ReadonlySet<string>>();

  for (const from of vault.notes) {
    const links: OutgoingLink[] = [];
    const linkedTargets = new Set<Note>();
    const wikilinks = from.outline.links;
    const addresses = addressLinks(index, from, options.reservedUrls, imageTypos);
    if (from.unpublished !== "templates-folder") for (const problem of addresses.problems) problems.push(problem);
    if (addresses.missingImages.length > 0) missingImages.set(from.file, new Set(addresses.missingImages));
    // Wikilinks, then Markdown and HTML links, which the scan found as addresses and resolved already.
    for (let i = 0; i < wikilinks.length + addresses.links.length; i++) {
      const link = i < wikilinks.length ? { occurrence: wikilinks[i]!, resolution: resolveLink(index, from, wikilinks[i]!.syntax.target) } : addresses.links[i - wikilinks.length]!;
      links.push(link);
      const { occurrence, resolution } = link;
      const problem = linkProblem(from, occurrence, resolution, typos);
      if (problem && from.unpublished !== "templates-folder") problems.push(problem);
      if (from.unpublished) continue;
      if (resolution.kind === "note" && resolution.note !== from) {
        if (!linkedTargets.has(resolution.note)) {
          linkedTargets.add(resolution.note);
          const list = backlinkLists.get(resolution.note.file);
          if (list) list.push(new LinkBack(from, occurrence));
          else backlinkLists.set(resolution.note.file, [new LinkBack(from, occurrence)]);
        }
      } else if ((resolution.kind === "missing" || resolution.kind === "unpublished") && occurrence.href === undefined && !looksLikeAttachment(occurrence.syntax.target.note)) {
        const key = occurrence.syntax.target.note.toLowerCase();
        const entry = missing.get(key) ?? { name: occurrence.syntax.target.note, occurrences: [] };
        entry.occurrences.push({ from, line: occurrence.line, column: occurrence.column });
        missing.set(key, entry);
      }
    }
    outgoing.set(from.file, links);
  }

  const attachments = publishAttachments(vault, index, outgoing, { alwaysPublishedFolders: options.alwaysPublishedFolders ?? [], reservedUrls: options.reservedUrls });
  problems.push(...attachments.problems, ...siteProblems(vault.notes, attachments.published, options.reservedUrls));
  const published = vault.notes.filter((n) => !n.unpublished).sort(byFrenchTitle);
  // Backlinks and callers all come from published notes: their place in `published` is their French order.
  const rank = new Map(published.map((note, i) => [note, i]));
  const byRank = (a: Note, b: Note) => rank.get(a)! - rank.get(b)!;
  for (const list of backlinkLists.values()) list.sort((a, b) => byRank(a.from, b.from));
  problems.push(...noteProblems(vault.notes, published, (note) => backlinkLists.has(note.file)));
  const missingTargets = [...missing.values()].map(({ name, occurrences }) => ({
    name,
    occurrences,
    callers: [...new Set(occurrences.map((o) => o.from))].sort(byRank),
  }));
  missingTargets.sort((a, b) => b.callers.length - a.callers.length || frenchCollator.compare(a.name, b.name));

  return {
    notes: vault.notes,
    published,
    assets: vault.assets,
    publishedAssets: attachments.published,
    index,
    outgoing,
    backlinks: backlinkLists,
    missing: missingTargets,
    missingImages,
    problems: problems.sort(compareProblems),
  };
}
