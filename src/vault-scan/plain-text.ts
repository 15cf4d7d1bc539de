import { defaultLabel, parseWikilinkAt } from "./wikilink-syntax.js";

const SPECIAL = /[\\[!`<*_~=]/g;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const MARKDOWN_LINK = /!?\[([^\]\n]*)\]\([^)\n]*\)/y;
const BACKTICKS = /`+/y;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]*>/y;
const EMPHASIS = /\*+|_+|~~|==/y;
const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Inline Markdown to the plain text a reader sees: "**Comment** [[Note|mener]] `x`" gives "Comment mener x".
 * Titles, heading ids and backlink contexts all come through here, so they agree with each other.
 */
export function plainText(markdown: string): string {
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
      const wikilink = parseWikilinkAt(markdown, i);
      if (wikilink) {
        if (!wikilink.embed) out += wikilink.label ?? defaultLabel(wikilink.target);
        i += wikilink.length;
        continue;
      }
      const link = matchAt(MARKDOWN_LINK, markdown, i);
      if (link) {
        out += link[1];
        i += link[0].length;
        continue;
      }
    } else if (ch === "`") {
      const run = matchAt(BACKTICKS, markdown, i)![0];
      const end = markdown.indexOf(run, i + run.length);
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

function matchAt(sticky: RegExp, text: string, index: number): RegExpExecArray | null {
  sticky.lastIndex = index;
  return sticky.exec(text);
}
