import { attachmentReferences, mayReferenceAttachment, type AttachmentReference, type BodyLine } from "./attachment-references.js";
import type { Slug } from "./paths.js";
import { blockHeadings, mayHideHeadings, parseBlocks, type RawHeading } from "./markdown-headings.js";
import { codeSpanAt, plainText } from "./plain-text.js";
import { HeadingSlugger, headingSlug } from "./slug.js";
import { parseWikilinkAt, type WikilinkSyntax } from "./wikilink-syntax.js";

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly id: Slug;
  /** Line in the file, 1-based. */
  readonly line: number;
}

export interface LinkOccurrence {
  readonly syntax: WikilinkSyntax;
  readonly line: number;
  readonly column: number;
  /** The sentence around the link, as plain text of at most about 200 characters. */
  readonly context: string;
  /** For a Markdown or HTML link, not a wikilink: its address as written, by which the renderer finds it. */
  readonly href?: string;
}

export interface MarkdownOutline {
  /** Headings in order, with the ids the renderer gives them. */
  readonly headings: readonly Heading[];
  /**
   * The heading with this id, else the first whose text gives this slug when a layout id took it ("Contenu" has the
   * id "contenu-2"): a link to a section finds it without reading every heading of the note.
   */
  headingWithId(id: string): Heading | undefined;
  /**
   * The text of a level-1 heading that is the body's first block, as Obsidian shows a note's title: a level-1 heading
   * further down is a section ("# A retenir"), not the title.
   */
  readonly titleHeading?: string;
  /** The file line of that heading. */
  readonly titleLine?: number;
  readonly blockIds: ReadonlySet<string>;
  /**
   * The block that the id ends, as markdown-it cuts it and the renderer gives it the id: a paragraph, or the whole
   * list item it opens. For embeds of a block; undefined when no block ends with the id.
   */
  blockWithId(id: string): BlockLines | undefined;
  readonly links: readonly LinkOccurrence[];
  /**
   * Addresses within the vault or the site named by Markdown links and images or HTML attributes: attachments, or
   * notes.
   */
  readonly attachmentReferences: readonly AttachmentReference[];
  /** Body lines, for section embeds: index 0 is the file line `firstLine`. */
  readonly lines: readonly string[];
  /** The first paragraph as plain text (else the first list item), for descriptions and link previews. */
  readonly summary: string;
}

