import type MarkdownIt from "markdown-it";
import type { StateInline, Token } from "markdown-it";
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
 * Footnotes, "[^1]" and "[^1]: texte", with markdown-it-footnote, numbered per note. Heading ids are given before its
 * footnote_tail rule moves the notes to the end: in the order the scan reads headings. An embedded note is parsed
 * with its own env and docId (./note-embeds.ts), its footnotes listed at its end: each footnote token keeps the docId
 * of the text it was parsed in, so two embedded notes that both use "[^1]" give distinct ids. Ids hold "_", which no
 * heading id, block id or layout id holds.
 */
export function footnotesPlugin(md: MarkdownIt): void {
  // markdown-it-footnote itself is loaded by notesMarkdownIt, as its definitions cut blocks that the scan reads too.
  md.inline.ruler.at("footnote_ref", footnoteCall);
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

interface FootnotesEnv {
  footnotes?: { refs?: Record<string, number>; list?: { label?: string; count: number }[] };
}

/** A label up to its "]": no space, line break or "[" in it. */
const CALL_LABEL = /[^\] \n[]+\]/y;

/**
 * markdown-it-footnote's rule for a call "[^label]", which looks for the label's end from every "[^" up to a space
 * or "]": a line of "[^[^[^…" took quadratic time. Here a label holds no "[", so each look stops at the next one.
 * The rest is the plugin's: a call to a note defined in the text takes that note's number, the first call numbers it.
 */
function footnoteCall(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const footnotes = (state.env as FootnotesEnv).footnotes;
  if (!footnotes?.refs || state.src.charCodeAt(start) !== 0x5b /* [ */ || state.src.charCodeAt(start + 1) !== 0x5e /* ^ */) return false;
  CALL_LABEL.lastIndex = start + 2;
  const found = CALL_LABEL.exec(state.src);
  if (!found || CALL_LABEL.lastIndex > state.posMax) return false;
  const label = found[0].slice(0, -1);
  const key = `:${label}`;
  let id = footnotes.refs[key];
  if (id === undefined) return false;
  if (!silent) {
    const list = (footnotes.list ??= []);
    if (id < 0) {
      id = list.length;
      list[id] = { label, count: 0 };
      footnotes.refs[key] = id;
    }
    const token = state.push("footnote_ref", "", 0);
    token.meta = { id, subId: list[id]!.count++, label };
  }
  state.pos = start + 2 + found[0].length;
  return true;
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
