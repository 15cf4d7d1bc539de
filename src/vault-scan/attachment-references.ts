import { Parser } from "htmlparser2";
import { codeSpanAt } from "./plain-text.js";

/** A local file a note names outside wikilinks: a Markdown link or image, or an HTML `src`, `href`, `poster` or `data`. */
export interface AttachmentReference {
  /** The path as written, decoded, without its "?query" or "#fragment": "/images/salle.png", "docs/plan.pdf". */
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** A line of the note body outside code blocks. */
export interface BodyLine {
  readonly text: string;
  readonly line: number;
}

/** Lines worth a look: a Markdown link or reference definition, an HTML tag or one of its attributes. */
export function mayReferenceAttachment(text: string): boolean {
  return text.includes("](") || text.includes("]:") || text.includes("<") || (text.includes("=") && HTML_URL_ATTRIBUTE.test(text));
}

const HTML_URL_ATTRIBUTE = /(?:src|href|poster|data)\s*=/i;
/** The attributes through which a tag loads or links a file (`<video poster>`, `<object data>`). */
const URL_ATTRIBUTES = new Set(["src", "href", "poster", "data"]);
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*/;
/** An address with a scheme ("https:", "mailto:"), protocol-relative ("//hôte") or an anchor of the page. */
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * The local files named by Markdown links and images, reference definitions and HTML attributes (`src`, `href`…) of
 * `lines` (consecutive or not, each at most once), code spans left out. One pass over each line, and one HTML
 * tokenizer pass over each run of consecutive lines, so that a tag spread over several lines is read whole.
 */
export function attachmentReferences(lines: readonly BodyLine[]): AttachmentReference[] {
  const found: AttachmentReference[] = [];
  let run: BodyLine[] = [];
  for (const { text, line } of lines) {
    const visible = text.includes("`") ? withoutCodeSpans(text) : text;
    addMarkdownReferences(found, visible, line);
    if (run.length > 0 && run[run.length - 1]!.line !== line - 1) {
      addHtmlReferences(found, run);
      run = [];
    }
    run.push({ text: visible, line });
  }
  if (run.length > 0) addHtmlReferences(found, run);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function push(found: AttachmentReference[], written: string, line: number, column: number): void {
  const path = localPath(written);
  if (path !== undefined) found.push({ path, line, column });
}

/** The file part of a local address, decoded: undefined for an address that leaves the page's site or names nothing. */
function localPath(written: string): string | undefined {
  const url = written.trim();
  if (url === "" || NOT_LOCAL.test(url)) return undefined;
  const file = url.replace(/[?#].*$/s, "");
  if (file === "" || file === "/") return undefined;
  try {
    return decodeURIComponent(file);
  } catch {
    return file;
  }
}

/** Code spans become spaces, so that columns stay where they are written. */
function withoutCodeSpans(text: string): string {
  let result = "";
  let from = 0;
  for (let i = text.indexOf("`"); i !== -1; i = text.indexOf("`", from)) {
    const { run, end } = codeSpanAt(text, i);
    if (end === -1) {
      from = i + run.length;
      continue;
    }
    result += text.slice(from, i) + " ".repeat(end + run.length - i);
    from = end + run.length;
  }
  return result + text.slice(from);
}

/** `[texte](dest "titre")`, `![alt](<dest avec espaces>)` and `[ref]: dest`. */
function addMarkdownReferences(found: AttachmentReference[], text: string, line: number): void {
  const definition = REFERENCE_DEFINITION.exec(text);
  if (definition) {
    const start = definition[0].length;
    push(found, destinationAt(text, start).destination, line, start + 1);
  }
  for (let i = text.indexOf("]("); i !== -1; i = text.indexOf("](", i)) {
    const start = i + 2;
    const { destination, end } = destinationAt(text, start);
    push(found, destination, line, start + 1);
    i = Math.max(end, start);
  }
}

/** The link destination written at `start`, as CommonMark reads it, and where it ends. */
function destinationAt(text: string, start: number): { destination: string; end: number } {
  let i = start;
  while (text[i] === " " || text[i] === "\t") i++;
  if (text[i] === "<") {
    const close = text.indexOf(">", i + 1);
    return close === -1 ? { destination: "", end: i + 1 } : { destination: text.slice(i + 1, close), end: close + 1 };
  }
  const from = i;
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === " " || ch === "\t") break;
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth === 0) break;
      depth--;
    }
  }
  return { destination: text.slice(from, i).replace(/\\(.)/g, "$1"), end: i };
}

/** Every file attribute of the HTML tags in a run of consecutive lines, at the place of its tag. */
function addHtmlReferences(found: AttachmentReference[], run: readonly BodyLine[]): void {
  const chunk = run.map((l) => l.text).join("\n");
  if (!chunk.includes("<")) return;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const { text } of run) {
    lineStarts.push(offset);
    offset += text.length + 1;
  }
  let lineIndex = 0;
  const parser = new Parser({
    onopentag(_name, attributes) {
      // Tags come in order: the line of each is found by walking on from the previous one.
      while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= parser.startIndex) lineIndex++;
      const column = parser.startIndex - lineStarts[lineIndex]! + 1;
      for (const [name, value] of Object.entries(attributes)) {
        if (URL_ATTRIBUTES.has(name)) push(found, value, run[lineIndex]!.line, column);
      }
    },
  });
  parser.end(chunk);
}
