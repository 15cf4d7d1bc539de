import type { LinkGraph } from "../link-graph/link-graph.js";
import { frenchCollator } from "../vault-scan/french-order.js";
import type { Note } from "../vault-scan/note.js";
import { toVaultPath } from "../vault-scan/paths.js";
import { linkView } from "./note-views.js";
import { navigationOf, navigationTitleOf, TYPE_GROUP_HEADINGS, typeGroupOf } from "./note-roles.js";
import type { NoteLinkView } from "./views.js";

/** At most this many links in one list of the navigation; the rest are on « Toutes les notes ». */
export const NAVIGATION_LIST_LIMIT = 6;
/** At most this many folders in one type group; the notes of the others count among the group's hidden ones. */
export const NAVIGATION_FOLDER_LIMIT = 5;
/** At most this many notes in the `eleventyNavigation` tree, in reading order. */
export const NAVIGATION_TREE_LIMIT = 60;

/** A bounded list of links: `hidden` more notes belong to it but are left to the page that lists them all. */
export interface NavigationList {
  readonly heading: string;
  readonly links: readonly NoteLinkView[];
  readonly hidden: number;
}

export interface NavigationGroup extends NavigationList {
  /** The group's notes kept in the vault's top-level folders, one list a folder; the others are in `links`. */
  readonly folders: readonly NavigationList[];
}

export interface NavigationTreeNode extends NoteLinkView {
  readonly children: readonly NavigationTreeNode[];
}

/** The garden's left column: the same on every page, so it is computed once per build. */
export interface NavigationView {
  /** The H2 sections of the root index.md and the notes each links to, when the vault has one. */
  readonly themes: readonly NavigationList[];
  readonly tree: readonly NavigationTreeNode[];
  /** True when the tree has more notes than NAVIGATION_TREE_LIMIT. */
  readonly treeCut: boolean;
  readonly groups: readonly NavigationGroup[];
}

const HOME_FILE = toVaultPath("index.md");

export function gardenNavigation(graph: LinkGraph): NavigationView {
  const { tree, cut } = navigationTree(graph.published);
  return { themes: homeThemes(graph), tree, treeCut: cut, groups: typeGroups(graph.published) };
}

function bounded(heading: string, notes: readonly Note[]): NavigationList {
  return { heading, links: notes.slice(0, NAVIGATION_LIST_LIMIT).map(linkView), hidden: Math.max(0, notes.length - NAVIGATION_LIST_LIMIT) };
}

/** Each "## " section of the home note, with the published notes its lines link to, in the order of the text. */
function homeThemes(graph: LinkGraph): NavigationList[] {
  const home = graph.index.byFile.get(HOME_FILE);
  if (!home || home.unpublished) return [];
  const sections = home.outline.headings.filter((h) => h.level === 2);
  // Wikilinks come before Markdown links in the graph: by line, they follow the text.
  const links = [...(graph.outgoing.get(home.file) ?? [])].sort((a, b) => a.occurrence.line - b.occurrence.line);
  // One pass through the links, section after section.
  let next = 0;
  return sections.flatMap((section, i) => {
    const end = sections[i + 1]?.line ?? Infinity;
    const notes = new Set<Note>();
    while (next < links.length && links[next]!.occurrence.line <= section.line) next++;
    for (; next < links.length && links[next]!.occurrence.line < end; next++) {
      const { resolution } = links[next]!;
      if (resolution.kind === "note" && resolution.note !== home) notes.add(resolution.note);
    }
    return notes.size > 0 ? [bounded(section.text, [...notes])] : [];
  });
}

/**
 * The notes that declare an `eleventyNavigation.key`, under the note whose key their `parent` names; a parent no note
 * declares makes a root. A loop of parents has no root, so none of it is shown.
 */
function navigationTree(published: readonly Note[]): { tree: NavigationTreeNode[]; cut: boolean } {
  const children = new Map<string | undefined, Note[]>();
  const keys = new Set<string>();
  for (const note of published) {
    const key = navigationOf(note)?.key;
    if (typeof key === "string") keys.add(key);
  }
  for (const note of published) {
    const nav = navigationOf(note);
    if (typeof nav?.key !== "string") continue;
    const parent = typeof nav.parent === "string" && keys.has(nav.parent) && nav.parent !== nav.key ? nav.parent : undefined;
    const siblings = children.get(parent) ?? [];
    siblings.push(note);
    children.set(parent, siblings);
  }
  let budget = NAVIGATION_TREE_LIMIT;
  let cut = false;
  const seen = new Set<string>();
  function nodesUnder(parent: string | undefined): NavigationTreeNode[] {
    const nodes: NavigationTreeNode[] = [];
    for (const note of children.get(parent) ?? []) {
      const key = navigationOf(note)!.key as string;
      // Two notes may declare one key: the first one's children are listed once.
      if (seen.has(key) && children.has(key)) continue;
      if (budget === 0) {
        cut = true;
        break;
      }
      budget--;
      seen.add(key);
      nodes.push({ title: navigationTitleOf(note), url: linkView(note).url, children: nodesUnder(key) });
    }
    return nodes;
  }
  return { tree: nodesUnder(undefined), cut };
}

/** The published notes by type, as on the overview; within a type, by top-level folder when notes have one. */
function typeGroups(published: readonly Note[]): NavigationGroup[] {
  const groups = TYPE_GROUP_HEADINGS.map(() => ({ loose: [] as Note[], folders: new Map<string, Note[]>() }));
  for (const note of published) {
    const group = groups[typeGroupOf(note)]!;
    const folder = note.folder.split("/")[0];
    if (!folder) group.loose.push(note);
    else {
      const notes = group.folders.get(folder) ?? [];
      notes.push(note);
      group.folders.set(folder, notes);
    }
  }
  return groups.flatMap((group, i) => {
    if (group.loose.length + group.folders.size === 0) return [];
    const folders = [...group.folders].sort(([a], [b]) => frenchCollator.compare(a, b));
    const loose = bounded(TYPE_GROUP_HEADINGS[i]!, group.loose);
    const leftOut = folders.slice(NAVIGATION_FOLDER_LIMIT).reduce((count, [, notes]) => count + notes.length, 0);
    return [{ ...loose, hidden: loose.hidden + leftOut, folders: folders.slice(0, NAVIGATION_FOLDER_LIMIT).map(([name, notes]) => bounded(name, notes)) }];
  });
}
