import type MarkdownIt from "markdown-it";
import type { PluginSimple, Token } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import type { GardenEnv } from "./garden-env.js";

/** What the footnote tokens of one text carry, set when that text is parsed (an embed is parsed on its own). */
interface FootnoteMeta {
  readonly id: number;
  readonly subId?: number;
  /** The text's docId: undefined for the page's own note, one per embedded note. */
  gardenDocId?: string;
  /** The title of the embedded note the footnotes belong to, on footnote_block_open. */
  gardenEmbedTitle?: string;
}

const FOOTNOTE_TOKENS = new Set(["footnote_ref", "footnote_open", "footnote_anchor", "footnote_block_open"]);

/**
 * Footnotes, "[^1]" and "[^1]: texte", with markdown-it-footnote, numbered per note. An embedded note is parsed with
 * its own env and docId (./note-embeds.ts), its footnotes listed at its end: each footnote token keeps the docId of
 * the text it was parsed in, so two embedded notes that both use "[^1]" give distinct ids. Ids hold "_", which no
 * heading id, block id or layout id holds.
 */
export function footnotesPlugin(md: MarkdownIt): void {
  // Its types are written against an older @types/markdown-it than ours.
  md.use(footnotePlugin as unknown as PluginSimple);
  md.core.ruler.after("footnote_tail", "garden_footnote_ids", (state) => {
    const env = state.env as GardenEnv & { footnotes?: unknown };
    if (!env.footnotes) return;
    const stamp = (token: Token): void => {
      if (!FOOTNOTE_TOKENS.has(token.type)) return;
      const meta = (token.meta ??= {}) as FootnoteMeta;
      if ("gardenDocId" in meta) return;
      meta.gardenDocId = env.docId;
      if (env.gardenEmbeds?.length) meta.gardenEmbedTitle = env.gardenNote.title;
    };
    for (const token of state.tokens) {
      stamp(token);
      for (const child of token.children ?? []) stamp(child);
    }
  });
  const rules = md.renderer.rules;
  rules.footnote_ref = (tokens, idx) => {
    const meta = metaOf(tokens, idx);
    const number = meta.id + 1;
    return `<sup class="footnote-ref"><a href="#fn_${base(meta)}" id="fnref_${refId(meta)}" aria-label="Note ${number}">${number}</a></sup>`;
  };
  rules.footnote_block_open = (tokens, idx) => {
    const title = metaOf(tokens, idx).gardenEmbedTitle;
    const label = title === undefined ? "Notes de bas de page" : `Notes de bas de page de « ${title} »`;
    return `<section class="footnotes" aria-label="${md.utils.escapeHtml(label)}">\n<ol class="footnotes-list">\n`;
  };
  rules.footnote_block_close = () => "</ol>\n</section>\n";
  rules.footnote_open = (tokens, idx) => `<li id="fn_${base(metaOf(tokens, idx))}" class="footnote-item">`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, idx) => {
    const meta = metaOf(tokens, idx);
    const label = meta.subId ? `Retour au texte (appel ${meta.subId + 1})` : "Retour au texte";
    // U+FE0E: the arrow as text, never as an emoji.
    return ` <a href="#fnref_${refId(meta)}" class="footnote-backref" aria-label="${label}">\u21a9\ufe0e</a>`;
  };
}

function metaOf(tokens: Token[], idx: number): FootnoteMeta {
  return tokens[idx]!.meta as FootnoteMeta;
}

function base(meta: FootnoteMeta): string {
  return `${meta.gardenDocId === undefined ? "" : `${meta.gardenDocId}_`}${meta.id + 1}`;
}

/** The id of one call of a footnote: the second call of note 1 is "fnref_1_2". */
function refId(meta: FootnoteMeta): string {
  return `${base(meta)}${meta.subId ? `_${meta.subId + 1}` : ""}`;
}
