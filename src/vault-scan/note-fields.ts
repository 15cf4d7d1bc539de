import { countLines } from "./front-matter.js";
import { normaliseTag } from "./tags.js";

/** Front-matter fields as editors write them, read leniently: strings, lists, or missing. */

export function stringList(value: unknown): string[] {
  return collectStrings(value, new Set());
}

/**
 * YAML anchors let one list hold the same list many times over ("billion laughs"): nine aliases nested eight deep
 * make 43 million strings. Each list is read once; its repeats add nothing, as tags and aliases are kept once anyway.
 */
function collectStrings(value: unknown, seen: Set<unknown>): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (!Array.isArray(value) || seen.has(value)) return [];
  seen.add(value);
  return value.flatMap((item) => collectStrings(item, seen));
}

/** "#Liens, stratégie" and ["liens", "#Stratégie"] both give ["liens", "stratégie"]. */
export function normaliseTags(value: unknown): string[] {
  const tags = stringList(value)
    .flatMap((s) => s.split(/[\s,]+/))
    .map(normaliseTag)
    .filter(Boolean);
  return [...new Set(tags)];
}

export function aliasesOf(data: Readonly<Record<string, unknown>>): string[] {
  const aliases = [...stringList(data["aliases"]), ...stringList(data["alias"])]
    .map((a) => a.trim().normalize("NFC"))
    .filter(Boolean);
  return [...new Set(aliases)];
}

// "#question" is a tag YAML read as a comment; "# à compléter", with a space, is a real comment.
const TAG_LINE = /^(tags?)[ \t]*:[ \t]*(#[^\s#].*)$/m;

/**
 * "tags: #question" is a YAML comment, so YAML reads no tag at all. Obsidian users write it that way all the
 * time, so the tags are read back from the raw line; the caller warns the editor.
 */
export function tagsLostToComment(rawYaml: string): { key: string; tags: string[]; lineOffset: number } | undefined {
  const match = TAG_LINE.exec(rawYaml);
  if (!match) return undefined;
  const tags = normaliseTags(match[2]);
  if (tags.length === 0) return undefined;
  const lineOffset = countLines(rawYaml.slice(0, match.index));
  return { key: match[1]!, tags, lineOffset };
}
