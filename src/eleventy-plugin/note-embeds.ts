import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { Note } from "../vault-scan/note.js";
import { MAX_EMBED_DEPTH, type GardenEnv, type GardenLinks } from "./garden-env.js";
import type { NoteEmbedMeta } from "./wikilink-rule.js";

/**
 * Transcludes "![[Note]]" and "![[Note#Section]]" when the embed stands alone in its paragraph: the paragraph
 * is replaced by the tokens of the embedded text, parsed with links resolving from the embedded note. An embed
 * inside a sentence, in a cycle, or nested too deep stays a plain link to the note.
 */
export function noteEmbedsPlugin(md: MarkdownIt, links: GardenLinks): void {
  md.core.ruler.after("garden_heading_ids", "garden_note_embeds", (state) => {
    const env = state.env as GardenEnv;
    const current = links.noteOf(env);
    if (!current) return;
    const outer = env.gardenEmbeds ?? [];
    if (outer.length >= MAX_EMBED_DEPTH) return;
    const embeds = [...outer, current.file];
    for (let i = state.tokens.length - 3; i >= 0; i--) {
      const meta = standaloneEmbed(state.tokens, i);
      if (!meta || embeds.includes(meta.embedOf.file)) continue;
      const { embedOf } = meta;
      const childEnv: GardenEnv = { ...env, gardenSource: embedOf.file, gardenEmbeds: embeds };
      const inner = md.parse(embeddedText(embedOf, meta.heading), childEnv);
      state.tokens.splice(i, 3, ...wrap(state, embedOf, inner, state.tokens[i + 1]!.children!));
    }
  });
}

function standaloneEmbed(tokens: readonly Token[], i: number): NoteEmbedMeta | undefined {
  if (tokens[i]?.type !== "paragraph_open" || tokens[i + 2]?.type !== "paragraph_close") return undefined;
  const children = (tokens[i + 1]?.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === "") && t.type !== "softbreak");
  if (children.length !== 3 || children[0]!.type !== "link_open") return undefined;
  return children[0]!.meta as NoteEmbedMeta | undefined;
}

/** The embedded note's body, or only its section when the embed names one. */
function embeddedText(note: Note, headingId: string | undefined): string {
  const { lines, headings } = note.outline;
  if (headingId === undefined) return lines.join("\n");
  const start = headings.findIndex((h) => h.id === headingId);
  const heading = headings[start]!;
  const end = headings.slice(start + 1).find((h) => h.level <= heading.level);
  return lines.slice(heading.line - note.bodyStartLine, end ? end.line - note.bodyStartLine : undefined).join("\n");
}

function wrap(state: StateCore, note: Note, inner: Token[], linkTokens: readonly Token[]): Token[] {
  const open = new state.Token("note_embed_open", "div", 1);
  open.attrs = [["class", "embed"]];
  open.block = true;
  const sourceOpen = new state.Token("paragraph_open", "p", 1);
  sourceOpen.attrs = [["class", "embed-source"]];
  sourceOpen.block = true;
  const source = new state.Token("inline", "", 0);
  source.children = linkTokens.filter((t) => t.type === "link_open" || t.type === "text" || t.type === "link_close");
  const link = source.children.find((t) => t.type === "text");
  if (link) link.content = note.title;
  const sourceClose = new state.Token("paragraph_close", "p", -1);
  sourceClose.block = true;
  const close = new state.Token("note_embed_close", "div", -1);
  close.block = true;
  return [open, ...inner, sourceOpen, source, sourceClose, close];
}
