import type MarkdownIt from "markdown-it";
import type { StateCore, StateInline, Token } from "markdown-it";
import { looksLikeImage, type Resolution } from "../link-graph/resolve-link.js";
import type { Note } from "../vault-scan/note.js";
import { defaultLabel, parseEmbedLabel, parseWikilinkAt, type WikilinkSyntax } from "../vault-scan/wikilink-syntax.js";
import type { GardenEnv, GardenLinks } from "./garden-env.js";


/** Set on the link tokens of "![[Note]]", for the transclusion core rule. */
export interface NoteEmbedMeta {
  readonly embedOf: Note;
  /** The id of the heading of "![[Note#Section]]". */
  readonly heading?: string;
  /** The block id of "![[Note#^bloc]]", without its "^". */
  readonly block?: string;
  /** The section or block the embed names and the note lacks, as written: the page says so in its place. */
  readonly missing?: { readonly kind: "heading" | "block"; readonly name: string };
}

/**
 * The "[[wikilink]]" inline rule. It runs before markdown-it's own link rule and only pushes tokens, so labels
 * are escaped by the renderer like any text. Code spans are consumed earlier by the backticks rule, so wikilinks
 * inside code stay literal. It never resolves a link: it asks the link graph where the link the scan read at the same
 * place leads, and leaves as text what the scan did not read as a link.
 */
export function wikilinkPlugin(md: MarkdownIt, links: GardenLinks): void {
  md.core.ruler.at("inline", parseInlineWithLines);
  md.inline.ruler.before("link", "wikilink", (state, silent) => {
    const code = state.src.charCodeAt(state.pos);
    if (code !== 0x5b /* [ */ && code !== 0x21 /* ! */) return false;
    const syntax = parseWikilinkAt(state.src, state.pos);
    const env = state.env as GardenEnv;
    if (!syntax) {
      // An image's alt text is parsed as a text of its own, which starts on the line of its "![".
      if (code === 0x21 && state.src.charCodeAt(state.pos + 1) === 0x5b) setLine(env, lineAt(state));
      return false;
    }
    const line = lineAt(state);
    const resolution = line === undefined ? undefined : links.resolutionAt(env.gardenNote, line, syntax.target);
    // What the scan did not read as a link stays text, all of it, as the scan's reader of tags passes over it whole.
    if (!silent) {
      if (resolution) pushWikilink(state, syntax, resolution);
      else state.pending += state.src.slice(state.pos, state.pos + syntax.length);
    }
    state.pos += syntax.length;
    return true;
  });
}

/** The file line the next inline text parsed with an env starts at: a block's, or an image's alt text's. */
const inlineLines = new WeakMap<object, number>();

function setLine(env: GardenEnv, line: number | undefined): void {
  if (line === undefined) inlineLines.delete(env);
  else inlineLines.set(env, line);
}

/**
 * markdown-it's own "inline" core rule, which parses the text of each block, noting first the line of the file where
 * that text starts. A table cell has no line of its own: it takes its row's.
 */
function parseInlineWithLines(state: StateCore): void {
  const env = state.env as GardenEnv;
  let blockLine: number | undefined;
  for (const token of state.tokens) {
    if (token.map) blockLine = token.map[0];
    if (token.type !== "inline") continue;
    setLine(env, blockLine === undefined ? undefined : env.gardenFirstLine + blockLine);
    state.md.inline.parse(token.content, state.md, env, token.children!);
  }
}

/** Where the inline rules stand in a text: its line breaks are counted from there, forwards or back. */
const cursors = new WeakMap<StateInline, { pos: number; line: number }>();

/** The file line of `state.pos`: the text's first line, plus the line breaks before it. */
export function lineAt(state: StateInline): number | undefined {
  let cursor = cursors.get(state);
  if (!cursor) {
    const first = inlineLines.get(state.env as object);
    if (first === undefined) return undefined;
    cursor = { pos: 0, line: first };
    cursors.set(state, cursor);
  }
  for (; cursor.pos < state.pos; cursor.pos++) if (state.src.charCodeAt(cursor.pos) === 0x0a) cursor.line++;
  for (; cursor.pos > state.pos; cursor.pos--) if (state.src.charCodeAt(cursor.pos - 1) === 0x0a) cursor.line--;
  return cursor.line;
}

