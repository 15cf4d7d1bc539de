import { Info } from "luxon";
import { byFrenchTitle, type LinkGraph } from "../link-graph/link-graph.js";
import { frenchCollator } from "../vault-scan/french-order.js";
import type { Note } from "../vault-scan/note.js";
import { hrefOf } from "../vault-scan/paths.js";
import { localGraph } from "./graph-layout.js";
import { kindOf, navigationOf, navigationTitleOf, TYPE_GROUP_HEADINGS, typeGroupOf } from "./note-roles.js";
import { tagUrl, tagWithParents } from "../vault-scan/tags.js";
import type { SiteSettings } from "../site/site-settings.js";
import type { DateView, MissingNoteView, NoteGroupView, NoteLinkView, NoteView, RecentNoteView, TagLinkView, TagPageView, TocEntryView } from "./views.js";

export function linkView(note: Note): NoteLinkView {
  return { title: note.title, url: hrefOf(note.url) };
}

export function noteView(graph: LinkGraph, note: Note, site: SiteSettings): NoteView {
  const kind = kindOf(note);
  const subject = `Remarque sur la note « ${note.title} »`;
  const editUrl = site.repository ? editUrlOf(site.repository, note) : undefined;
  // Objects written out, not "{ ...linkView(note), … }": V8 builds an object literal that spreads another object and
  // then adds properties tens of times slower, half a second over the views of 10,000 notes.
  return {
    title: note.title,
    url: hrefOf(note.url),
    needsTitleHeading: note.titleSource !== "heading",
    tags: note.tags,
    backlinks: (graph.backlinks.get(note.file) ?? []).map((b) => ({ title: b.from.title, url: hrefOf(b.from.url), context: b.context })),
    remarkMailto: `mailto:${site.contactEmail}?subject=${encodeURIComponent(subject)}`,
    description: note.outline.summary,
    tagLinks: note.tags.map(tagLink),
    toc: tableOfContents(note),
    breadcrumbs: breadcrumbsOf(graph, note),
    graph: localGraph(graph, note),
    ...(kind ? { kind } : {}),
    ...(note.created ? { created: dateView(note.created) } : {}),
    ...(note.updated ? { updated: dateView(note.updated) } : {}),
    ...(editUrl ? { editUrl } : {}),
  };
}

/** The French names of the months, from luxon, as its "LLLL" token writes them: "janvier" to "décembre". */
const FRENCH_MONTHS = Info.months("long", { locale: "fr" });

/**
 * "22 juin 2022", in the calendar day the date was written for (front-matter dates are UTC midnights). Written from
 * the month table rather than by luxon's `toFormat`, which took 90 µs a date: 0.27 s for 3,000 days.
 */
export function dateView(date: Date): DateView {
  const iso = date.toISOString().slice(0, 10);
  return { iso, text: `${date.getUTCDate()} ${FRENCH_MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, "0")}` };
}

function tagLink(tag: string): TagLinkView {
  return { name: tag, url: tagUrl(tag) };
}

const TOC_MINIMUM = 3;

function tableOfContents(note: Note): TocEntryView[] {
  const sections = note.outline.headings.filter((h) => !(note.titleSource === "heading" && h.level === 1 && h.text === note.title));
  return sections.length < TOC_MINIMUM ? [] : sections.map((h) => ({ id: h.id, text: h.text, level: h.level }));
}

function editUrlOf(repository: NonNullable<SiteSettings["repository"]>, note: Note): string {
  const path = [repository.notesFolder, ...note.file.split("/")].filter(Boolean).map(encodeURIComponent).join("/");
  return `${repository.url.replace(/\/$/, "")}/edit/${encodeURIComponent(repository.branch)}/${path}`;
}

const navigationKeys = new WeakMap<LinkGraph, ReadonlyMap<string, Note>>();

function notesByNavigationKey(graph: LinkGraph): ReadonlyMap<string, Note> {
  let keys = navigationKeys.get(graph);
  if (!keys) {
    keys = new Map(graph.published.flatMap((n) => (typeof navigationOf(n)?.key === "string" ? [[navigationOf(n)!.key as string, n] as const] : [])));
    navigationKeys.set(graph, keys);
  }
  return keys;
}

/** Follows `eleventyNavigation.parent` up; a parent no note declares ends the trail, as does a loop. */
function breadcrumbsOf(graph: LinkGraph, note: Note): NoteLinkView[] {
  const keys = notesByNavigationKey(graph);
  const trail: NoteLinkView[] = [];
  const seen = new Set<Note>([note]);
  let parentKey = navigationOf(note)?.parent;
  while (typeof parentKey === "string") {
    const parent = keys.get(parentKey);
    if (!parent || seen.has(parent)) break;
    seen.add(parent);
    trail.unshift({ title: navigationTitleOf(parent), url: hrefOf(parent.url) });
    parentKey = navigationOf(parent)?.parent;
  }
  return trail;
}

