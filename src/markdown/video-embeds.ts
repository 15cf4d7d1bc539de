import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { plainText } from "../vault-scan/plain-text.js";
import { youTubeVideo, type YouTubeVideo } from "../vault-scan/html/youtube-video.js";
import { blockToken, inlineToken, text, token } from "./tokens.js";

/** An iframe start tag; quoted attribute values may hold ">". */
const START_TAG = String.raw`<iframe\b(?:[^>"']|"[^"]*"|'[^']*')*>`;
const TAG_NAME = /<iframe\b/gi;
const CLOSING_TAG = /<\/iframe\s*>/gi;
const OPEN_TAG = new RegExp(`^${START_TAG}`, "i");
const IFRAME_OPEN = new RegExp(`^${START_TAG}$`, "i");
const IFRAME_CLOSE = /^<\/iframe\s*>$/i;
const ATTRIBUTE = /\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// The titles YouTube's "Share > Embed" code gives every video, in English and French: they say nothing about it.
const GENERIC_TITLES = new Set(["youtube video player", "youtube", "lecteur vidéo youtube", "video", "vidéo", "embedded video"]);
/** A caption taken from the text above a video is cut to about this many characters. */
const CAPTION_LENGTH = 80;

/**
 * Raw-HTML YouTube iframes in notes load the player, and its trackers, with the page. This core rule replaces each
 * one with a click-to-load placeholder: the video's title, a button that loads the nocookie player, and a plain link
 * to YouTube. Only tokens are pushed, so the title is escaped like any text. Other iframes are left to the raw-HTML
 * rule (src/markdown/raw-html-rule.ts), which runs next and removes them.
 *
 * The placeholder is captioned by the iframe's title, unless it is a generic one; else by the text of the closest
 * heading or paragraph above, shortened; else « Vidéo ».
 */
export function videoEmbedsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("garden_video_embeds", (state) => {
    const tokens: Token[] = [];
    // The last heading or paragraph passed, read as plain text only when a video needs it.
    let above: Token | undefined;
    const textAbove = () => (above ? captionOf(plainText(above.content)) : "");
    for (const token of state.tokens) {
      if (token.type === "html_block") tokens.push(...replaceInBlock(state, md, token, textAbove));
      else {
        if (token.type === "inline" && token.children) {
          token.children = replaceInline(state, md, token.children, textAbove);
          above = token;
        }
        tokens.push(token);
      }
    }
    state.tokens = tokens;
  });
}

/** `text` as a caption: at most about CAPTION_LENGTH characters, cut between words, without a trailing colon. */
function captionOf(text: string): string {
  const trimmed = (cut: string) => cut.replace(/[\s:;,.–—-]+$/u, "");
  if (text.length <= CAPTION_LENGTH) return trimmed(text);
  const cut = text.slice(0, CAPTION_LENGTH + 1);
  const space = cut.lastIndexOf(" ");
  return `${trimmed(space > 0 ? cut.slice(0, space) : cut.slice(0, CAPTION_LENGTH))} …`;
}

function replaceInBlock(state: StateCore, md: MarkdownIt, token: Token, textAbove: () => string): Token[] {
  const out: Token[] = [];
  let last = 0;
  let replaced = false;
  const keep = (html: string) => {
    if (html.trim() === "") return;
    const rest = new state.Token("html_block", "", 0);
    rest.content = html;
    rest.block = true;
    rest.map = token.map;
    out.push(rest);
  };
  for (const match of iframesIn(token.content)) {
    const video = parseIframe(md, match.html);
    if (!video) continue;
    keep(token.content.slice(last, match.index));
    out.push(...figureTokens(state, { video: video.video, title: video.title || textAbove() || "Vidéo" }));
    last = match.index + match.html.length;
    replaced = true;
  }
  if (!replaced) return [token];
  keep(token.content.slice(last));
  return out;
}

export interface IframeMatch {
  readonly index: number;
  readonly html: string;
}

/**
 * What `html.matchAll(/${START_TAG}(?:[\s\S]*?<\/iframe\s*>)?/gi)` finds: each iframe with its content and closing
 * tag, or its start tag alone when it is never closed. That expression takes quadratic time on HTML with many
 * iframes that are never closed, or never end their start tag ("<iframe <iframe <iframe …"): it reads the rest of
 * the HTML again from each one. Here each character is read a bounded number of times.
 */
export function* iframesIn(html: string): Generator<IframeMatch> {
  let tagEnds: Int32Array | undefined;
  let close: { index: number; end: number } | undefined | null;
  const name = new RegExp(TAG_NAME);
  for (let found = name.exec(html); found !== null; found = name.exec(html)) {
    tagEnds ??= startTagEnds(html);
    const tagEnd = tagEnds[found.index + found[0].length]!;
    if (tagEnd === -1) continue;
    let end = tagEnd + 1;
    if (close !== null && (close === undefined || close.index < end)) close = closingTagFrom(html, end);
    if (close) end = close.end;
    yield { index: found.index, html: html.slice(found.index, end) };
    name.lastIndex = end;
  }
}

/** The first closing tag at or after `from`, or null when there is none (hence none further either). */
function closingTagFrom(html: string, from: number): { index: number; end: number } | null {
  const closing = new RegExp(CLOSING_TAG);
  closing.lastIndex = from;
  const found = closing.exec(html);
  return found ? { index: found.index, end: found.index + found[0].length } : null;
}

