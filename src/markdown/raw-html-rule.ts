import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { sanitizeNoteHtml } from "../vault-scan/html/html-policy.js";

/**
 * The raw HTML tokens already sanitised: an embedded note's, parsed on their own, come back among the tokens of the
 * page that embeds them.
 */
const sanitized = new WeakSet<Token>();

/**
 * Runs the raw HTML of each note through the policy of src/vault-scan/html/html-policy.ts. The html_block tokens of a note are
 * sanitised together, so a <details> opened before some Markdown and closed after it stays whole, and what the note
 * leaves open is closed at its end; the html_inline tokens of each paragraph (or heading, or table cell) together,
 * closed at its end. A YouTube iframe must be a placeholder before this rule runs, as every iframe left is removed.
 */
export function rawHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.push("garden_raw_html", (state) => {
    const blocks: Token[] = [];
    for (const token of state.tokens) {
      if (token.type === "html_block" && !sanitized.has(token)) blocks.push(token);
      else if (token.type === "inline" && token.children) sanitizeInline(state, token.children);
    }
    if (blocks.length === 0) return;
    const closing = sanitizeTokens(blocks);
    if (closing === "") return;
    const close = new state.Token("html_block", "", 0);
    close.content = closing;
    close.block = true;
    sanitized.add(close);
    state.tokens.push(close);
  });
}

function sanitizeInline(state: StateCore, children: Token[]): void {
  const pieces = children.filter((t) => t.type === "html_inline" && !sanitized.has(t));
  if (pieces.length === 0) return;
  const closing = sanitizeTokens(pieces);
  if (closing === "") return;
  const close = new state.Token("html_inline", "", 0);
  close.content = closing;
  sanitized.add(close);
  children.push(close);
}

/** Sanitises the tokens' contents in place, and returns the closing tags of what they leave open. */
function sanitizeTokens(tokens: readonly Token[]): string {
  const { pieces, closing } = sanitizeNoteHtml(tokens.map((t) => t.content));
  tokens.forEach((token, i) => {
    token.content = pieces[i]!;
    sanitized.add(token);
  });
  return closing;
}
