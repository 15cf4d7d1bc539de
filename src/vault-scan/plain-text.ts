import { defaultLabel, parseWikilinkAt } from "./wikilink-syntax.js";

/**
 * Inline Markdown to the plain text a reader sees: "**Comment** [[Note|mener]] `x`" gives "Comment mener x".
 * Titles, heading ids and backlink contexts all come through here, so they agree with each other.
 */
export function plainText(markdown: string): string {
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    const ch = markdown[i]!;
    if (ch === "\\" && i + 1 < markdown.length && /[!-/:-@[-`{-~]/.test(markdown[i + 1]!)) {
      out += markdown[i + 1];
      i += 2;
      continue;
    }
    if (ch === "[" || ch === "!") {
      const wikilink = parseWikilinkAt(markdown, i);
      if (wikilink) {
        if (!wikilink.embed) out += wikilink.label ?? defaultLabel(wikilink.target);
        i += wikilink.length;
        continue;
      }
      const link = /^!?\[([^\]\n]*)\]\([^)\n]*\)/.exec(markdown.slice(i, i + 2048));
      if (link) {
        out += link[1];
        i += link[0].length;
        continue;
      }
    }
    if (ch === "`") {
      const run = /^`+/.exec(markdown.slice(i))![0];
      const end = markdown.indexOf(run, i + run.length);
      if (end !== -1) {
        out += markdown.slice(i + run.length, end).trim();
        i = end + run.length;
        continue;
      }
    }
    if (ch === "<") {
      const tag = /^<\/?[A-Za-z][^<>\n]*>/.exec(markdown.slice(i, i + 512));
      if (tag) {
        i += tag[0].length;
        continue;
      }
    }
    const marker = EMPHASIS.exec(markdown.slice(i, i + 16));
    if (marker) {
      const before = markdown[i - 1] ?? " ";
      const after = markdown[i + marker[0].length] ?? " ";
      // "**gras**" loses its markers; "2 * 3" and "a == b", with spaces on both sides, keep them.
      const flanked = /\s/.test(before) && /\s/.test(after);
      const inWord = marker[0][0] === "_" && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
      if (flanked || inWord) out += marker[0];
      i += marker[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out.replace(/\s+/g, " ").trim();
}

const EMPHASIS = /^(?:\*+|_+|~~|==)/;
