import { createRequire } from "node:module";
import type MarkdownIt from "markdown-it";
import type { Options, PluginSimple, Token } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";

/** A heading as written, its inline Markdown not yet read. */
export interface RawHeading {
  readonly level: number;
  /** Its text as markdown-it gives it to the inline parser: without the "#"s, the "> " or the underline. */
  readonly markdown: string;
  /** Line in the file, 1-based: for a Setext heading, its first line of text. */
  readonly line: number;
  /** In no block quote nor list item: only such a level-1 heading titles the note. */
  readonly topLevel: boolean;
}

const require = createRequire(import.meta.url);

/**
 * A markdown-it that cuts a note into blocks as the site's renderer does: raw HTML on (a line "<div>" starts an
 * HTML block, and a "# Titre" inside it is text), indented code off, as Eleventy turns it off on the library it is
 * given, and footnote definitions ("[^1]: # Titre" holds a heading). The renderer is made by it, and so are the
 * scan's readers of headings and of raw HTML: all cut the same blocks.
 */
export function notesMarkdownIt(options: Options = {}): MarkdownIt {
  const MarkdownItClass = require("markdown-it") as typeof MarkdownIt;
  // Its types are written against an older @types/markdown-it than ours.
  const md = new MarkdownItClass({ ...options, html: true }).disable("code").use(footnotePlugin as unknown as PluginSimple);
  // With `linkify`, only addresses with a scheme become links: "site.name" or "p.ex" in French prose stay text.
  md.linkify.set({ fuzzyLink: false });
  return md;
}

let blockParser: MarkdownIt | undefined;

/**
 * A note body's blocks, with their lines (`map`) and their inline text unread. The parser is made on first use:
 * most notes never need it.
 */
export function parseBlocks(body: string): Token[] {
  if (!blockParser) {
    blockParser = notesMarkdownIt();
    blockParser.core.ruler.enableOnly(["normalize", "block"]);
  }
  return blockParser.parse(body, {});
}

/** The headings of a note body as markdown-it reads them: Setext, in quotes and list items, never in HTML blocks. */
export function blockHeadings(body: string, firstLine: number): RawHeading[] {
  const tokens = parseBlocks(body);
  const headings: RawHeading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    headings.push({ level: Number(token.tag.slice(1)), markdown: tokens[i + 1]!.content, line: firstLine + token.map![0], topLevel: token.level === 0 });
  });
  return headings;
}

/**
 * Lines that may make reading headings line by line differ from markdown-it: a "#" after a quote marker, a list
 * marker or indentation; a "<" at the start, which may open an HTML block; a fence that is indented, or opened by
 * backticks that its info string holds again. A line that starts with "#" is the same ATX heading for both.
 */
const HIDING_LINE = /^(?:[ \t]*<|[ \t]+(?:`{3}|~{3})|`{3,}(?!`)[^`]*`|(?=[ \t>*+\d-])[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t>]*)*#{1,6}(?:[ \t]|$))/;
/** A Setext underline, when the line above holds text. */
const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;
const GREATER_THAN = 0x3e;
const BACKTICK = 0x60;
const OPEN_BRACKET = 0x5b;
const CARET = 0x5e;

/**
 * Whether this line may make the headings read line by line (ATX headings at the margin, outside fences at the
 * margin) differ from markdown-it's, given the line above it; a footnote definition ("[^1]:") may hold a heading. A
 * note with one such line is read by markdown-it.
 */
export function mayHideHeadings(text: string, previous: string | undefined): boolean {
  // Most lines start with a letter: past ">" in ASCII, as every character the patterns start with but "`".
  const first = text.charCodeAt(0);
  if (first === OPEN_BRACKET && text.charCodeAt(1) === CARET) return true;
  if (first > GREATER_THAN && first !== BACKTICK) return false;
  return HIDING_LINE.test(text) || (UNDERLINE.test(text) && previous !== undefined && !BLANK.test(previous));
}
