import { codeSpanAt } from "./plain-text.js";

export interface WithoutComments {
  /** The body with every comment's text removed and the line breaks it spanned kept: later lines keep their number. */
  readonly body: string;
  readonly count: number;
  /** Where the first comment starts: line index in the body (0-based) and column (1-based). */
  readonly first?: { readonly lineIndex: number; readonly column: number };
}

const MARKER = "%%";
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const FENCE_CLOSE_REST = /^[ \t]*$/;
const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/y;
const CODE_OR_MARKER = /`|%%/g;

/**
 * Obsidian's private comments, `%%…%%`, inline or over several lines, taken out of a note body before anything reads
 * it: never published, never searched, never linked. As in Obsidian, `%%` in a code span or a fenced code block is
 * text; a `%%` that nothing closes hides the rest of the note. One pass, in linear time.
 */
export function withoutComments(body: string): WithoutComments {
  if (!body.includes(MARKER)) return { body, count: 0 };
  let out = "";
  let count = 0;
  let first: WithoutComments["first"];
  let inComment = false;
  let fence: string | null = null;
  let lineIndex = 0;
  LINE.lastIndex = 0;
  for (let match = LINE.exec(body); match; match = LINE.exec(body)) {
    const [, text, lineBreak] = match as unknown as [string, string, string];
    let from = 0;
    if (inComment) {
      const end = text.indexOf(MARKER);
      inComment = end === -1;
      from = inComment ? text.length : end + MARKER.length;
    } else if (fence !== null) {
      const close = FENCE.exec(text);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && FENCE_CLOSE_REST.test(text.slice(close[0].length))) fence = null;
      from = text.length;
      out += text;
    } else {
      const open = FENCE.exec(text);
      if (open) {
        fence = open[1]!;
        from = text.length;
        out += text;
      }
    }
    if (from < text.length) {
      const line = visibleText(text, from);
      out += line.text;
      if (line.comments > 0) {
        count += line.comments;
        first ??= { lineIndex, column: line.firstColumn };
      }
      inComment = line.open;
    }
    out += lineBreak;
    if (lineBreak === "") break;
    lineIndex++;
  }
  return { body: out, count, ...(first ? { first } : {}) };
}

/** The text of one line from `from` on, out of comments and past code spans, and whether a comment stays open at its end. */
function visibleText(text: string, from: number): { text: string; comments: number; firstColumn: number; open: boolean } {
  let out = "";
  let comments = 0;
  let firstColumn = 0;
  let kept = from;
  CODE_OR_MARKER.lastIndex = from;
  for (let found = CODE_OR_MARKER.exec(text); found; found = CODE_OR_MARKER.exec(text)) {
    const i = found.index;
    if (found[0] === "`") {
      const { run, end } = codeSpanAt(text, i);
      CODE_OR_MARKER.lastIndex = end === -1 ? i + run.length : end + run.length;
      continue;
    }
    comments++;
    if (firstColumn === 0) firstColumn = i + 1;
    out += text.slice(kept, i);
    const end = text.indexOf(MARKER, i + MARKER.length);
    if (end === -1) return { text: out, comments, firstColumn, open: true };
    kept = end + MARKER.length;
    CODE_OR_MARKER.lastIndex = kept;
  }
  return { text: out + text.slice(kept), comments, firstColumn, open: false };
}
