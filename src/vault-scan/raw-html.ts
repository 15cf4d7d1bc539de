import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { htmlRemovals, type HtmlRemoval } from "./html/html-removals.js";
import { notesMarkdownIt } from "./markdown-headings.js";
import type { VaultPath } from "./paths.js";
import { problemAt, type Problem } from "./problem.js";
import { parseWikilinkAt } from "./wikilink-syntax.js";

/** Only a note with something that starts like a tag or a comment can hold raw HTML: the others are not parsed. */
const MAYBE_HTML = /<[A-Za-z!?/]/;

let parser: MarkdownIt | undefined;

/**
 * markdown-it cuts a note into raw HTML pieces as the renderer does. A wikilink is consumed whole, as the renderer
 * makes it a link: "[[<b>x</b>]]" holds no HTML. Loaded on first use, like the sanitiser: most notes hold no HTML.
 */
function htmlParser(): MarkdownIt {
  if (parser) return parser;
  parser = notesMarkdownIt();
  parser.inline.ruler.before("link", "wikilink", (state) => {
    const code = state.src.charCodeAt(state.pos);
    if (code !== 0x5b /* [ */ && code !== 0x21 /* ! */) return false;
    const syntax = parseWikilinkAt(state.src, state.pos);
    if (!syntax) return false;
    state.pos += syntax.length;
    return true;
  });
  return parser;
}

interface HtmlPiece {
  readonly html: string;
  /** Its first line, counted from the first line of the body (0). */
  readonly line: number;
  /** Whether it starts a line: true for an html_block, whose offsets then give columns. */
  readonly block: boolean;
}

/**
 * An `avertissement html-retire` for each thing the site removes from the raw HTML of a note (see
 * src/vault-scan/html/html-policy.ts), at the line where it is written.
 */
export function rawHtmlProblems(file: VaultPath, body: string, firstLine: number): Problem[] {
  if (!MAYBE_HTML.test(body)) return [];
  const problems: Problem[] = [];
  const pieces = htmlPieces(htmlParser().parse(body, {}));
  if (pieces.length === 0) return problems;
  htmlRemovals(pieces.map((p) => p.html)).forEach((removals, i) => {
    if (removals.length === 0) return;
    const piece = pieces[i]!;
    const where = positions(piece.html);
    for (const removal of removals) {
      const { line, column } = where(removal.offset);
      problems.push(problemAt({ file, line: firstLine + piece.line + line, column: piece.block ? column : 1 }, "html-retire", messageOf(removal)));
    }
  });
  return problems;
}

function htmlPieces(tokens: readonly Token[]): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  for (const token of tokens) {
    if (token.type === "html_block") pieces.push({ html: token.content, line: token.map?.[0] ?? 0, block: true });
    if (token.type !== "inline" || !token.children) continue;
    let line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      if (child.type !== "html_inline") continue;
      pieces.push({ html: child.content, line, block: false });
      line += lineBreaks(child.content);
    }
  }
  return pieces;
}

/** Line (from the piece's first, 0) and column (1-based) of offsets in `html`, read forward from the last one asked. */
function positions(html: string): (offset: number) => { line: number; column: number } {
  let at = 0;
  let line = 0;
  let lineStart = 0;
  return (offset) => {
    if (offset < at) [at, line, lineStart] = [0, 0, 0];
    for (let i = html.indexOf("\n", at); i !== -1 && i < offset; i = html.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    at = offset;
    return { line, column: offset - lineStart + 1 };
  };
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

const POLICY_HINT = "une note ne garde que le HTML de mise en forme, listé au paragraphe « Vie privée » du README";

function messageOf(removal: HtmlRemoval): string {
  switch (removal.kind) {
    case "tag":
      return `La balise <${removal.tag}> est retirée de la page${removal.withContent ? ", avec son contenu" : ""} : ${POLICY_HINT}. Supprimez-la, ou écrivez ce passage en Markdown.`;
    case "attribute":
      return `L'attribut ${removal.attribute} de <${removal.tag}> est retiré de la page : ${POLICY_HINT}. Supprimez cet attribut.`;
    case "address":
      return `L'adresse « ${shortened(removal.value)} » de l'attribut ${removal.attribute} de <${removal.tag}> est retirée de la page : seules les adresses http, https, mailto, tel ou relatives sont gardées. Corrigez l'adresse.`;
    case "unclosed":
      return "Un commentaire <!-- ou une balise qui commence ici n'est jamais fermé : ce qui le suit est retiré de la page, jusqu'à la fin de la note pour un commentaire. Fermez le commentaire par --> ou la balise par >.";
  }
}

/** An address as a one-line quote: its line breaks and other control characters, which hide a scheme, become spaces. */
function shortened(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