/**
 * One page per tag, in French order, each listing its notes in French order of titles. A nested tag's notes are
 * listed on its parents' pages too, and each page comes before the pages nested under it.
 */
export function tagPages(graph: LinkGraph): TagPageView[] {
  // "médiation" and "mediation" share one URL, hence one page: two pages there would stop the build.
  const byUrl = new Map<string, { link: TagLinkView; notes: Set<Note>; subtags: TagPageView[]; parentUrl?: string }>();
  const urlOfTag = new Map<string, string>();
  const tags = [...new Set(graph.published.flatMap((n) => n.tags.flatMap(tagWithParents)))].sort(byTagLevels);
  for (const tag of tags) {
    const link = tagLink(tag);
    urlOfTag.set(tag, link.url);
    const parent = tagWithParents(tag)[1];
    if (!byUrl.has(link.url)) byUrl.set(link.url, { link, notes: new Set(), subtags: [], ...(parent ? { parentUrl: urlOfTag.get(parent)! } : {}) });
  }
  // Published notes come in French order of titles, so each page's list does too.
  for (const note of graph.published) for (const tag of note.tags.flatMap(tagWithParents)) byUrl.get(urlOfTag.get(tag)!)!.notes.add(note);
  const pages = new Map([...byUrl].map(([url, { link, notes, subtags, parentUrl }]) => [url, { ...link, notes: [...notes].map(linkView), subtags, nested: parentUrl !== undefined }]));
  for (const [url, { parentUrl }] of byUrl) if (parentUrl !== undefined) byUrl.get(parentUrl)!.subtags.push(pages.get(url)!);
  return [...pages.values()];
}

/** French order, level by level: "a" and everything nested under it, then "a-b"; "a/b" before "a/c". */
function byTagLevels(a: string, b: string): number {
  const levelsOfA = a.split("/");
  const levelsOfB = b.split("/");
  for (let i = 0; i < Math.min(levelsOfA.length, levelsOfB.length); i++) {
    const [levelOfA, levelOfB] = [levelsOfA[i]!, levelsOfB[i]!];
    if (levelOfA !== levelOfB) return frenchCollator.compare(levelOfA, levelOfB) || (levelOfA < levelOfB ? -1 : 1);
  }
  return levelsOfA.length - levelsOfB.length;
}

const recentCache = new WeakMap<LinkGraph, readonly RecentNoteView[]>();

/** The most recently updated notes first, for the home page, the feed and the sitemap: sorted once per build. */
export function recentlyUpdated(graph: LinkGraph, count: number): RecentNoteView[] {
  let all = recentCache.get(graph);
  if (!all) {
    all = graph.published
      .filter((n) => n.updated)
      .sort((a, b) => b.updated!.getTime() - a.updated!.getTime() || byFrenchTitle(a, b))
      .map((n) => ({ title: n.title, url: hrefOf(n.url), updated: dateView(n.updated!), timestamp: n.updated!.toISOString(), description: n.outline.summary }));
    recentCache.set(graph, all);
  }
  return all.slice(0, count);
}

/**
 * « Toutes les notes »: published notes grouped by type, then by `eleventyNavigation` parent in French order of the
 * parents' titles, each list in French order of titles; a note whose parent no published note declares has none.
 */
export function overviewGroups(graph: LinkGraph): NoteGroupView[] {
  const keys = notesByNavigationKey(graph);
  const groups = TYPE_GROUP_HEADINGS.map((heading): [string, Map<Note, Note[]>, Note[]] => [heading, new Map(), []]);
  for (const note of graph.published) {
    const [, byParent, orphans] = groups[typeGroupOf(note)]!;
    const parentKey = navigationOf(note)?.parent;
    const parent = typeof parentKey === "string" ? keys.get(parentKey) : undefined;
    if (!parent || parent === note) orphans.push(note);
    else if (byParent.has(parent)) byParent.get(parent)!.push(note);
    else byParent.set(parent, [note]);
  }
  return groups
    .filter(([, byParent, orphans]) => byParent.size > 0 || orphans.length > 0)
    .map(([heading, byParent, orphans]) => ({
      heading,
      parents: [...byParent]
        .map(([parent, notes]) => ({ parent: { title: navigationTitleOf(parent), url: hrefOf(parent.url) }, notes: notes.map(linkView) }))
        .sort((a, b) => frenchCollator.compare(a.parent.title, b.parent.title)),
      notes: orphans.map(linkView),
    }));
}

export function missingNotes(graph: LinkGraph): MissingNoteView[] {
  return graph.missing.map((m) => ({ name: m.name, callers: m.callers.map(linkView) }));
}