/**
 * For each position of `html`, where a start tag read from there ends: the position of its ">", outside quoted
 * values, or -1 when a quote is never closed or no ">" comes. Filled from the end, each from a later one.
 */
function startTagEnds(html: string): Int32Array {
  const ends = new Int32Array(html.length + 1).fill(-1);
  const nextQuote = { '"': -1, "'": -1 };
  for (let i = html.length - 1; i >= 0; i--) {
    const ch = html[i]!;
    if (ch === ">") ends[i] = i;
    else if (ch === '"' || ch === "'") {
      const closing = nextQuote[ch];
      ends[i] = closing === -1 ? -1 : ends[closing + 1]!;
      nextQuote[ch] = i;
    } else ends[i] = ends[i + 1]!;
  }
  return ends;
}

/** An iframe inside a paragraph arrives as an opening and a closing html_inline token: both go. */
function replaceInline(state: StateCore, md: MarkdownIt, children: Token[], textAbove: () => string): Token[] {
  const out: Token[] = [];
  // The next closing tag, looked for only past the last one found: -1 once there is none left.
  let close = 0;
  // The paragraph's own text before the video ("La conférence : <iframe …>"), which says best what it is.
  let before = "";
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const video = child.type === "html_inline" && IFRAME_OPEN.test(child.content) ? parseIframe(md, child.content) : undefined;
    if (!video) {
      if (child.type === "text" || child.type === "code_inline") before += child.content;
      else if (child.type === "softbreak" || child.type === "hardbreak") before += " ";
      out.push(child);
      continue;
    }
    if (close !== -1 && close <= i) close = nextClosingTag(children, i + 1);
    if (close !== -1) i = close;
    out.push(...inlineTokens(state, { video: video.video, title: video.title || captionOf(before.replace(/\s+/g, " ").trim()) || textAbove() || "Vidéo" }));
    before = "";
  }
  return out;
}

function nextClosingTag(children: readonly Token[], from: number): number {
  for (let j = from; j < children.length; j++) if (children[j]!.type === "html_inline" && IFRAME_CLOSE.test(children[j]!.content)) return j;
  return -1;
}

interface Iframe {
  readonly video: YouTubeVideo;
  readonly title: string;
}

/** The video an iframe plays, and its own title: "" when it has none, or a generic one. */
function parseIframe(md: MarkdownIt, html: string): Iframe | undefined {
  const attributes = new Map<string, string>();
  const openTag = OPEN_TAG.exec(html)?.[0] ?? "";
  for (const [, name, double, single, bare] of openTag.slice("<iframe".length, -1).matchAll(ATTRIBUTE)) {
    attributes.set(name!.toLowerCase(), md.utils.unescapeAll(double ?? single ?? bare ?? ""));
  }
  const video = youTubeVideo(attributes.get("src") ?? "");
  if (!video) return undefined;
  const title = (attributes.get("title") ?? "").replace(/\s+/g, " ").trim();
  return { video, title: GENERIC_TITLES.has(title.toLowerCase()) ? "" : title };
}

/** Button and link, in the order both placeholders show them; search results should not quote them. */
function actionTokens(state: StateCore, iframe: Iframe): Token[] {
  return [
    token(state, "video_embed_button_open", "button", 1, [
      ["type", "button"],
      ["class", "video-embed-load"],
      ["data-pagefind-ignore", ""],
    ]),
    text(state, "Charger la vidéo (YouTube)"),
    token(state, "video_embed_button_close", "button", -1),
    text(state, " "),
    token(state, "link_open", "a", 1, [
      ["href", iframe.video.watchUrl],
      ["class", "video-embed-link"],
      ["data-pagefind-ignore", ""],
    ]),
    text(state, "Regarder sur YouTube"),
    token(state, "link_close", "a", -1),
  ];
}

function figureTokens(state: StateCore, iframe: Iframe): Token[] {
  return [
    blockToken(state, "video_embed_open", "figure", 1, [
      ["class", "video-embed"],
      ["data-video-src", iframe.video.embedUrl],
    ]),
    blockToken(state, "video_embed_title_open", "figcaption", 1, [["class", "video-embed-title"]]),
    inlineToken(state, [text(state, iframe.title)]),
    blockToken(state, "video_embed_title_close", "figcaption", -1),
    blockToken(state, "paragraph_open", "p", 1, [["class", "video-embed-actions"]]),
    inlineToken(state, actionTokens(state, iframe)),
    blockToken(state, "paragraph_close", "p", -1),
    blockToken(state, "video_embed_close", "figure", -1),
  ];
}

/** Inside a paragraph only phrasing content is allowed: the same placeholder, made of spans. */
function inlineTokens(state: StateCore, iframe: Iframe): Token[] {
  return [
    token(state, "video_embed_open", "span", 1, [
      ["class", "video-embed video-embed-inline"],
      ["data-video-src", iframe.video.embedUrl],
    ]),
    token(state, "video_embed_title_open", "span", 1, [["class", "video-embed-title"]]),
    text(state, iframe.title),
    token(state, "video_embed_title_close", "span", -1),
    text(state, " "),
    ...actionTokens(state, iframe),
    token(state, "video_embed_close", "span", -1),
  ];
}
