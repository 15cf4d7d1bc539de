import type MarkdownIt from "markdown-it";
import type { StateInline, Token } from "markdown-it";
import { notesMarkdownIt } from "./markdown-headings.js";
import { normaliseTag } from "./tags.js";
import { parseWikilinkAt } from "./wikilink-syntax.js";

/** A "#tag" of a note's text. */
export interface InlineTag {
  /** Characters from the "#" to the tag's last character. */
  readonly length: number;
  /** The tag as the garden keeps it (normaliseTag). */
  readonly tag: string;
}

const HASH = 0x23;
const SLASH = 0x2f;
// Obsidian's tag characters: letters (accents included, also as combining marks), digits, "_", "-" and "/".
const TAG_RUN = /[\p{L}\p{M}\p{N}_/-]+/uy;
// A tag needs one character that is not a digit: "#2024" is no tag, "#y2024" is.
const NOT_A_NUMBER = /[^\p{N}/]/u;
const SPACE = /\s/;
/**
 * Every text that holds a tag holds this, and most notes do not: only those are parsed for tags. A tag's "#" starts
 * its line's text, follows a space, or follows the ">" of a quote or the "|" of a table cell written without one; a
 * link to a section, "[[Note#Titre]]", and a heading's "## " hold none.
 */
const MAY_HOLD_A_TAG = /(?:^|[\s>|])#[\p{N}/]*[\p{L}\p{M}_-]/mu;

/**
 * The tag whose "#" is at `pos` of an inline text, if any. The "#" starts the text or follows a space, so that
 * "C#", "a#b", "https://x.y/#frag" and "&#38;" hold none; the tag ends at the first character tags cannot hold,
 * and trailing "/" are not part of it.
 */
export function inlineTagAt(src: string, pos: number): InlineTag | undefined {
  if (src.charCodeAt(pos) !== HASH) return undefined;
  if (pos > 0 && !SPACE.test(src[pos - 1]!)) return undefined;
  TAG_RUN.lastIndex = pos + 1;
  const run = TAG_RUN.exec(src)?.[0];
  if (run === undefined) return undefined;
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === SLASH) end--;
  const written = run.slice(0, end);
  if (!NOT_A_NUMBER.test(written)) return undefined;
  return { length: 1 + written.length, tag: normaliseTag(written) };
}

/**
 * Registers the inline rule that reads "#tag": the scan's reader of tags and the renderer both use it, so they
 * read the same tags where markdown-it's own rules leave the "#" to it (not in code, link destinations, autolinks,
 * raw HTML or entities). `push` adds the tag's tokens. The text of a link holds no tag: a link cannot hold another.
 */
export function inlineTagSyntax(md: MarkdownIt, push: (state: StateInline, found: InlineTag) => void): void {
  md.inline.ruler.after("entity", "garden_inline_tag", (state, silent) => {
    // markdown-it counts the links open, its own and raw HTML "<a>"s; its types do not say so.
    if ((state as StateInline & { linkLevel: number }).linkLevel > 0) return false;
    const found = inlineTagAt(state.src, state.pos);
    if (!found) return false;
    if (!silent) push(state, found);
    state.pos += found.length;
    return true;
  });
}

let tagReader: MarkdownIt | undefined;

/**
 * The notes' markdown-it as the renderer has it, addresses made links included ("https://x.y/#a[b](c "#d")" is one
 * address), with the tag rule, and a rule that passes over wikilinks as the renderer's turns them into links:
 * "[[Note#Titre]]" or "[[Note|voir #plus]]" hold no tag. The renderer's other rules start at no "#" and take no
 * text that holds one, so they cannot change what is a tag. But for one: the renderer reads a callout's first line
 * ("> [!note] Titre") apart from the lines after it, so a code span or a link's text opened on that line and closed
 * on the next is read differently there.
 */
function tagMarkdownIt(): MarkdownIt {
  if (tagReader) return tagReader;
  tagReader = notesMarkdownIt({ linkify: true });
  tagReader.inline.ruler.before("link", "wikilink", (state) => {
    const syntax = parseWikilinkAt(state.src, state.pos);
    if (!syntax) return false;
    state.pos += syntax.length;
    return true;
  });
  inlineTagSyntax(tagReader, (state, { tag }) => {
    state.push("garden_tag", "", 0).meta = tag;
  });
  return tagReader;
}

/**
 * The tags written in a note's body ("#mot", "#mot/sous-mot"), in order, each once. As on the page, a heading holds
 * none, nor does an image's description.
 */
export function inlineTagsOf(body: string): string[] {
  if (!MAY_HOLD_A_TAG.test(body)) return [];
  const tags = new Set<string>();
  const tokens = tagMarkdownIt().parse(body, {});
  tokens.forEach((token, i) => {
    if (token.type !== "inline" || tokens[i - 1]?.type === "heading_open") return;
    for (const child of token.children as Token[]) if (child.type === "garden_tag") tags.add(child.meta as string);
  });
  return [...tags];
}