/** Some lines of a note's body: `lines[0]` is the file line `line`. */
export interface BlockLines {
  readonly line: number;
  readonly lines: readonly string[];
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
// "s": a U+2028 in a heading is text for markdown-it, not the end of the line.
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/s;
const SPACES_ONLY = /^[ \t]*$/;
export const BLOCK_ID = /[ \t]\^([A-Za-z0-9-]+)[ \t]*$/;
const LINE_BREAK = /\r\n|\r|\n/;
const CONTEXT_MAX = 200;

/**
 * One pass over a note body: headings (with the ids the renderer gives them, none of `layoutIds`), block ids, and
 * wikilinks with their line, column and context, and the addresses of Markdown and HTML links (`siteHosts`: the
 * host names of the site's own address). Code blocks and code spans are skipped, as markdown-it skips them.
 * Headings are read line by line, unless a line may make that reading differ from markdown-it's (a Setext heading,
 * a heading in a quote, an HTML block): markdown-it's block parser then reads the note's headings.
 */
export function outlineMarkdown(body: string, firstLine: number, layoutIds: readonly string[], siteHosts: ReadonlySet<string> = new Set()): MarkdownOutline {
  const lines = body.split(LINE_BREAK);
  const headings: RawHeading[] = [];
  const blockIds = new Set<string>();
  const links: LinkOccurrence[] = [];
  const mayReference: BodyLine[] = [];
  let fence: string | null = null;
  // markdown-it reads a NUL as U+FFFD.
  let readByMarkdownIt = body.includes("\0");

  lines.forEach((text, index) => {
    const line = firstLine + index;
    const fenceMatch = FENCE.exec(text);
    // In a fence, only another fence line can make the two readings part.
    if (!readByMarkdownIt && (fence === null || fenceMatch) && mayHideHeadings(text, lines[index - 1])) readByMarkdownIt = true;
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && SPACES_ONLY.test(text.slice(fenceMatch[0].length))) {
        fence = null;
      }
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      return;
    }
    const heading = readByMarkdownIt ? null : ATX_HEADING.exec(text);
    if (heading) headings.push({ level: heading[1]!.length, markdown: heading[2]!.replace(/[ \t]+#+[ \t]*$|^#+[ \t]*$/, ""), line, topLevel: true });
    // Unanchored at its start, the pattern would be tried at every position of every line.
    const block = text.includes("^") ? BLOCK_ID.exec(text) : null;
    if (block) blockIds.add(block[1]!);
    if (text.includes("[[")) addWikilinks(links, text, line, lines[index + 1]);
    if (mayReferenceAttachment(text)) mayReference.push({ text, line });
  });
  const firstBlock = lines.findIndex((text) => !SPACES_ONLY.test(text));
  const raw = readByMarkdownIt ? blockHeadings(body, firstLine) : headings;
  return new Outline(raw, layoutIds, blockIds, links, attachmentReferences(mayReference, siteHosts), lines, firstLine, firstLine + firstBlock);
}

/**
 * Heading texts and ids and the summary are worked out on first use: the check reads only the title, and the ids
 * of the notes that links name a section of, and it shows no summary.
 */
class Outline implements MarkdownOutline {
  private named: readonly Heading[] | undefined;
  private byId: ReadonlyMap<string, Heading> | undefined;
  private bySlug: ReadonlyMap<string, Heading> | undefined;
  private cachedSummary: string | undefined;
  private blocks: ReadonlyMap<string, BlockLines> | undefined;
  readonly titleHeading?: string;
  readonly titleLine?: number;

  constructor(
    private readonly raw: readonly RawHeading[],
    private readonly layoutIds: readonly string[],
    readonly blockIds: ReadonlySet<string>,
    readonly links: readonly LinkOccurrence[],
    readonly attachmentReferences: readonly AttachmentReference[],
    readonly lines: readonly string[],
    private readonly firstLine: number,
    firstBlockLine: number,
  ) {
    const first = raw[0];
    const text = first && first.line === firstBlockLine && first.level === 1 && first.topLevel ? plainText(first.markdown) : "";
    if (text !== "") {
      this.titleHeading = text;
      this.titleLine = first!.line;
    }
  }

  get headings(): readonly Heading[] {
    if (!this.named) {
      const slugger = new HeadingSlugger(this.layoutIds);
      this.named = this.raw.map(({ level, markdown, line }) => {
        const text = plainText(markdown);
        return { level, text, id: slugger.next(text), line };
      });
    }
    return this.named;
  }

  headingWithId(id: string): Heading | undefined {
    this.byId ??= new Map(this.headings.map((h) => [h.id, h]));
    const heading = this.byId.get(id);
    if (heading || !this.layoutIds.includes(id)) return heading;
    this.bySlug ??= firstOfEachSlug(this.headings);
    return this.bySlug.get(id);
  }

  blockWithId(id: string): BlockLines | undefined {
    if (!this.blockIds.has(id)) return undefined;
    this.blocks ??= blocksOf(this.lines, this.firstLine);
    return this.blocks.get(id);
  }

  get summary(): string {
    this.cachedSummary ??= summaryOf(this.lines);
    return this.cachedSummary;
  }
}

/** The blocks that end with a block id, by id, the first of each: parsed only for a note whose block is embedded. */
function blocksOf(lines: readonly string[], firstLine: number): ReadonlyMap<string, BlockLines> {
  const tokens = parseBlocks(lines.join("\n"));
  const blocks = new Map<string, BlockLines>();
  tokens.forEach((token, i) => {
    if (token.type !== "inline" || !token.content.includes("^")) return;
    const id = BLOCK_ID.exec(token.content)?.[1];
    const opener = tokens[i - 1];
    // As the renderer's block anchors: a list item's first paragraph names the whole item.
    const owner = opener?.type === "paragraph_open" && tokens[i - 2]?.type === "list_item_open" ? tokens[i - 2] : opener;
    if (id === undefined || !owner?.map || blocks.has(id)) return;
    const [start, end] = owner.map;
    // A nested list item, once out of its list, must not read as indented text.
    const indent = /^[ \t]*/.exec(lines[start]!)![0].length;
    blocks.set(id, { line: firstLine + start, lines: lines.slice(start, end).map((text) => text.slice(Math.min(indent, /^[ \t]*/.exec(text)![0].length))) });
  });
  return blocks;
}

function firstOfEachSlug(headings: readonly Heading[]): ReadonlyMap<string, Heading> {
  const bySlug = new Map<string, Heading>();
  for (const heading of headings) {
    const slug = headingSlug(heading.text);
    if (!bySlug.has(slug)) bySlug.set(slug, heading);
  }
  return bySlug;
}

const LINK_OR_ESCAPE = /[\\`[!]/g;

/** Adds the wikilinks of one line, skipping escaped brackets and code spans. */
function addWikilinks(links: LinkOccurrence[], text: string, line: number, next: string | undefined): void {
  LINK_OR_ESCAPE.lastIndex = 0;
  for (let found = LINK_OR_ESCAPE.exec(text); found; found = LINK_OR_ESCAPE.exec(text)) {
    const i = found.index;
    const ch = found[0];
    if (ch === "\\") {
      LINK_OR_ESCAPE.lastIndex = i + 2;
    } else if (ch === "`") {
      const { run, end } = codeSpanAt(text, i);
      LINK_OR_ESCAPE.lastIndex = end === -1 ? i + run.length : end + run.length;
    } else {
      const syntax = parseWikilinkAt(text, i);
      if (syntax) {
        links.push(new Occurrence(syntax, line, i, text, next));
        LINK_OR_ESCAPE.lastIndex = i + syntax.length;
      }
    }
  }
}

