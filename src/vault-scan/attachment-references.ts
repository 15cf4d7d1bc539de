import { safeDecode } from "./paths.js";
import { Parser } from "htmlparser2";
import { codeSpanAt } from "./plain-text.js";

/**
 * What a reference names: a Markdown link or an HTML `<a href>` ("link"), which may lead to a note or a file; a
 * Markdown image or an HTML `<img src>` ("image"); anything else (a reference definition, `<source src>`, `poster`,
 * `data`), which may name a file.
 */
export type ReferenceKind = "link" | "image" | "file";

/**
 * An address within the vault or the site that a note names outside wikilinks: a Markdown link or image, or an HTML
 * `src`, `href`, `poster` or `data`. Relative and root-absolute paths, the site's own address, and links copied from
 * the Obsidian app (`app://obsidian.md/…`, `obsidian://open?…`).
 */
export interface AttachmentReference {
  /** The path as written, decoded, without its "?query" or "#fragment": "/images/salle.png", "docs/plan.pdf". */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly kind: ReferenceKind;
  /** The address as written, backslash escapes removed: the renderer finds the link by it (see linkKey). */
  readonly written: string;
  /** The decoded text after "#": a heading, or "^bloc". */
  readonly fragment?: string;
  /** Set for an address copied from the Obsidian app, which only opens in the app. */
  readonly fromObsidian?: boolean;
  /** The line of the note, with where the whole link or tag starts and ends: its backlinks' context. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
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
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** What may follow a link's address: its closing parenthesis, or a title after a space. */
const LINK_END = /\)|[ \t]*$|[ \t]+["'(]/y;

/**
 * The addresses within the vault or the site named by Markdown links and images, reference definitions and HTML
 * attributes (`src`, `href`…) of `lines` (consecutive or not, each at most once), code spans left out. One pass over
 * each line, and one HTML tokenizer pass over each run of consecutive lines, so that a tag spread over several lines
 * is read whole. `siteHosts` are the host names of the site's own address: a link to them is internal.
 */
export function attachmentReferences(lines: readonly BodyLine[], siteHosts: ReadonlySet<string> = new Set()): AttachmentReference[] {
  const found: AttachmentReference[] = [];
  let run: BodyLine[] = [];
  for (const { text, line } of lines) {
    const visible = text.includes("`") ? withoutCodeSpans(text) : text;
    addMarkdownReferences(found, visible, line, siteHosts);
    if (run.length > 0 && run[run.length - 1]!.line !== line - 1) {
      addHtmlReferences(found, run, siteHosts);
      run = [];
    }
    run.push({ text: visible, line });
  }
  if (run.length > 0) addHtmlReferences(found, run, siteHosts);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The key under which the renderer finds a link the scan read: its address decoded, as markdown-it encodes it. */
export function linkKey(written: string): string {
  return safeDecode(written.trim());
}

interface Place {
  readonly kind: ReferenceKind;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function push(found: AttachmentReference[], written: string, place: Place, siteHosts: ReadonlySet<string>): void {
  const target = targetOf(written, siteHosts);
  if (target === undefined) return;
  const { kind, line, column, text, start, end } = place;
  found.push({
    path: target.path,
    line,
    column,
    kind,
    written,
    ...(target.fragment !== undefined ? { fragment: target.fragment } : {}),
    ...(target.fromObsidian ? { fromObsidian: true } : {}),
    text,
    start,
    end,
  });
}

interface Target {
  readonly path: string;
  readonly fragment?: string;
  readonly fromObsidian?: boolean;
}

/**
 * The path an address names within the vault or the site, decoded: undefined for an address that leaves the site,
 * an anchor of the page, or a path naming nothing.
 */
function targetOf(written: string, siteHosts: ReadonlySet<string>): Target | undefined {
  // As a browser reads it: "java&#x09;script:" is a scheme all the same.
  const url = written.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  const scheme = SCHEME.exec(url)?.[1]!.toLowerCase();
  if (scheme === undefined) return url.startsWith("//") || url.startsWith("#") ? undefined : pathOf(url);
  if (scheme === "app" && /^app:\/\/obsidian\.md\//i.test(url)) {
    const target = pathOf(url.slice("app://obsidian.md".length));
    return target && { ...target, fromObsidian: true };
  }
  if (scheme === "obsidian") {
    const file = parsedUrl(url)?.searchParams.get("file");
    return file ? { path: file, fromObsidian: true } : undefined;
  }
  if (scheme === "http" || scheme === "https") {
    const parsed = parsedUrl(url);
    return parsed && siteHosts.has(parsed.hostname.toLowerCase()) ? pathOf(url.slice(url.indexOf(parsed.host) + parsed.host.length)) : undefined;
  }
  return undefined;
}

function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** "Dossier/Ma%20note.md?x#Titre" gives the path "Dossier/Ma note.md" and the fragment "Titre". */
function pathOf(url: string): Target | undefined {
  const cut = url.search(/[?#]/);
  const file = cut === -1 ? url : url.slice(0, cut);
  if (file === "" || file === "/") return undefined;
  const hash = url.indexOf("#");
  const fragment = hash === -1 ? "" : safeDecode(url.slice(hash + 1)).trim();
  return fragment === "" ? { path: safeDecode(file) } : { path: safeDecode(file), fragment };
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
function addMarkdownReferences(found: AttachmentReference[], text: string, line: number, siteHosts: ReadonlySet<string>): void {
  const definition = REFERENCE_DEFINITION.exec(text);
  if (definition) {
    const start = definition[0].length;
    const { destination, end } = destinationAt(text, start);
    push(found, destination, { kind: "file", line, column: start + 1, text, start: 0, end }, siteHosts);
  }
  // The "[" each "](" closes, from a stack of the brackets met so far: one walk over the line, however many links.
  const opened: number[] = [];
  let walked = 0;
  for (let i = text.indexOf("]("); i !== -1; i = text.indexOf("](", i)) {
    for (; walked < i; walked++) {
      const ch = text[walked];
      if (ch === "\\") walked++;
      else if (ch === "[") opened.push(walked);
      else if (ch === "]") opened.pop();
    }
    const open = opened.pop() ?? i;
    const image = text[open - 1] === "!";
    const start = i + 2;
    const { destination, end } = destinationAt(text, start);
    // "[a](Ma note.md)" is no link for Markdown, which ends the address at the space: only a title may follow it.
    LINK_END.lastIndex = end;
    if (LINK_END.test(text)) {
      const close = text.indexOf(")", end);
      push(found, destination, { kind: image ? "image" : "link", line, column: start + 1, text, start: image ? open - 1 : open, end: close === -1 ? end : close + 1 }, siteHosts);
    }
    i = Math.max(end, start);
    walked = i;
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
function addHtmlReferences(found: AttachmentReference[], run: readonly BodyLine[], siteHosts: ReadonlySet<string>): void {
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
    onopentag(name, attributes) {
      // Tags come in order: the line of each is found by walking on from the previous one.
      while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= parser.startIndex) lineIndex++;
      const column = parser.startIndex - lineStarts[lineIndex]! + 1;
      const text = run[lineIndex]!.text;
      const end = Math.min(text.length, parser.endIndex + 1 - lineStarts[lineIndex]!);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (!URL_ATTRIBUTES.has(attribute)) continue;
        const kind = name === "a" && attribute === "href" ? "link" : name === "img" && attribute === "src" ? "image" : "file";
        push(found, value, { kind, line: run[lineIndex]!.line, column, text, start: column - 1, end }, siteHosts);
      }
    },
  });
  parser.end(chunk);
}
