import type MarkdownIt from "markdown-it";
import type { StateCore, StateInline, Token } from "markdown-it";
import htmlInline from "markdown-it/lib/rules_inline/html_inline.mjs";
import image from "markdown-it/lib/rules_inline/image.mjs";
import link from "markdown-it/lib/rules_inline/link.mjs";
import { linkKey } from "../vault-scan/attachment-references.js";
import { attachmentAddress } from "./attachment-links.js";
import type { GardenEnv, GardenLinks } from "./garden-env.js";
import { lineAt, MISSING_LINK_CLOSE, MISSING_LINK_OPEN, type TokenSpec } from "./wikilink-rule.js";

/** The file line of each Markdown link and image and each inline HTML piece the inline rules made, by its first token. */
const tokenLines = new WeakMap<Token, number>();

/**
 * Markdown links and images, as the link graph resolved them (src/link-graph/address-links.ts): a link to a note
 * leads to its page, like a wikilink, and a link that leads nowhere shows like a wikilink to a note still to be
 * written, never as a link to a 404. An image that names no file shows its text instead, never as a broken image.
 * The renderer resolves nothing: it asks the graph about the link the scan read on the same line, at the same address.
 */
export function markdownLinksPlugin(md: MarkdownIt, links: GardenLinks): void {
  md.inline.ruler.at("link", withLine(link, "link_open"));
  md.inline.ruler.at("image", withLine(image, "image"));
  md.core.ruler.after("inline", "garden_markdown_links", (state) => {
    const env = state.env as GardenEnv;
    for (const block of state.tokens) {
      const children = block.children;
      if (!children) continue;
      // One pass that builds the new list: a paragraph may hold thousands of links.
      const rewritten: Token[] = [];
      let closesMissing = false;
      for (const token of children) {
        if (closesMissing && token.type === "link_close") {
          rewritten.push(...tokensOf(state, MISSING_LINK_CLOSE));
          closesMissing = false;
          continue;
        }
        const line = tokenLines.get(token);
        if (line === undefined || token.type === "html_inline") {
          rewritten.push(token);
          continue;
        }
        // Once: the tokens of an embedded note come back among its page's.
        tokenLines.delete(token);
        if (token.type === "image") {
          if (links.imageMissingAt(env.gardenNote, line, token.attrGet("src") ?? "")) rewritten.push(...missingImage(state, token));
          else rewritten.push(token);
          continue;
        }
        const resolution = links.resolutionAt(env.gardenNote, line, token.attrGet("href") ?? "");
        if (resolution === undefined || resolution.kind === "note" || resolution.kind === "asset") {
          if (resolution) {
            token.attrSet("href", md.normalizeLink(resolution.href));
            token.attrSet("class", "wikilink");
          }
          rewritten.push(token);
          continue;
        }
        // Links do not nest: the next link_close is this one's.
        rewritten.push(...tokensOf(state, MISSING_LINK_OPEN));
        closesMissing = true;
      }
      block.children = rewritten;
    }
  });
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** The rule, noting the file line of the token it makes. */
function withLine(rule: InlineRule, type: string): InlineRule {
  return (state, silent) => {
    const line = silent ? undefined : lineAt(state);
    const before = state.tokens.length;
    if (!rule(state, silent)) return false;
    if (line === undefined) return true;
    // Text waiting before the link is pushed first.
    for (let i = before; i < state.tokens.length; i++) {
      if (state.tokens[i]!.type !== type) continue;
      tokenLines.set(state.tokens[i]!, line);
      break;
    }
    return true;
  };
}

function tokensOf(state: StateCore, specs: readonly TokenSpec[]): Token[] {
  return specs.map((spec) => {
    const token = new state.Token(spec.type, spec.tag, spec.nesting);
    if (spec.attrs) token.attrs = spec.attrs.map(([name, value]) => [name, value]);
    if (spec.content !== undefined) token.content = spec.content;
    return token;
  });
}

/** An image that names no file: its text, in a span, else its file name. */
function missingImage(state: StateCore, token: Token): Token[] {
  const src = token.attrGet("src") ?? "";
  const alt = state.md.renderer.renderInlineAsText(token.children ?? [], state.md.options, state.env).trim() || linkKey(src.replace(/[?#].*$/s, "").replace(/^.*\//, ""));
  return tokensOf(state, [
    { type: "missing_image_open", tag: "span", nesting: 1, attrs: [["class", "image-manquante"]] },
    { type: "text", tag: "", nesting: 0, content: alt },
    { type: "missing_image_close", tag: "span", nesting: -1 },
  ]);
}

/** In sanitised HTML, whose attributes are all double-quoted and escaped: an `<a>` or `<img>` tag, or `</a>`. */
const LINK_TAG = /<(a|img)(\s[^>]*)?>|<\/a>/g;
/** One attribute of a sanitised tag, read from where the last one ended: a value never holds a `"`. */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/y;

interface Attribute {
  readonly name: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The attributes of a tag, in order, each with its place. Read one after the other from the start, never searched
 * for: `title=" href="` is a title, whatever its value looks like.
 */
function attributesOf(text: string): Attribute[] {
  const found: Attribute[] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match !== null; match = ATTRIBUTE.exec(text)) {
    found.push({ name: match[1]!.toLowerCase(), value: match[2] ?? "", start: match.index, end: ATTRIBUTE.lastIndex });
  }
  return found;
}

/** The inline HTML and HTML blocks already rewritten: an embedded note's come back among its page's. */
const rewritten = new WeakSet<Token>();

/**
 * The `<a href>` and `<img src>` of a note's raw HTML, once sanitised, follow the rules of Markdown links and images:
 * a link the graph resolved leads where it does, or shows like a missing wikilink; an image that names no file shows
 * its `alt` text; a relative address of a published attachment becomes the file's address on the site.
 */
export function htmlLinksPlugin(md: MarkdownIt, links: GardenLinks): void {
  md.inline.ruler.at("html_inline", withLine(htmlInline, "html_inline"));
  md.core.ruler.push("garden_html_links", (state) => {
    const env = state.env as GardenEnv;
    const rewrite = htmlRewriter(state, links, env);
    for (const token of state.tokens) {
      if (token.type === "html_block" && token.map && !rewritten.has(token)) {
        token.content = rewrite(token.content, env.gardenFirstLine + token.map[0]);
        rewritten.add(token);
      }
      for (const child of token.type === "inline" ? (token.children ?? []) : []) {
        const line = child.type === "html_inline" ? tokenLines.get(child) : undefined;
        if (line === undefined || rewritten.has(child)) continue;
        child.content = rewrite(child.content, line);
        rewritten.add(child);
      }
    }
  });
}

/**
 * Rewrites pieces of sanitised HTML in order, each from the file line where it starts. A missing link's `</a>` may
 * come in a later piece: `<a href="x">` and `</a>` around Markdown text are two inline pieces.
 */
function htmlRewriter(state: StateCore, links: GardenLinks, env: GardenEnv): (html: string, line: number) => string {
  const render = (specs: readonly TokenSpec[]) => state.md.renderer.renderInline(tokensOf(state, specs), state.md.options, env);
  let missingOpen = 0;
  return (html, firstLine) => {
    if (!html.includes("<a") && !html.includes("<img") && !(missingOpen > 0 && html.includes("</a>"))) return html;
    let line = firstLine;
    let counted = 0;
    return html.replace(LINK_TAG, (tag: string, name: string | undefined, attributes: string | undefined, offset: number) => {
      for (let i = html.indexOf("\n", counted); i !== -1 && i < offset; i = html.indexOf("\n", i + 1)) line++;
      counted = offset;
      if (name === undefined) {
        if (missingOpen === 0) return tag;
        missingOpen--;
        return render(MISSING_LINK_CLOSE);
      }
      const list = attributesOf(attributes ?? "");
      const address = list.find((attribute) => attribute.name === (name === "a" ? "href" : "src"));
      if (!address) return tag;
      const written = unescapeHtml(address.value);
      const withAddress = (replacement: string) => `<${name}${attributes!.slice(0, address.start)}${replacement}${attributes!.slice(address.end)}>`;
      if (name === "img") {
        if (links.imageMissingAt(env.gardenNote, line, written)) {
          const alt = list.find((attribute) => attribute.name === "alt")?.value || state.md.utils.escapeHtml(linkKey(written.replace(/[?#].*$/s, "").replace(/^.*\//, "")));
          return `<span class="image-manquante">${alt}</span>`;
        }
        const url = attachmentAddress(written, links, env);
        return url === undefined ? tag : withAddress(` src="${state.md.utils.escapeHtml(url)}"`);
      }
      const resolution = links.resolutionAt(env.gardenNote, line, written);
      if (resolution?.kind === "missing" || resolution?.kind === "unpublished") {
        missingOpen++;
        return render(MISSING_LINK_OPEN);
      }
      const url = resolution ? state.md.normalizeLink(resolution.href) : attachmentAddress(written, links, env);
      if (url === undefined) return tag;
      const wikilink = resolution && !list.some((attribute) => attribute.name === "class") ? ' class="wikilink"' : "";
      return withAddress(` href="${state.md.utils.escapeHtml(url)}"${wikilink}`);
    });
  };
}

/** What sanitize-html escapes in an attribute value, read back. */
function unescapeHtml(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|#39);/g, (_, entity: string) => ({ amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'" })[entity]!);
}
