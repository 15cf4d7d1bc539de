import { describe, expect, it } from "vitest";
import { buildLinkGraph, outgoingAt, type OutgoingLink } from "../../src/link-graph/link-graph.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { memoryVault, parse, rendererOf } from "../helpers.js";

/**
 * Inputs that once took quadratic time. Each is built at about 50 KB and 100 KB and run through the code that reads
 * it (the scan and the link graph, as `npm run check` does, or the note renderer of the build); doubling the input
 * must at most triple the time. A ratio measured in the same run, never an absolute time: the best of a few runs
 * of each size, so that a pause of the machine does not count.
 */

const SMALL = 50_000;
const RUNS = 9;

/** The text `unit(i)` repeated until it is `size` characters long or more. */
function repeated(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

function timed(run: () => unknown, repeat: number): number {
  const started = performance.now();
  for (let r = 0; r < repeat; r++) run();
  return performance.now() - started;
}

/**
 * How much longer `run` takes on the input of twice the size. Both sizes run once to warm up, then in turns, the best
 * time of each kept. A run on the small input that takes a few milliseconds is repeated, the same number of times for
 * both sizes, so that each measure lasts 50 ms or more.
 */
function doublingRatio<T>(input: (size: number) => T, run: (input: T) => unknown): number {
  const [small, large] = [input(SMALL), input(2 * SMALL)];
  const repeat = Math.max(1, Math.ceil(50 / timed(() => run(small), 1)));
  timed(() => run(large), 1);
  let [bestSmall, bestLarge] = [Infinity, Infinity];
  for (let i = 0; i < RUNS; i++) {
    bestSmall = Math.min(bestSmall, timed(() => run(small), repeat));
    bestLarge = Math.min(bestLarge, timed(() => run(large), repeat));
  }
  return bestLarge / bestSmall;
}

const renderer = rendererOf(memoryVault({ "Note.md": "# Note\n" }));
const render = (markdown: string) => renderer.renderAs("Note.md", markdown);

// A ratio is measured while other test files run beside it: a retry absorbs a burst of load on the other core, while
// work that grows faster than the input fails every time.
describe("hostile inputs take linear time", { retry: 2 }, () => {
  it("a front matter of blank lines", () => {
    const note = (size: number) => `---\n${"\n".repeat(size)}title: Vide\n---\n# Vide\n`;
    const ratio = doublingRatio(note, (source) => parse("Vide.md", source));
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it("a long front matter with one duplicate key, whose error hint reads the lines above it", () => {
    const note = (size: number) => `---\n${repeated(size, (i) => `champ${i}: "valeur"\n`)}champ0: "double"\n---\n# Double\n`;
    expect(parse("Double.md", note(100)).problems.map((p) => p.code)).toEqual(["yaml-invalide"]);
    const ratio = doublingRatio(note, (source) => parse("Double.md", source));
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it('"<iframe " repeated, never closed', () => {
    const markdown = (size: number) => "<iframe ".repeat(size / 8);
    const ratio = doublingRatio(markdown, render);
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it("iframes never closed, each a whole tag", () => {
    const markdown = (size: number) => `<div>\n${'<iframe src="https://example.org/">'.repeat(size / 36)}\n</div>\n`;
    const ratio = doublingRatio(markdown, render);
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it("private comments and highlights, thousands on one line and over as many lines, in the scan and the page", () => {
    const oneLine = (size: number) => repeated(size, (i) => `%%privé ${i} \`%%\` ==mot== `);
    const manyLines = (size: number) => repeated(size, (i) => `%%privé\n[[Lien ${i}]]\n%% ==a\n`);
    expect(parse("Note.md", oneLine(100)).problems.map((p) => p.code)).toEqual(["commentaires-prives"]);
    for (const note of [oneLine, manyLines]) {
      expect(doublingRatio(note, (source) => parse("Note.md", source))).toBeLessThanOrEqual(3);
      expect(doublingRatio((size) => parse("Note.md", note(size)).note.outline.lines.join("\n"), render)).toBeLessThanOrEqual(3);
    }
  });

  it("tags and near-tags, thousands on one line and over as many lines, one tag of slashes and one nested 50,000 deep, in the scan and the page", () => {
    const oneLine = (size: number) => repeated(size, (i) => `#mot${i} #2024 C# #a//b/ [[N|#x]] `);
    const manyLines = (size: number) => repeated(size, (i) => `#niveau/${i}/
> #${i}
`);
    const slashes = (size: number) => `#a${"/".repeat(size)}#b /${"/".repeat(size)}`;
    const deep = (size: number) => `#${"a/".repeat(size / 2)}`;
    expect(parse("Note.md", oneLine(1)).note.tags).toEqual(["mot0", "a/b"]);
    for (const note of [oneLine, manyLines, slashes, deep]) {
      expect(doublingRatio(note, (source) => parse("Note.md", source))).toBeLessThanOrEqual(3);
      expect(doublingRatio(note, render)).toBeLessThanOrEqual(3);
    }
  });

  it("thousands of embeds of a section and a block that the note lacks, each said missing in the page", () => {
    const vault = (size: number) => memoryVault({ "Note.md": "# Note\n", "Lecteur.md": repeated(size, (i) => `![[Note#Partie ${i}]]\n\n![[Note#^bloc-${i}]]\n\n`) });
    const page = (size: number) => rendererOf(vault(size)).renderNote("Lecteur.md");
    expect(page(1)).toBe(
      '<p class="embed-missing" data-pagefind-ignore="">La section « Partie 0 » est introuvable dans <a href="/note/" class="wikilink">Note</a>.</p>\n' +
        '<p class="embed-missing" data-pagefind-ignore="">Le bloc « ^bloc-0 » est introuvable dans <a href="/note/" class="wikilink">Note</a>.</p>\n',
    );
    const renderers = new Map([SMALL, 2 * SMALL].map((size) => [size, rendererOf(vault(size))]));
    expect(doublingRatio((size) => renderers.get(size)!, (r) => r.renderNote("Lecteur.md"))).toBeLessThanOrEqual(3);
  });

  it("one %% never closed, before 100 KB of links, code and highlights", () => {
    const note = (size: number) => `Texte %%\n${repeated(size, (i) => `[[Lien ${i}]] \`code\` ==x== %\n`)}`;
    expect(parse("Note.md", note(100)).note.outline.links).toEqual([]);
    expect(doublingRatio(note, (source) => parse("Note.md", source))).toBeLessThanOrEqual(3);
  });

  it("identical headings, in the scan and in the rendered page", () => {
    const markdown = (size: number) => "## a\n\n".repeat(size / 6);
    expect(parse("Titres.md", markdown(24)).note.outline.headings.map((h) => h.id)).toEqual(["a", "a-2", "a-3", "a-4"]);
    expect(doublingRatio(markdown, (source) => parse("Titres.md", source))).toBeLessThanOrEqual(3);
    expect(doublingRatio(markdown, render)).toBeLessThanOrEqual(3);
  });

  it("Setext headings and headings in quotes and list items, which the scan reads with markdown-it", () => {
    const markdown = (size: number) => repeated(size, (i) => ["a\n===\n\n", "> ## a\n\n", "- # a\n\n"][i % 3]!);
    expect(parse("Titres.md", markdown(30)).note.outline.headings.map((h) => `h${h.level}#${h.id}`)).toEqual(["h1#a", "h2#a-2", "h1#a-3", "h1#a-4", "h2#a-5"]);
    expect(doublingRatio(markdown, (source) => parse("Titres.md", source))).toBeLessThanOrEqual(3);
  });

  it("one long line of list markers or quote markers, before no heading", () => {
    for (const unit of ["- ", "1.", "> "]) {
      const markdown = (size: number) => `${unit.repeat(size / 2)}x\n`;
      expect(doublingRatio(markdown, (source) => parse("Marqueurs.md", source))).toBeLessThanOrEqual(3);
    }
  });

  it("the renderer's look-up of each of thousands of distinct links on one line in the link graph", () => {
    const outgoing = (size: number) => {
      const graph = buildLinkGraph(memoryVault({ "Liens.md": repeated(size, (i) => `[[N${i}]] `) }), { reservedUrls: new Map() });
      return graph.outgoing.get(toVaultPath("Liens.md"))!;
    };
    // A copy each time, so that the look-up's index of the list is built within the time measured.
    const findEach = (links: readonly OutgoingLink[]) => {
      const list = [...links];
      return list.every((link) => outgoingAt(list, link.occurrence.line, link.occurrence.syntax.target) === link);
    };
    expect(findEach(outgoing(1000))).toBe(true);
    expect(doublingRatio(outgoing, findEach)).toBeLessThanOrEqual(3);
  });

  it("Markdown and HTML links and images, thousands on one line with unbalanced brackets, in the scan, the link graph and the page", () => {
    const note = (size: number) => repeated(size, (i) => `[[x](N${i}.md) ![i](/i${i}.png) <a href="N${i}.md">h</a> [`);
    const graphOf = (source: string) => buildLinkGraph(memoryVault({ "Liens.md": source, "N1.md": "# N1\n" }), { reservedUrls: new Map() });
    expect(graphOf(note(1000)).problems.filter((p) => p.code === "image-introuvable").length).toBeGreaterThan(10);
    expect(doublingRatio(note, graphOf)).toBeLessThanOrEqual(3);
    expect(doublingRatio(note, render)).toBeLessThanOrEqual(3);
  });

  it("Markdown links and images to nothing, thousands in one paragraph, in the page", () => {
    const note = (size: number) => repeated(size, (i) => `[a](rien${i}.md) ![b](rien${i}.png) `);
    expect(render(note(1000))).toContain('class="wikilink-missing"');
    expect(doublingRatio(note, render)).toBeLessThanOrEqual(3);
  });

  it("links to each of the identical headings of a note", () => {
    const vault = (size: number) => {
      const count = Math.round(size / 16);
      const links = Array.from({ length: count - 1 }, (_, i) => `[[Titres#a ${i + 2}]]`);
      return memoryVault({ "Titres.md": "## a\n\n".repeat(count), "Liens.md": `# Liens\n\n${links.join("\n")}\n` });
    };
    const graph = buildLinkGraph(vault(1000), { reservedUrls: new Map() });
    expect(graph.problems.filter((p) => p.code === "section-introuvable")).toEqual([]);
    expect(doublingRatio(vault, (v) => buildLinkGraph(v, { reservedUrls: new Map() }))).toBeLessThanOrEqual(3);
  });

  it("near-miss links against as many aliases", () => {
    // Aliases of about 40 characters that differ by a code of 8 letters; each link misses one by a letter.
    const code = (i: number) => {
      let state = i + 1;
      return Array.from({ length: 8 }, () => String.fromCharCode(97 + ((state = (state * 48_271) % 2_147_483_647) % 26))).join("");
    };
    const alias = (i: number) => `Stratégie numérique du musée ${code(i)}`;
    const vault = (size: number) => {
      const count = Math.round(size / 100);
      const sources: Record<string, string> = {};
      for (let i = 0; i < count; i++) sources[`Note ${i}.md`] = `---\naliases: ["${alias(i)}"]\n---\n# Note ${i}\n`;
      const links = Array.from({ length: count }, (_, i) => `[[${alias(i).replace("musée", "musé")}]]`);
      sources["Liens.md"] = `# Liens\n\n${links.join("\n")}\n`;
      return memoryVault(sources);
    };
    const graph = buildLinkGraph(vault(1000), { reservedUrls: new Map() });
    expect(graph.problems.filter((p) => p.code === "lien-casse")).toHaveLength(10);
    const ratio = doublingRatio(vault, (v) => buildLinkGraph(v, { reservedUrls: new Map() }));
    expect(ratio).toBeLessThanOrEqual(3);
  });
});
