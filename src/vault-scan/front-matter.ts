import matter from "gray-matter";

export interface FrontMatterError {
  readonly code: "yaml-invalide" | "yaml-non-ferme" | "en-tete-pas-un-objet";
  /** 1-based line and column in the whole file. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface FrontMatter {
  readonly data: Readonly<Record<string, unknown>>;
  /** The raw YAML text, for recovering what YAML drops (a "#tag" read as a comment). */
  readonly raw: string;
  readonly body: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyStartLine: number;
  readonly error?: FrontMatterError;
}

interface YamlException {
  readonly name: "YAMLException";
  readonly reason: string;
  readonly mark?: { readonly line: number; readonly column: number };
}

/** The part of gray-matter the scan uses: its YAML parser (js-yaml 3, safe schema), exported untyped as `matter.engines`. */
interface GrayMatterEngines {
  readonly engines: { readonly yaml: { readonly parse: (yaml: string) => unknown } };
}

const parseYaml = (matter as unknown as GrayMatterEngines).engines.yaml.parse;

const OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;
// Only "---" closes the front matter for gray-matter, hence for Eleventy: YAML's "..." does not.
const CLOSING = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;

/** Splits and parses the YAML front matter the way Eleventy does (gray-matter), never throwing. */
export function readFrontMatter(source: string): FrontMatter {
  const unmarked = source.startsWith("\uFEFF") ? source.slice(1) : source;
  // A lone "\r" (old Mac files) ends a line for Markdown and for editors, but gray-matter only closes on "\n".
  // NUL becomes U+FFFD, as CommonMark (markdown-it) requires: titles and summaries then match the rendered text.
  const text = unmarked.replace(/\r(?!\n)/g, "\n").replace(/\0/g, "\uFFFD");
  const otherLanguage = otherLanguageFence(unmarked);
  if (otherLanguage) return { data: {}, raw: "", body: text, bodyStartLine: 1, error: otherLanguage };
  if (!OPENING.test(text)) return { data: {}, raw: "", body: text, bodyStartLine: 1 };
  if (!CLOSING.test(text.slice(3))) {
    return {
      data: {},
      raw: "",
      body: text,
      bodyStartLine: 1,
      error: {
        code: "yaml-non-ferme",
        line: 1,
        column: 1,
        message: "L'en-tête ouvert par « --- » n'est jamais fermé. Ajoutez une ligne « --- » à la fin de l'en-tête, avant le texte de la note.",
      },
    };
  }
  const { raw, body } = splitFrontMatter(text);
  const bodyStartLine = countLines(text.slice(0, text.length - body.length)) + 1;
  try {
    const data = parseFrontMatterYaml(raw);
    if (typeof data !== "object" || Array.isArray(data)) {
      return {
        data: {},
        raw,
        body,
        bodyStartLine,
        error: {
          code: "en-tete-pas-un-objet",
          line: 2,
          column: 1,
          message: "L'en-tête doit être une suite de champs « nom: valeur » (par exemple « tags: question »), pas une liste ni un texte seul.",
        },
      };
    }
    return { data: data as Record<string, unknown>, raw, body, bodyStartLine };
  } catch (error) {
    if (error instanceof RangeError) {
      // js-yaml recurses once per nested "[" or "{": tens of thousands of them exhaust the stack.
      const message = "L'en-tête YAML imbrique trop de listes ou d'objets les uns dans les autres pour être lu. Une note n'a besoin que de champs « nom: valeur » : simplifiez-le.";
      return { data: {}, raw: "", body: text, bodyStartLine: 1, error: { code: "yaml-invalide", line: 2, column: 1, message } };
    }
    if (!isYamlException(error)) throw error;
    return { data: {}, raw: "", body: text, bodyStartLine: 1, error: yamlError(text, error) };
  }
}

/**
 * Cuts a text that opens with "---" and a line break into its front matter and body, exactly as gray-matter (hence
 * Eleventy) cuts it: the front matter ends at the first line starting with "---", and one line break after that
 * line's "---" is dropped. Calling gray-matter itself costs more than the YAML: it copies every file into a Buffer
 * and merges its options twice per file.
 */
function splitFrontMatter(text: string): { raw: string; body: string } {
  const rest = text.slice(3);
  const close = rest.indexOf("\n---");
  if (close === -1) return { raw: rest, body: "" };
  let body = rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { raw: rest.slice(0, close), body };
}

/** The front matter's data as gray-matter gives it: {} when it holds only comments, or YAML's null. */
function parseFrontMatterYaml(raw: string): unknown {
  if (holdsOnlyComments(raw)) return {};
  return parseYaml(raw) ?? {};
}

const WHITESPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Whether gray-matter's test `text.replace(/^\s*#[^\n]+/gm, "").trim() === ""` holds, in one pass: that regular
 * expression takes quadratic time on a long run of blank lines, as every line start scans all the blank lines after
 * it. Each character that is not whitespace must be a "#" reached from a line start through whitespace only, and
 * followed on its line by another character; the comment then runs to the next "\n".
 */
function holdsOnlyComments(text: string): boolean {
  let fromLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (WHITESPACE.test(ch)) {
      if (LINE_BREAK.test(ch)) fromLineStart = true;
      continue;
    }
    if (!fromLineStart || ch !== "#" || i + 1 === text.length || text[i + 1] === "\n") return false;
    const end = text.indexOf("\n", i + 1);
    if (end === -1) return true;
    i = end - 1;
    fromLineStart = false;
  }
  return true;
}

/**
 * gray-matter, hence Eleventy, reads a first line such as "---js" or "--- Notes" as a front matter in another
 * language than YAML (JavaScript would even run at build time), where Obsidian sees no front matter at all. This
 * mirrors gray-matter on the raw text, so that such a note stops the build before Eleventy reads it.
 */
