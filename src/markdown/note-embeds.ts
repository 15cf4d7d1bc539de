import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { Note } from "../vault-scan/note.js";
import { EMBED_BUDGET, MAX_EMBED_DEPTH, type GardenEnv } from "./garden-env.js";
import { blockToken, inlineToken, text } from "./tokens.js";
import type { NoteEmbedMeta } from "./wikilink-rule.js";

/**
 * Transcludes "![[Note]]", "![[Note#Section]]" and "![[Note#^bloc]]" when the embed stands alone in its paragraph:
 * the paragraph is replaced by the tokens of the embedded text, parsed with links resolving from the embedded note.
 * An embed inside a sentence, in a cycle, nested too deep, or past the page's EMBED_BUDGET stays a plain link to the
 * note; one of a section or block the note lacks is replaced by a sentence that says so.
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
      if (!meta) continue;
      const { embedOf } = meta;
      const linkTokens = state.tokens[i + 1]!.children!;
      const part = embeddedPart(meta);
      if (!("text" in part)) {
        // Three tokens in place of three, with no splice: a page of thousands of such embeds stays linear.
        missingPart(state, embedOf, part, linkTokens).forEach((token, j) => (state.tokens[i + j] = token));
        continue;
      }
      if (embeds.includes(embedOf.file)) continue;
      const cost = Math.max(part.text.length, EMBED_BUDGET / 100);
      if (cost > budget.left) continue;
      budget.left -= cost;
      embedCount++;
      const docId = env.docId === undefined ? `i${embedCount}` : `${env.docId}-${embedCount}`;
      const childEnv: GardenEnv = { gardenNote: embedOf, gardenFirstLine: part.firstLine, gardenEmbeds: embeds, gardenEmbedBudget: budget, docId };
      const wrapped = wrap(state, embedOf, md.parse(part.text, childEnv), linkTokens);
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

type MissingPart = NonNullable<NoteEmbedMeta["missing"]>;

/**
 * The embedded note's body, or only its section when the embed names one, or only its block, with the file line it
 * starts at; or the section or block it names and lacks.
 */
function embeddedPart({ embedOf: note, heading: headingId, block, missing }: NoteEmbedMeta): { text: string; firstLine: number } | MissingPart {
  if (missing) return missing;
  const { lines, headings } = note.outline;
  if (block !== undefined) {
    const found = note.outline.blockWithId(block);
    return found ? { text: found.lines.join("\n"), firstLine: found.line } : { kind: "block", name: `^${block}` };
  }
  if (headingId === undefined) return { text: lines.join("\n"), firstLine: note.bodyStartLine };
  const start = headings.findIndex((h) => h.id === headingId);
  const heading = headings[start]!;
  const end = headings.slice(start + 1).find((h) => h.level <= heading.level);
  return { text: lines.slice(heading.line - note.bodyStartLine, end ? end.line - note.bodyStartLine : undefined).join("\n"), firstLine: heading.line };
}

/** The link to the embedded note, titled with the note's title whatever the embed's label. */
function sourceLink(note: Note, linkTokens: readonly Token[]): Token[] {
  const link = linkTokens.filter((t) => t.type === "link_open" || t.type === "text" || t.type === "link_close");
  const label = link.find((t) => t.type === "text");
  if (label) label.content = note.title;
  return link;
}

/** In place of the embed of a missing section or block, a sentence that says so, with the link to the note. */
function missingPart(state: StateCore, note: Note, { kind, name }: MissingPart, linkTokens: readonly Token[]): Token[] {
  const what = kind === "heading" ? `La section « ${name} »` : `Le bloc « ${name} »`;
  return [
    // Not indexed: searching « introuvable » does not find the pages whose embeds await a correction.
    blockToken(state, "paragraph_open", "p", 1, [["class", "embed-missing"], ["data-pagefind-ignore", ""]]),
    inlineToken(state, [text(state, `${what} est introuvable dans `), ...sourceLink(note, linkTokens), text(state, ".")]),
    blockToken(state, "paragraph_close", "p", -1),
  ];
}

function wrap(state: StateCore, note: Note, inner: Token[], linkTokens: readonly Token[]): Token[] {
  const source = inlineToken(state, sourceLink(note, linkTokens));
  return [
    blockToken(state, "note_embed_open", "div", 1, [["class", "embed"]]),
    ...inner,
    blockToken(state, "paragraph_open", "p", 1, [["class", "embed-source"]]),
    source,
    blockToken(state, "paragraph_close", "p", -1),
    blockToken(state, "note_embed_close", "div", -1),
  ];
}
