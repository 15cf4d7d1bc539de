import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { resolveLink } from "../../src/link-graph/resolve-link.js";
import { fileUrl, toVaultPath } from "../../src/vault-scan/paths.js";
import { tagUrl } from "../../src/vault-scan/tags.js";
import { fixtureDir, memoryVault, parse, rendererOf } from "../helpers.js";

/**
 * Property-based fuzzing of the scan, the resolver and the Markdown rules, with a fixed seed so that a failure
 * replays. Inputs mix the seed notes of notes/ and tests/fixtures/render-vault/ with wikilink fragments, brackets,
 * pipes, hashes, front-matter fences, and Unicode: NFD, right-to-left, emoji and joiners.
 */

const SEED = 20261122;
const NOTES = fileURLToPath(new URL("../../notes", import.meta.url));
const RENDER_VAULT = fixtureDir("render-vault");

function markdownFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

const SOURCES = { ...markdownFiles(RENDER_VAULT), ...markdownFiles(NOTES) };
const ASSETS = readdirSync(RENDER_VAULT).filter((f) => !f.endsWith(".md"));
const garden = rendererOf(memoryVault(SOURCES, ASSETS));
const FROM = "Lecteur.md";
const from = garden.graph.index.byFile.get(toVaultPath(FROM))!;
const normalize = (href: string): string => garden.md.normalizeLink(href);

/** Where a generated link may lead: each published note, with any of its heading or block anchors, and each file. */
const NOTE_PAGES = new Map(garden.graph.published.map((n) => [normalize(n.url), new Set([...n.outline.headings.map((h) => h.id), ...[...n.outline.blockIds].map((b) => `^${b}`)])]));
const FILES = new Set(ASSETS.map((a) => normalize(fileUrl(toVaultPath(a)))));

const NAMES = [
  ...garden.graph.notes.flatMap((n) => [n.name, n.title, ...n.aliases]),
  ...garden.graph.notes.flatMap((n) => n.outline.headings.map((h) => `${n.name}#${h.text}`)),
  ...ASSETS,
  "Cible#^inconnu",
  "Note à écrire",
  "../../etc/passwd",
  "/etc/passwd",
];
const UNICODE = ["é", "e\u0301", "Ame\u0301lie", "\u202Eetrevni\u202C", "\u200F", "שלום", "مرحبا", "👩‍👩‍👧", "👍🏽", "\u200D", "\u00A0", "\uFEFF", "𝔘𝔫𝔦", "ǅ", "ﬁ", "\u0000", "\t"];
const DANGERS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)', "javascript:alert(1)", "&lt;b&gt;", "{{ 6 * 7 }}", "${1}"];
const FRAGMENTS = ["[[", "]]", "|", "\\|", "#", "^", "!", "[", "]", "![[", "[[#", "#^", "`", "``", "*", "**", "_", "~~", "==", "\\"];
const LINKS = ["[texte](https://example.org/page)", "[t](http://exemple.fr/a?b=c#d)", "<https://example.net/auto>", "https://example.com/nu", "mailto:ecrire@example.org", "[x](javascript:alert(1))", "[y](data:text/html,x)", "[z](vbscript:x)", "![i](https://example.org/i.png)"];

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9]{1,8}$/);
const unicode = fc.constantFrom(...UNICODE);
const name = fc.constantFrom(...NAMES, ...NAMES.map((n) => n.normalize("NFD")), ...NAMES.map((n) => n.toUpperCase()));

/** A label with no "]]", "[[" or line break, so the wikilink around it always holds. */
const label = fc.array(fc.oneof(word, unicode, fc.constantFrom(...DANGERS, "#", "^", " ", "|", "300")), { maxLength: 4 }).map((parts) => parts.join(""));
const wikilink = fc
  .record({ embed: fc.boolean(), target: name, label: fc.option(label, { nil: undefined }) })
  .map(({ embed, target, label: text }) => `${embed ? "!" : ""}[[${target}${text === undefined ? "" : `|${text}`}]]`);