function pushWikilink(state: StateInline, syntax: WikilinkSyntax, resolution: Resolution): void {
  switch (resolution.kind) {
    case "asset": {
      if (syntax.embed && looksLikeImage(resolution.file)) return pushImage(state, syntax, resolution.href);
      pushLink(state, resolution.href, syntax.label ?? defaultLabel(syntax.target), "wikilink");
      return;
    }
    case "note": {
      const label = syntax.label ?? (syntax.embed ? resolution.note.title : defaultLabel(syntax.target));
      const open = pushLink(state, resolution.href, label, "wikilink");
      if (syntax.embed) open.meta = embedMeta(syntax, resolution);
      return;
    }
    case "missing":
    case "unpublished":
      return pushMissing(state, syntax.embed ? parseEmbedLabel(syntax.label).alt ?? syntax.target.note : syntax.label ?? defaultLabel(syntax.target));
  }
}

function embedMeta({ target }: WikilinkSyntax, resolution: Resolution & { kind: "note" }): NoteEmbedMeta {
  const embedOf = resolution.note;
  if (resolution.fragmentMissing === "heading") return { embedOf, missing: { kind: "heading", name: target.heading! } };
  if (resolution.fragmentMissing === "block") return { embedOf, missing: { kind: "block", name: `^${target.block!}` } };
  if (resolution.heading) return { embedOf, heading: resolution.heading.id };
  if (target.block !== undefined) return { embedOf, block: target.block };
  return { embedOf };
}

function pushLink(state: StateInline, href: string, label: string, className: string): Token {
  const open = state.push("link_open", "a", 1);
  open.attrs = [
    ["href", state.md.normalizeLink(href)],
    ["class", className],
  ];
  open.markup = "wikilink";
  state.push("text", "", 0).content = label;
  state.push("link_close", "a", -1).markup = "wikilink";
  return open;
}

/** A token to make, for an inline rule (state.push) or a core rule (new Token). */
export interface TokenSpec {
  readonly type: string;
  readonly tag: string;
  readonly nesting: 1 | 0 | -1;
  readonly attrs?: [string, string][];
  readonly content?: string;
}

/**
 * A note still to be written: never a link to a 404, but to the page that lists the notes to write and says how. Seen,
 * a small « à venir » after the text; heard once, « (note à venir) ». These tokens go before its label;
 * MISSING_LINK_CLOSE after.
 */
export const MISSING_LINK_OPEN: readonly TokenSpec[] = [
  {
    type: "wikilink_missing_open",
    tag: "a",
    nesting: 1,
    attrs: [
      ["class", "wikilink-missing"],
      ["href", "/notes-a-ecrire/"],
      ["title", "Cette note n’existe pas encore"],
    ],
  },
];

export const MISSING_LINK_CLOSE: readonly TokenSpec[] = [
  // Never indexed: searching « venir » does not find every page with a note still to be written.
  { type: "wikilink_missing_hint_open", tag: "span", nesting: 1, attrs: [["class", "visually-hidden"], ["data-pagefind-ignore", ""]] },
  { type: "text", tag: "", nesting: 0, content: " (note à venir)" },
  { type: "wikilink_missing_hint_close", tag: "span", nesting: -1 },
  { type: "wikilink_missing_hint_open", tag: "span", nesting: 1, attrs: [["class", "wikilink-a-venir"], ["aria-hidden", "true"], ["data-pagefind-ignore", ""]] },
  { type: "text", tag: "", nesting: 0, content: "à venir" },
  { type: "wikilink_missing_hint_close", tag: "span", nesting: -1 },
  { type: "wikilink_missing_close", tag: "a", nesting: -1 },
];

function pushMissing(state: StateInline, label: string): void {
  for (const spec of [...MISSING_LINK_OPEN, { type: "text", tag: "", nesting: 0, content: label } as const, ...MISSING_LINK_CLOSE]) {
    const token = state.push(spec.type, spec.tag, spec.nesting);
    if (spec.attrs) token.attrs = spec.attrs.map(([name, value]) => [name, value]);
    if (spec.content !== undefined) token.content = spec.content;
  }
}

function pushImage(state: StateInline, syntax: WikilinkSyntax, href: string): void {
  const options = parseEmbedLabel(syntax.label);
  const alt = options.alt ?? "";
  const image = state.push("image", "img", 0);
  image.attrs = [
    ["src", state.md.normalizeLink(href)],
    ["alt", ""],
    ...(options.width !== undefined ? ([["width", String(options.width)]] as [string, string][]) : []),
    ...(options.height !== undefined ? ([["height", String(options.height)]] as [string, string][]) : []),
    ["loading", "lazy"],
  ];
  const text = new state.Token("text", "", 0);
  text.content = alt;
  image.children = [text];
  image.content = alt;
}
