import { fileURLToPath } from "node:url";
import type MarkdownIt from "markdown-it";
import { bodyEnv, type GardenLinks } from "../src/markdown/garden-env.js";
import { createMarkdownLibrary } from "../src/markdown/garden-markdown.js";
import { readLayoutIds } from "../src/site/layout-ids.js";
import { reservedUrls } from "../src/site/pages.js";
import { publishedAttachmentUrl } from "../src/link-graph/attachments.js";
import { addressLinks, imageKey } from "../src/link-graph/address-links.js";
import { buildLinkGraph, outgoingAt, type LinkGraph, type OutgoingLink } from "../src/link-graph/link-graph.js";
import { resolveLink } from "../src/link-graph/resolve-link.js";
import { outlineMarkdown } from "../src/vault-scan/markdown-outline.js";
import { parseNote, siteHostsOf, type Note, type ParsedNote } from "../src/vault-scan/note.js";
import { DEFAULT_TEMPLATES_FOLDERS } from "../src/vault-scan/publication.js";
import { toVaultPath } from "../src/vault-scan/paths.js";
import { readVault, type Vault } from "../src/vault-scan/read-vault.js";

/** The site name of _data/site.json (a front-matter `title` equal to it is a placeholder), and the layout's ids. */
export const SITE = { siteName: "MuseumXTD", siteUrl: "https://www.museumxtd.ch", layoutIds: readLayoutIds() } as const;

/** Absolute path of a fixture vault under tests/fixtures/. */
export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function parse(file: string, source: string): ParsedNote {
  return parseNote(toVaultPath(file), source, SITE);
}

export function note(file: string, source = "Texte.\n"): Note {
  return parse(file, source).note;
}

/** A vault built in memory, as readVault would give it; `activeSvgs` are the SVG files found active, with why. */
export function memoryVault(sources: Readonly<Record<string, string>>, assets: readonly string[] = [], activeSvgs: Readonly<Record<string, string>> = {}): Vault {
  const parsed = Object.entries(sources).map(([file, source]) => parse(file, source));
  const files = assets.map(toVaultPath);
  return {
    notes: parsed.map((p) => p.note),
    assets: files,
    assetSources: new Map(files.map((file) => [file, `/memory/${file}`])),
    unread: [],
    activeSvgs: new Map(Object.entries(activeSvgs).map(([file, reason]) => [toVaultPath(file), reason])),
    templatesFolders: DEFAULT_TEMPLATES_FOLDERS,
    problems: parsed.flatMap((p) => p.problems),
  };
}

/** The link graph of a vault as the build reads it, for the tests that look behind the pages a build wrote. */
export async function scanGarden(notesDir: string): Promise<LinkGraph> {
  const vault = await readVault(notesDir, SITE);
  return buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes) });
}

/** Joins lines with "\n" and ends with one. */
export function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

/**
 * The GardenLinks of a built graph, as the Eleventy plugin wires them. A text rendered in place of a note's body has
 * its links in `rendered`: the ones the scan reads in it, resolved from that note as the graph resolves a note's.
 */
function gardenLinks(graph: LinkGraph, rendered: ReadonlyMap<Note, readonly OutgoingLink[]>): GardenLinks {
  const published = new Set(graph.publishedAssets);
  return {
    resolutionAt: (from, line, target) => outgoingAt(rendered.get(from) ?? graph.outgoing.get(from.file) ?? [], line, target)?.resolution,
    imageMissingAt: (from, line, src) => graph.missingImages.get(from.file)?.has(imageKey(line, src)) === true,
    attachmentUrl: (from, written) => publishedAttachmentUrl(graph.index, published, from, written),
  };
}

export interface GardenRenderer {
  readonly graph: LinkGraph;
  readonly md: MarkdownIt;
  /**
   * Renders `markdown` as the body of the vault note `file`, its links as the scan reads and the graph resolves them;
   * for a file that is no note of the vault, as a text the scan never read.
   */
  renderAs(file: string, markdown: string): string;
  /** Renders the note's own body (its text after the front matter), as its page shows it. */
  renderNote(file: string): string;
}

/** Reads a fixture vault and gives the note renderer of the site, wired to that vault's link graph. */
export async function gardenRenderer(fixture: string): Promise<GardenRenderer> {
  return rendererOf(await readVault(fixtureDir(fixture), SITE));
}

/** The note renderer for a vault already read, or built with memoryVault. */
export function rendererOf(vault: Vault): GardenRenderer {
  const graph = buildLinkGraph(vault, { reservedUrls: new Map() });
  const rendered = new Map<Note, readonly OutgoingLink[]>();
  const md = createMarkdownLibrary(gardenLinks(graph, rendered), "www.museumxtd.ch", SITE.layoutIds);
  const renderAs = (file: string, markdown: string): string => {
    const from = graph.index.byFile.get(toVaultPath(file));
    if (!from) return md.render(markdown, bodyEnv(note(file, markdown)));
    const outline = outlineMarkdown(markdown, from.bodyStartLine, SITE.layoutIds, siteHostsOf(SITE.siteUrl));
    const wikilinks = outline.links.map((occurrence) => ({ occurrence, resolution: resolveLink(graph.index, from, occurrence.syntax.target) }));
    rendered.set(from, [...wikilinks, ...addressLinks(graph.index, { ...from, outline }, new Map()).links]);
    try {
      return md.render(markdown, bodyEnv(from));
    } finally {
      rendered.delete(from);
    }
  };
  return {
    graph,
    md,
    renderAs,
    renderNote: (file) => {
      const found = graph.index.byFile.get(toVaultPath(file));
      if (!found) throw new Error(`no note ${file} in the vault`);
      return md.render(found.outline.lines.join("\n"), bodyEnv(found));
    },
  };
}
