import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { calloutType } from "./callout-types.js";
import { blockToken } from "./tokens.js";

/** "[!type]", then "-" (folded) or "+" (unfolded), then the title: the first line of an Obsidian callout. */
const CALLOUT_LINE = /^\[!([^\]\s]+)\]([-+]?)(?:[ \t]+([^\n]*))?$/;

interface Frame {
  readonly foldable: boolean;
  /** Whether the callout's content wrapper is open: only once something follows the title. */
  contentOpen: boolean;
}

/**
 * Obsidian's callouts: a block quote whose first line is "[!type] Titre facultatif" becomes a box with an icon and
 * a title, its type's French label when the quote gives none; "-" or "+" after the type make it foldable, closed
 * or open, with <details> and no script. Runs on the block tokens, before the inline rules, so the title is inline
 * Markdown like any other, its wikilinks read on the title's line as the scan reads them.
 */
export function calloutsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "garden_callouts", (state) => {
    if (!state.tokens.some((t) => t.type === "blockquote_open")) return;
    const out: Token[] = [];
    const frames: (Frame | null)[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "blockquote_close") {
        const frame = frames.pop();
        if (frame) out.push(...closing(state, frame));
        else out.push(token);
        continue;
      }
      openContent(state, frames, out);
      if (token.type !== "blockquote_open") {
        out.push(token);
        continue;
      }
      const title = calloutTitle(tokens, i);
      if (!title) {
        frames.push(null);
        out.push(token);
        continue;
      }
      const frame: Frame = { foldable: title.fold !== "", contentOpen: false };
      frames.push(frame);
      out.push(...opening(state, token, title));
      i += 3;
      if (title.rest !== undefined) {
        openContent(state, frames, out);
        out.push(...title.rest);
      }
    }
    state.tokens = out;
  });
  md.renderer.rules.callout_title_open = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options) + (tokens[idx]!.meta as string);
}

interface CalloutTitle {
  readonly type: string;
  readonly fold: string;
  readonly title: string | undefined;
  /** The first paragraph's text after the callout's line, if any: [paragraph_open, inline, paragraph_close]. */
  readonly rest: Token[] | undefined;
  readonly line: number;
}

/** The callout's first line, when the quote opening at `i` starts with one. */
function calloutTitle(tokens: readonly Token[], i: number): CalloutTitle | undefined {
  const paragraph = tokens[i + 1];
  const inline = tokens[i + 2];
  if (paragraph?.type !== "paragraph_open" || inline?.type !== "inline" || !paragraph.map) return undefined;
  const lineEnd = inline.content.indexOf("\n");
  const first = lineEnd === -1 ? inline.content : inline.content.slice(0, lineEnd);
  const match = CALLOUT_LINE.exec(first.trimEnd());
  if (!match) return undefined;
  const line = paragraph.map[0];
  let rest: Token[] | undefined;
  if (lineEnd !== -1) {
    const restMap: [number, number] = [line + 1, paragraph.map[1]];
    paragraph.map = restMap;
    inline.map = restMap;
    inline.content = inline.content.slice(lineEnd + 1);
    rest = [paragraph, inline, tokens[i + 3]!];
  }
  const title = match[3]?.trim();
  return { type: match[1]!, fold: match[2]!, title: title === "" ? undefined : title, rest, line };
}

function opening(state: StateCore, quote: Token, { type, fold, title, line }: CalloutTitle): Token[] {
  const { family, label, icon } = calloutType(type);
  const box = blockToken(state, "callout_open", "div", 1, [
    ["class", `callout callout-${family}`],
    ["role", "note"],
    ["aria-label", label],
  ]);
  box.map = quote.map;
  const titleOpen = blockToken(state, "callout_title_open", fold === "" ? "p" : "summary", 1, [["class", "callout-title"]]);
  titleOpen.meta = icon;
  const text = new state.Token("inline", "", 0);
  text.content = title ?? label;
  text.map = [line, line + 1];
  text.children = [];
  const tokens = [box, titleOpen, text, blockToken(state, "callout_title_close", titleOpen.tag, -1)];
  if (fold !== "") tokens.splice(1, 0, blockToken(state, "callout_fold_open", "details", 1, fold === "+" ? [["open", ""]] : []));
  return tokens;
}

/** Opens the content of the innermost callout, if it is one and its content is not open yet. */
function openContent(state: StateCore, frames: readonly (Frame | null)[], out: Token[]): void {
  const frame = frames.at(-1);
  if (!frame || frame.contentOpen) return;
  frame.contentOpen = true;
  out.push(blockToken(state, "callout_content_open", "div", 1, [["class", "callout-content"]]));
}

function closing(state: StateCore, frame: Frame): Token[] {
  return [
    ...(frame.contentOpen ? [blockToken(state, "callout_content_close", "div", -1)] : []),
    ...(frame.foldable ? [blockToken(state, "callout_fold_close", "details", -1)] : []),
    blockToken(state, "callout_close", "div", -1),
  ];
}