function otherLanguageFence(text: string): FrontMatterError | undefined {
  if (!text.startsWith("---") || text[3] === "-") return undefined;
  const rest = text.slice(3);
  const language = rest.slice(0, rest.search(/\r?\n/));
  if (language.trim() === "") return undefined;
  const after = rest.slice(language.length);
  const close = after.indexOf("\n---");
  if (holdsOnlyComments(close === -1 ? after : after.slice(0, close))) return undefined;
  const message = language.includes("\r")
    ? "Les lignes de la note finissent par un retour chariot seul (ancien format Mac) : le générateur du site ne trouverait pas la fin de l'en-tête. Enregistrez la note avec des fins de ligne ordinaires."
    : `La note commence par « ---${language.trimEnd()} » : Obsidian n'y voit pas d'en-tête, mais le générateur du site lirait la suite comme un en-tête écrit en « ${language.trim()} ». Écrivez « --- » seul sur la première ligne pour ouvrir un en-tête, ou commencez la note par un autre texte.`;
  return { code: "yaml-invalide", line: 1, column: 1, message };
}

function isYamlException(error: unknown): error is YamlException {
  return error instanceof Error && error.name === "YAMLException";
}

/** Translates a js-yaml error into a French message at file:line, quoting the line and hinting at the usual cause. */
function yamlError(text: string, error: YamlException): FrontMatterError {
  const fileLines = text.split(/\r\n|\r|\n/);
  const closingIndex = fileLines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  // gray-matter hands js-yaml the text from the end of the opening "---" line: its 0-based line is the file's index.
  const reported = Math.max(1, Math.min(error.mark?.line ?? 1, closingIndex - 1));
  const hint = yamlHint(fileLines, closingIndex, reported);
  const lineIndex = hint?.lineIndex ?? reported;
  const column = hint?.column ?? (error.mark?.column ?? 0) + 1;
  const quoted = fileLines[lineIndex]?.trim() ?? "";
  return {
    code: "yaml-invalide",
    line: lineIndex + 1,
    column,
    message: `L'en-tête YAML est illisible à la ligne « ${quoted} ». ${hint?.advice ?? "Vérifiez la syntaxe « nom: valeur » de cette ligne."}`,
  };
}

interface Hint {
  readonly lineIndex: number;
  readonly column: number;
  readonly advice: string;
}

const KEY_VALUE = /^\s*(?:-\s+)?[^:#\s][^:]*:\s+(.*)$/;

/**
 * The classic mistakes, looked for where js-yaml stopped and then upwards: an unclosed quote or bracket is
 * reported by js-yaml lines later, where the text it swallowed ends.
 */
function yamlHint(fileLines: readonly string[], closingIndex: number, reported: number): Hint | undefined {
  const closedLater = lastPlaces(fileLines, closingIndex);
  for (let lineIndex = reported; lineIndex >= 1; lineIndex--) {
    const text = fileLines[lineIndex] ?? "";
    if (/^\s*\t/.test(text)) {
      return { lineIndex, column: text.indexOf("\t") + 1, advice: "Une tabulation y sert de retrait : YAML n'accepte que des espaces. Remplacez la tabulation par deux espaces." };
    }
    const value = KEY_VALUE.exec(text)?.[1] ?? "";
    const opening = value[0];
    const valueStart = text.length - value.length;
    if (opening === '"' || opening === "'") {
      if (!closedLater(opening, lineIndex, valueStart + 1)) {
        return { lineIndex, column: valueStart + 1, advice: `Le guillemet ${opening} ouvert ici n'est jamais refermé. Ajoutez ${opening} à la fin de la valeur.` };
      }
    } else if (opening === "[" || opening === "{") {
      const closing = opening === "[" ? "]" : "}";
      if (!closedLater(closing, lineIndex, valueStart)) {
        return { lineIndex, column: valueStart + 1, advice: `Le « ${opening} » ouvert ici n'est jamais refermé. Ajoutez « ${closing} » à la fin de la valeur, par exemple : tags: [question, ressource].` };
      }
    } else if (lineIndex === reported && /:\s/.test(value)) {
      return { lineIndex, column: valueStart + 1, advice: "La valeur contient « : » suivi d'un espace. Mettez toute la valeur entre guillemets, par exemple : titre: \"Musée : mode d'emploi\"." };
    }
  }
  return undefined;
}

/** The line of the file where the front matter's `key:` is written (its key maybe quoted), and its text. */
export function lineOfKey(rawYaml: string, key: string): { line: number; text: string } | undefined {
  const lines = rawYaml.split(/\r\n|\r|\n/);
  const index = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
  return index === -1 ? undefined : { line: index + 1, text: lines[index]! };
}

/**
 * Whether a quote or bracket appears in the front matter at or after a column of a line. Where each one appears last
 * is found once: asking for every line the text after it would take quadratic time on a long front matter.
 */
function lastPlaces(fileLines: readonly string[], closingIndex: number): (ch: string, lineIndex: number, column: number) => boolean {
  const last = new Map<string, { lineIndex: number; column: number }>();
  for (const ch of ['"', "'", "]", "}"]) {
    for (let lineIndex = closingIndex - 1; lineIndex >= 1; lineIndex--) {
      const column = fileLines[lineIndex]!.lastIndexOf(ch);
      if (column !== -1) {
        last.set(ch, { lineIndex, column });
        break;
      }
    }
  }
  return (ch, lineIndex, column) => {
    const place = last.get(ch);
    return place !== undefined && (place.lineIndex > lineIndex || (place.lineIndex === lineIndex && place.column >= column));
  };
}

/** How many line breaks `text` holds, whatever the line endings. */
export function countLines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}
