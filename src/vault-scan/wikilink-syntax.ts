/** What a wikilink points at, once its text is trimmed, stripped of ".md", split and NFC-normalised. */
export interface WikilinkTarget {
  /** The note part; empty for a link within the same page ("[[#Section]]"). */
  readonly note: string;
  readonly heading?: string;
  readonly block?: string;
}

export interface WikilinkSyntax {
  readonly embed: boolean;
  readonly target: WikilinkTarget;
  /** The text after the first "|", when there is any. */
  readonly label?: string;
  /** Characters from the "!" or first "[" to the last "]". */
  readonly length: number;
}

const OPEN = "[[";
const CLOSE = "]]";

/**
 * Reads "[[…]]" or "![[…]]" at `pos`, or gives null when the text there is not a wikilink Obsidian would draw:
 * "[[]]", "[[|x]]", "[[#]]", a link broken over two lines, or one holding another "[[".
 */
export function parseWikilinkAt(src: string, pos: number): WikilinkSyntax | null {
  const embed = src.charCodeAt(pos) === 0x21; /* ! */
  const open = embed ? pos + 1 : pos;
  if (!src.startsWith(OPEN, open)) return null;
  const close = closingOf(src, open + OPEN.length);
  if (close === -1) return null;
  const inner = src.slice(open + OPEN.length, close);

  const pipe = inner.indexOf("|");
  // Inside a table, Obsidian writes the separator as "\|" so that the table keeps its columns.
  const targetText = pipe === -1 ? inner : inner.slice(0, inner[pipe - 1] === "\\" ? pipe - 1 : pipe);
  const target = parseTarget(targetText);
  if (target === null) return null;
  const label = pipe === -1 ? undefined : inner.slice(pipe + 1).trim();
  // The optional label last: V8 builds an object with a spread amid its properties about three times slower, and this
  // runs for every link of every note.
  return { embed, target, length: close + CLOSE.length - pos, ...(label ? { label } : {}) };
}

/**
 * Where the "]]" closing a link whose text starts at `from` is, or -1 when a line break or another "[[" comes first.
 * Stopping there keeps a long line full of "[[" linear to read: searching it for "]]" from each "[[" was quadratic.
 */
function closingOf(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const code = src.charCodeAt(i);
    if (code === 0x0a /* \n */ || code === 0x0d /* \r */) return -1;
    if (code === 0x5d /* ] */ && src.charCodeAt(i + 1) === 0x5d) return i;
    if (code === 0x5b /* [ */ && src.charCodeAt(i + 1) === 0x5b) return -1;
  }
  return -1;
}

export function parseTarget(text: string): WikilinkTarget | null {
  const hash = text.indexOf("#");
  const notePart = (hash === -1 ? text : text.slice(0, hash)).trim().replace(/\.md$/i, "").trim();
  const fragments = hash === -1 ? [] : text.slice(hash + 1).split("#").map((f) => f.trim()).filter(Boolean);
  const last = fragments.at(-1);
  const note = notePart.normalize("NFC");
  if (note === "" && last === undefined) return null;
  if (last === undefined) return { note };
  if (last.startsWith("^")) {
    const block = last.slice(1).trim();
    // "[[#^]]" names nothing, like "[[#]]": it stays text rather than becoming an empty link.
    if (block === "") return note === "" ? null : { note };
    return { note, block: block.normalize("NFC") };
  }
  return { note, heading: last.normalize("NFC") };
}

/** The text a link shows when the author gave no label, as Obsidian shows it: "Note", "Note > Section", "Section". */
export function defaultLabel(target: WikilinkTarget): string {
  const fragment = target.heading ?? (target.block === undefined ? undefined : `^${target.block}`);
  if (fragment === undefined) return target.note;
  return target.note === "" ? fragment : `${target.note} > ${fragment}`;
}

/** The target as an editor would write it inside the brackets, for messages. */
export function targetText(target: WikilinkTarget): string {
  return target.note + (target.heading !== undefined ? `#${target.heading}` : "") + (target.block !== undefined ? `#^${target.block}` : "");
}

export interface EmbedOptions {
  readonly alt?: string;
  readonly width?: number;
  readonly height?: number;
}

/** "![[photo.png|Une salle|300]]", "![[photo.png|300x200]]": the alt text and size of an embedded image. */
export function parseEmbedLabel(label: string | undefined): EmbedOptions {
  if (label === undefined) return {};
  const parts = label.split("|").map((p) => p.trim());
  const size = /^(\d{1,5})(?:x(\d{1,5}))?$/.exec(parts.at(-1) ?? "");
  const altParts = size ? parts.slice(0, -1) : parts;
  const alt = altParts.join("|").trim();
  return {
    ...(alt ? { alt } : {}),
    ...(size ? { width: Number(size[1]) } : {}),
    ...(size?.[2] ? { height: Number(size[2]) } : {}),
  };
}
