import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { Note } from "../vault-scan/note.js";
import { EMBED_BUDGET, MAX_EMBED_DEPTH, type GardenEnv } from "./garden-env.js";
import { blockToken, inlineToken } from "./tokens.js";
import type { NoteEmbedMeta } from "./wikilink-rule.js";

/**
 * Transcludes "![[Note]]" and "![[Note#Section]]" when the embed stands alone in its paragraph: the paragraph
 * is replaced by the tokens of the embedded text, parsed with links resolving from the embedded note. An embed
 * inside a sentence, in a cycle, nested too deep, or past the page's EMBED_BUDGET stays a plain link to the note.
 */
export function noteEmbedsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("garden_heading_ids", "garden_note_embeds", (state) => {
    const env = state.env as GardenEnv;
    const current = env.gardenNote;
    const outer = env.gardenEmbeds ?? [];
    if (outer.length >= MAX_EMBED_DEPTH) return;
    const embeds = [...outer, current.file];
    const budget = env.gardenEmbedBudget ?? { left: EMBED_BUDGET };
    let embedCount = 0;
    // In reading order, so that the budget goes to the first embeds of the page.
    for (let i = 0; i + 2 < state.tokens.length; i++) {
      const meta = standaloneEmbed(state.tokens, i);
      if (!meta || embeds.includes(meta.embedOf.file)) continue;
      const { embedOf } = meta;
      const { text, firstLine } = embeddedText(embedOf, meta.heading);
      const cost = Math.max(text.length, EMBED_BUDGET / 100);
      if (cost > budget.left) continue;
      budget.left -= cost;
      embedCount++;
      const docId = env.docId === undefined ? `i${embedCount}` : `${env.docId}-${embedCount}`;
      const childEnv: GardenEnv = { gardenNote: embedOf, gardenFirstLine: firstLine, gardenEmbeds: embeds, gardenEmbedBudget: budget, docId };
      const wrapped = wrap(state, embedOf, md.parse(text, childEnv), state.tokens[i + 1]!.children!);
      // Not splice(...wrapped): spreading a long token list as arguments overflows the stack.
      state.tokens = state.tokens.slice(0, i).concat(wrapped, state.tokens.slice(i + 3));
      i += wrapped.length - 1;
    }
  });
}

function standaloneEmbed(tokens: readonly Token[], i: number): NoteEmbedMeta | undefined {
  if (tokens[i]?.type !== "paragraph_open" || tokens[i + 2]?.type !== "paragraph_close") return undefined;
  const children = (tokens[i + 1]?.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === "") && t.type !== "softbreak");
  if (children.length !== 3 || children[0]!.type !== "link_open") return undefined;
  return children[0]!.meta as NoteEmbedMeta | undefined;
}

/** The embedded note's body, or only its section when the embed names one, with the file line it starts at. */
function embeddedText(note: Note, headingId: string | undefined): { text: string; firstLine: number } {
  const { lines, headings } = note.outline;
  if (headingId === undefined) return { text: lines.join("\n"), firstLine: note.bodyStartLine };
  const start = headings.findIndex((h) => h.id === headingId);
  const heading = headings[start]!;
  const end = headings.slice(start + 1).find((h) => h.level <= heading.level);
  return { text: lines.slice(heading.line - note.bodyStartLine, end ? end.line - note.bodyStartLine : undefined).join("\n"), firstLine: heading.line };
}

function wrap(state: StateCore, note: Note, inner: Token[], linkTokens: readonly Token[]): Token[] {
  const source = inlineToken(state, linkTokens.filter((t) => t.type === "link_open" || t.type === "text" || t.type === "link_close"));
  const link = source.children!.find((t) => t.type === "text");
  if (link) link.content = note.title;
  return [
    blockToken(state, "note_embed_open", "div", 1, [["class", "embed"]]),
    ...inner,
    blockToken(state, "paragraph_open", "p", 1, [["class", "embed-source"]]),
    source,
    blockToken(state, "paragraph_close", "p", -1),
    blockToken(state, "note_embed_close", "div", -1),
  ];
}
