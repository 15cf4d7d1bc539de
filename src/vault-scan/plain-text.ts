import { defaultLabel, parseWikilinkAt } from "./wikilink-syntax.js";

const SPECIAL = /[\\[!`<*_~=]/g;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const BACKTICKS = /`+/y;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]*>/y;
/** A line break typed as HTML ("Titre<br>suite"): a space in plain text, as the heading shows a new line there. */
export const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const EMPHASIS = /\*+|_+|~~|==/y;
// No "[" in the label: a line of "[^[^[^" is read in linear time.
const FOOTNOTE_CALL = /\[\^[^\]\s[]+\]/y;
const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Inline Markdown to the plain text a reader sees: "**Comment** [[Note|mener]] `x`" gives "Comment mener x", and
 * a footnote's call "[^1]" nothing.
 * Titles, heading ids and backlink contexts all come through here, so they agree with each other.
 */
export function plainText(markdown: string): string {
  const next = forwardSearch(markdown);
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(markdown);
    if (!found) {
      out += markdown.slice(i);
      break;
    }
    out += markdown.slice(i, found.index);
    i = found.index;
    const ch = found[0];
    if (ch === "\\") {
      const next = markdown[i + 1];
      out += next !== undefined && ESCAPABLE.test(next) ? next : "\\";
      i += next !== undefined && ESCAPABLE.test(next) ? 2 : 1;
      continue;
    }
    if (ch === "[" || ch === "!") {
      const call = matchAt(FOOTNOTE_CALL, markdown, i);
      if (call) {
        i += call[0].length;
        continue;
      }
      const wikilink = parseWikilinkAt(markdown, i);
      if (wikilink) {
        if (!wikilink.embed) out += wikilink.label ?? defaultLabel(wikilink.target);
        i += wikilink.length;
        continue;
      }
      const link = markdownLinkAt(markdown, i, next);
      if (link) {
        out += link.label;
        i = link.end;
        continue;
      }
    } else if (ch === "`") {
      const { run, end } = codeSpanAt(markdown, i);
      if (end !== -1) {
        out += markdown.slice(i + run.length, end).trim();
        i = end + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    } else if (ch === "<") {
      const tag = matchAt(HTML_TAG, markdown, i);
      if (tag) {
        if (LINE_BREAK_TAG.test(tag[0])) out += " ";
        i += tag[0].length;
        continue;
      }
    } else {
      const marker = matchAt(EMPHASIS, markdown, i);
      if (marker) {
        const before = markdown[i - 1] ?? " ";
        const after = markdown[i + marker[0].length] ?? " ";
        // "**gras**" loses its markers; "2 * 3" and "a == b", with spaces on both sides, keep them.
        const flanked = SPACE.test(before) && SPACE.test(after);
        const inWord = marker[0][0] === "_" && WORD_CHAR.test(before) && WORD_CHAR.test(after);
        if (flanked || inWord) out += marker[0];
        i += marker[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out.replace(/\s+/g, " ").trim();
}

/**
 * "[label](address)" or "![label](address)" at `start`, on one line. The "]", ")" and line break it needs are
 * looked up through `next`, so that a long line of "[a](b" without any ")" is read in linear time.
 */
function markdownLinkAt(text: string, start: number, next: (ch: string, from: number) => number): { label: string; end: number } | undefined {
  const open = text[start] === "!" ? start + 1 : start;
  if (text[open] !== "[") return undefined;
  const lineEnd = orEnd(next("\n", open + 1));
  const labelEnd = orEnd(next("]", open + 1));
  if (labelEnd >= lineEnd || text[labelEnd + 1] !== "(") return undefined;
  const addressEnd = orEnd(next(")", labelEnd + 2));
  if (addressEnd >= lineEnd) return undefined;
  return { label: text.slice(open + 1, labelEnd), end: addressEnd + 1 };
}

function orEnd(index: number): number {
  return index === -1 ? Infinity : index;
}

/** `text.indexOf(ch, from)`, remembered per character: plainText only ever asks for positions further on. */
function forwardSearch(text: string): (ch: string, from: number) => number {
  const found = new Map<string, number>();
  return (ch, from) => {
    let at = found.get(ch);
    if (at === undefined || (at !== -1 && at < from)) {
      at = text.indexOf(ch, from);
      found.set(ch, at);
    }
    return at;
  };
}

/**
 * The run of backticks at `start` and where the same run closes it, as a code span (-1 when nothing closes it): the
 * scan and plainText both skip code spans this way.
 */
export function codeSpanAt(text: string, start: number): { run: string; end: number } {
  const run = matchAt(BACKTICKS, text, start)![0];
  return { run, end: text.indexOf(run, start + run.length) };
}

function matchAt(sticky: RegExp, text: string, index: number): RegExpExecArray | null {
  sticky.lastIndex = index;
  return sticky.exec(text);
}