const SUMMARY_MAX = 300;
const NOT_PROSE = /^\s*(?:#|>|<|\||!\[|```|~~~|-{3,}\s*$|\*{3,}\s*$|\[\^[^\]\s[]+\]:)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;

function summaryOf(lines: readonly string[]): string {
  let paragraph: string[] = [];
  let firstItem = "";
  for (const line of lines) {
    const prose = line.trim() !== "" && !NOT_PROSE.test(line);
    if (prose && LIST_ITEM.test(line)) {
      if (paragraph.length > 0) break;
      firstItem ||= line.replace(LIST_ITEM, "");
      continue;
    }
    if (prose) paragraph.push(line);
    else if (paragraph.length > 0) break;
  }
  const text = plainText(paragraph.length > 0 ? paragraph.join(" ") : firstItem);
  if (text.length <= SUMMARY_MAX) return text;
  const cut = text.lastIndexOf(" ", SUMMARY_MAX - 1);
  return `${text.slice(0, cut > 0 ? cut : SUMMARY_MAX - 1)}…`;
}

/** Contexts are only read for backlinks, a fraction of all links: each is worked out on first use. */
class Occurrence implements LinkOccurrence {
  private cachedContext: string | undefined;

  constructor(
    readonly syntax: WikilinkSyntax,
    readonly line: number,
    private readonly start: number,
    private readonly text: string,
    private readonly next: string | undefined,
  ) {}

  get column(): number {
    return this.start + 1;
  }

  get context(): string {
    this.cachedContext ??= withListDescription(contextAround(this.text, this.start, this.syntax.length), this.text, this.next);
    return this.cachedContext;
  }
}

/**
 * A list item that is only a link ("1. [[Note]]") is usually described on its next, indented line, as in the
 * seed notes: that description is the useful context.
 */
function withListDescription(context: string, text: string, next: string | undefined): string {
  if (next === undefined || !/^[ \t]+\S/.test(next)) return context;
  const itemText = plainText(text.replace(LINE_MARKER, ""));
  if (context !== itemText) return context;
  const description = plainText(next.replace(LINE_MARKER, ""));
  return description === "" ? context : truncate(`${context} — ${description}`);
}

function truncate(text: string): string {
  return text.length <= CONTEXT_MAX ? text : `${text.slice(0, CONTEXT_MAX - 1).trimEnd()}…`;
}

/**
 * What opens a line before its text: quote markers, then a callout's "[!type]", a heading's "#"s, a list item's
 * marker and task box, or a footnote's "[^1]:".
 */
const LINE_MARKER = /^[ \t]*(?:(?:>[ \t]*)+\[![^\]\s]+\][-+]?(?:[ \t]+|$)|(?:>[ \t]*)*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|\[\^[^\]\s[]+\]:[ \t]*)?)/;
const SENTENCE_END = /[.!?…][)»"”]*\s/g;

/** The sentence of `line` that holds the link at `start`, in plain text, cut to about 200 characters. */
export function contextAround(line: string, start: number, length: number): string {
  const marker = LINE_MARKER.exec(line)![0].length;
  const from = Math.min(marker, start);
  const before = plainText(line.slice(from, start));
  const link = plainText(line.slice(start, start + length));
  const after = plainText(line.slice(start + length));
  const joinBefore = before && /\s$/.test(line.slice(from, start)) ? `${before} ` : before;
  const joinAfter = after && /^\s/.test(line.slice(start + length)) ? ` ${after}` : after;
  const text = joinBefore + link + joinAfter;
  const linkStart = joinBefore.length;
  const linkEnd = linkStart + link.length;

  let sentenceStart = 0;
  let sentenceEnd = text.length;
  for (const end of text.matchAll(SENTENCE_END)) {
    const boundary = end.index + end[0].length;
    if (boundary <= linkStart) sentenceStart = boundary;
    else if (end.index >= linkEnd) {
      sentenceEnd = end.index + end[0].trimEnd().length;
      break;
    }
  }
  const sentence = text.slice(sentenceStart, sentenceEnd).trim();
  if (sentence.length <= CONTEXT_MAX) return sentence;
  const centre = linkStart - sentenceStart + link.length / 2;
  const windowStart = Math.max(0, Math.min(sentence.length - CONTEXT_MAX, Math.round(centre - CONTEXT_MAX / 2)));
  const windowEnd = windowStart + CONTEXT_MAX;
  // Cut at spaces, so that the context never starts or ends mid-word.
  const cutStart = windowStart === 0 ? 0 : sentence.indexOf(" ", windowStart) + 1 || windowStart;
  const lastSpace = sentence.lastIndexOf(" ", windowEnd);
  const cutEnd = windowEnd >= sentence.length ? sentence.length : lastSpace > cutStart ? lastSpace : windowEnd;
  return `${cutStart > 0 ? "…" : ""}${sentence.slice(cutStart, cutEnd).trim()}${cutEnd < sentence.length ? "…" : ""}`;
}