const inlinePiece = fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: unicode }, { weight: 4, arbitrary: wikilink }, { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.constantFrom(...LINKS) });
/** Inline text that starts with a word, so that no line opens an HTML block or a code block by accident. */
const inline = fc.tuple(word, fc.array(inlinePiece, { maxLength: 10 })).map(([first, rest]) => [first, ...rest].join(" "));
/** In a table, a wikilink's "|" is written "\\|", as Obsidian writes it, or it would split the cell. */
const inCell = (text: string): string => text.replace(/(\[\[[^\]|]*)\|/g, "$1\\|");
const dangerousHeading = fc.tuple(fc.constantFrom("# ", "## ", "### "), inline, fc.constantFrom(...DANGERS)).map(([marks, text, danger]) => `${marks}${text} ${danger}`);
const line = fc.oneof(
  { weight: 6, arbitrary: inline },
  { weight: 2, arbitrary: dangerousHeading },
  { weight: 1, arbitrary: wikilink.map((link) => `\n${link}\n`) },
  { weight: 1, arbitrary: inline.map((t) => `- ${t}`) },
  { weight: 1, arbitrary: inline.map((t) => `1. ${t}`) },
  { weight: 1, arbitrary: inline.map((t) => `> ${t}`) },
  { weight: 1, arbitrary: fc.tuple(inline, inline).map(([a, b]) => `| ${inCell(a)} | ${inCell(b)} |\n|---|---|\n| ${inCell(b)} | ${inCell(a)} |\n`) },
  { weight: 1, arbitrary: inline.map((t) => `${t} ^bloc${t.length % 3}`) },
  { weight: 1, arbitrary: fc.constantFrom("", "---", "```", "***", "===") },
);
/** Markdown with no raw HTML outside wikilink labels and headings, where it must stay text. */
const strictMarkdown = fc.array(line, { maxLength: 14 }).map((lines) => lines.join("\n"));

/** A seed note with fragments, Unicode and raw HTML inserted, or a stretch of it cut or repeated. */
const mutatedNote = fc
  .tuple(
    fc.constantFrom(...Object.values(SOURCES)),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...FRAGMENTS, ...UNICODE, ...DANGERS, ...LINKS, "\n", "\n\n", "---\n", "<b>", "</div>"), wikilink)), { maxLength: 8 }),
  )
  .map(([seed, edits]) =>
    edits.reduce((text, [at, length, insert], i) => {
      const start = at % (text.length + 1);
      if (i % 3 === 2) return text.slice(0, start) + text.slice(start, start + length).repeat(2) + text.slice(start + length);
      return text.slice(0, start) + insert + text.slice(i % 3 === 1 ? start + length : start);
    }, seed),
  );

type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

function elementsOf(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const child of node.childNodes) {
    if ("tagName" in child) found.push(child, ...elementsOf(child));
  }
  return found;
}

const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr"]);
// Errors about single characters of the text (a control character, a lone surrogate), not about structure.
const CHARACTER_ERRORS = new Set(["control-character-in-input-stream", "noncharacter-in-input-stream", "surrogate-in-input-stream"]);

/**
 * Why `html` is not well formed, if it is not: every element opened must be closed in order (read from the tags
 * themselves), and an HTML5 parser must build exactly these elements, in this order, without structural errors.
 */
function structureProblems(html: string): string[] {
  const problems: string[] = [];
  const opened: string[] = [];
  const stack: string[] = [];
  for (const [, slash, tag] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    if (slash) {
      if (stack.pop() !== tag) problems.push(`</${tag}> ferme un autre élément`);
    } else {
      opened.push(tag!);
      if (!VOID.has(tag!)) stack.push(tag!);
    }
  }
  if (stack.length > 0) problems.push(`jamais fermés : ${stack.join(", ")}`);
  const errors: string[] = [];
  const parsed = elementsOf(parseFragment(html, { onParseError: (e) => errors.push(e.code) })).map((e) => e.tagName);
  problems.push(...errors.filter((code) => !CHARACTER_ERRORS.has(code)).map((code) => `erreur d'analyse ${code}`));
  if (parsed.join(" ") !== opened.join(" ")) problems.push(`l'analyseur lit ${parsed.join(" ")} au lieu de ${opened.join(" ")}`);
  return problems;
}

interface LinkRules {
  readonly input: string;
  /** Mutated notes may hold links their author wrote: any address written in the input is theirs. */
  readonly authored: boolean;
  /** The pages of the tags the scan read in the note, as hrefs: its tags of the text link there. */
  readonly tagPages?: ReadonlySet<string>;
}

