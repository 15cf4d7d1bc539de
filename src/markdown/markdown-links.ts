import type MarkdownIt from "markdown-it";
import type { StateCore, StateInline, Token } from "markdown-it";
import image from "markdown-it/lib/rules_inline/image.mjs";
import link from "markdown-it/lib/rules_inline/link.mjs";
import { linkKey } from "../vault-scan/attachment-references.js";
import type { GardenEnv, GardenLinks } from "./garden-env.js";
import { lineAt, MISSING_LINK_CLOSE, MISSING_LINK_OPEN, type TokenSpec } from "./wikilink-rule.js";

/** The file line of each Markdown link and image the inline rules made, by its first token. */
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
      for (let i = children.length - 1; i >= 0; i--) {
        const token = children[i]!;
        const line = tokenLines.get(token);
        if (line === undefined) continue;
        if (token.type === "image") {
          if (links.imageMissingAt(env.gardenNote, line, token.attrGet("src") ?? "")) children.splice(i, 1, ...missingImage(state, token));
          continue;
        }
        const resolution = links.resolutionAt(env.gardenNote, line, token.attrGet("href") ?? "");
        if (resolution === undefined) continue;
        if (resolution.kind === "note" || resolution.kind === "asset") {
          token.attrSet("href", md.normalizeLink(resolution.href));
          token.attrSet("class", "wikilink");
          continue;
        }
        let close = i + 1;
        while (close < children.length && children[close]!.type !== "link_close") close++;
        children.splice(close, 1, ...tokensOf(state, MISSING_LINK_CLOSE));
        children.splice(i, 1, ...tokensOf(state, MISSING_LINK_OPEN));
      }
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