function hrefProblem(href: string, rules: LinkRules): string | undefined {
  if (href.startsWith("#")) return undefined;
  const [base = "", fragment] = href.split("#", 2);
  const anchors = NOTE_PAGES.get(base);
  if (anchors) return fragment === undefined || anchors.has(decodeURIComponent(fragment)) ? undefined : `ancre inconnue ${href}`;
  if (FILES.has(href) || rules.tagPages?.has(href)) return undefined;
  // A note still to be written leads to the page that lists them.
  if (href === "/notes-a-ecrire/") return undefined;
  if (/^\s*(?:javascript|vbscript|data|file):/i.test(safeDecode(href))) return `schéma interdit : ${href}`;
  // A link's address loses its escapes ("\\|") and entities ("&lt;") on the way: compare with the input read so.
  if (rules.authored && [href, safeDecode(href)].some((h) => rules.input.includes(h) || garden.md.utils.unescapeAll(rules.input).includes(h))) return undefined;
  if (/^(?:https?:|mailto:|\/\/)/i.test(href)) {
    const host = /^mailto:/i.test(href) ? href.slice("mailto:".length) : URL.canParse(href, "https://x.invalid") ? new URL(href, "https://x.invalid").hostname : href;
    // markdown-it writes a Unicode host in punycode: it is looked for in the input as written.
    const written = /^[a-z]+:\/\/([^/?#]*)/i.exec(garden.md.normalizeLinkText(href))?.[1] ?? "";
    const known = [host, written].some((h) => h !== "" && rules.input.toLowerCase().includes(h.toLowerCase()));
    return known ? undefined : `adresse externe absente de l'entrée : ${href}`;
  }
  return `lien vers aucune note connue : ${href}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Renders `markdown` as the body of Lecteur.md after scanning it and resolving its links; gives what is wrong. */
function check(markdown: string, strict: boolean): string[] {
  const scanned = parse(FROM, markdown).note;
  for (const link of scanned.outline.links) resolveLink(garden.graph.index, from, link.syntax.target);
  const tagPages = new Set(scanned.tags.map((tag) => garden.md.normalizeLink(tagUrl(tag))));
  return htmlProblems(garden.renderAs(FROM, scanned.outline.lines.join("\n")), markdown, strict, tagPages);
}

/** What is wrong with the HTML rendered from `markdown`: no script or on…= attribute may come out of any note. */
function htmlProblems(html: string, markdown: string, strict: boolean, tagPages?: ReadonlySet<string>): string[] {
  const problems = strict ? structureProblems(html) : [];
  const fragment = parseFragment(html);
  const input = `${markdown}\n${Object.values(SOURCES).join("\n")}`;
  for (const element of elementsOf(fragment)) {
    if (element.tagName === "script") problems.push("élément <script>");
    for (const { name, value } of element.attrs) {
      if (/^on/i.test(name)) problems.push(`attribut ${name}`);
      if (name === "href" || (name === "src" && element.tagName === "img")) {
        const problem = hrefProblem(value, { input, authored: !strict, ...(tagPages ? { tagPages } : {}) });
        if (problem && !(name === "src" && !strict && input.includes(value))) problems.push(problem);
      }
    }
  }
  return problems;
}

describe("fuzzing the scan, the resolver and the Markdown rules", () => {
  it("keeps generated Markdown well formed and safe: HTML in labels and headings stays text, links lead to notes or to addresses written in the input", () => {
    fc.assert(
      fc.property(strictMarkdown, (markdown) => {
        expect(check(markdown, true)).toEqual([]);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("never throws on mutated seed notes, and lets through no script, no on…= attribute, and only the links their author wrote", () => {
    fc.assert(
      fc.property(mutatedNote, (markdown) => {
        expect(check(markdown, false)).toEqual([]);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("catches what it must: an unclosed element, a script, an unknown link", () => {
    expect(structureProblems("<p><a href=\"/x/\">x</p>")).not.toEqual([]);
    expect(structureProblems("<p>x</p><div>")).not.toEqual([]);
    expect(structureProblems("<p><div>x</div></p>")).not.toEqual([]);
    expect(structureProblems("<p><em>x</em></p>\n<ul>\n<li>y</li>\n</ul>")).toEqual([]);
    expect(hrefProblem("/nulle-part/", { input: "", authored: false })).toBeDefined();
    expect(hrefProblem("https://pirate.example/", { input: "https://example.org", authored: false })).toBeDefined();
    expect(hrefProblem("/cible/#seconde-partie", { input: "", authored: false })).toBeUndefined();
    expect(hrefProblem("/tags/mot/", { input: "", authored: false })).toBeDefined();
    expect(hrefProblem("/tags/mot/", { input: "", authored: false, tagPages: new Set(["/tags/mot/"]) })).toBeUndefined();
    expect(htmlProblems('<p>Texte <script>alert(1)</script> <b onclick="alert(2)">b</b></p>', "", false)).toEqual(["élément <script>", "attribut onclick"]);
    expect(check('Texte <script>alert(1)</script> <b onclick="alert(2)">b</b>', false)).toEqual([]);
  });
});
