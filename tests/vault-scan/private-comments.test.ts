import { describe, expect, it } from "vitest";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { withoutComments } from "../../src/vault-scan/private-comments.js";
import { lines, memoryVault, parse } from "../helpers.js";

describe("withoutComments", () => {
  it.each([
    ["an inline comment", "Texte %%privé%% visible.", "Texte  visible.", 1],
    ["two comments on a line", "a %%x%% b %%y%% c", "a  b  c", 2],
    ["a comment over several lines keeps its line breaks", "Avant %%début\nmilieu\nfin%% après\nSuite", "Avant \n\n après\nSuite", 1],
    ["a comment that is the whole line", "%%\nprivé\n%%\nTexte", "\n\n\nTexte", 1],
    ["an unclosed comment hides the rest of the note", "Texte %%privé\n# Titre\n[[Lien]]\n", "Texte \n\n\n", 1],
    ["Windows line breaks are kept", "a %%x\r\ny%% b\r\nc", "a \r\n b\r\nc", 1],
    ["%% in a code span is text", "`%%code%%` et %%privé%%", "`%%code%%` et ", 1],
    ["a backtick in a comment opens no code span", "%%`%% a ` b", " a ` b", 1],
    ["%% in fenced code is text", "```\n%%code%%\n```\n%%privé%%", "```\n%%code%%\n```\n", 1],
    ["a fence in a comment is hidden with it", "%%\n```\n%%\nTexte %%privé%%", "\n\n\nTexte ", 2],
    ["no comment", "Texte 50 % et 100%.", "Texte 50 % et 100%.", 0],
  ])("%s", (_description, body, expected, count) => {
    const result = withoutComments(body);
    expect(result.body).toBe(expected);
    expect(result.count).toBe(count);
    expect(result.body.split(/\r\n|\r|\n/).length).toBe(body.split(/\r\n|\r|\n/).length);
  });

  it("tells where the first comment starts", () => {
    expect(withoutComments("Texte\n\n`%%` puis %%a%% et %%b%%").first).toEqual({ lineIndex: 2, column: 11 });
    expect(withoutComments("Texte").first).toBeUndefined();
  });
});

describe("parseNote: private comments", () => {
  const source = lines(
    "---",
    "title: Note",
    "---",
    "# Note %%titre caché%%",
    "",
    "Le musée %%MOTSECRET [[Cachée]] ![[image.png]]%% montre [[Visible]].",
    "%%",
    "## Section cachée",
    "[[Autre cachée]]",
    "%%",
    "[[Après]] ^bloc",
  );
  const { note, problems } = parse("Note.md", source);

  it("reads no link, heading or attachment inside a comment, and keeps the line of what follows", () => {
    expect(note.outline.links.map((l) => [l.syntax.target.note, l.line])).toEqual([
      ["Visible", 6],
      ["Après", 11],
    ]);
    expect(note.outline.headings.map((h) => h.text)).toEqual(["Note"]);
    expect(note.outline.attachmentReferences).toEqual([]);
    expect(note.outline.blockIds).toEqual(new Set(["bloc"]));
  });

  it("keeps comments out of the rendered lines, the summary and the backlink contexts", () => {
    const everything = [...note.outline.lines, note.outline.summary, ...note.outline.links.map((l) => l.context)].join("\n");
    expect(everything).not.toMatch(/MOTSECRET|cach/i);
    expect(note.outline.summary).toBe("Le musée montre Visible.");
    expect(note.outline.links[0]!.context).toBe("Le musée montre Visible.");
  });

  it("counts the comments as info at the first one, never quoting them", () => {
    expect(problems).toEqual([
      {
        level: "info",
        code: "commentaires-prives",
        file: "Note.md",
        line: 4,
        column: 8,
        message: "La note contient 3 commentaires privés %%…%% : ils ne sont pas publiés.",
      },
    ]);
    expect(parse("Une.md", "Texte %%a%%\n").problems.map((p) => p.message)).toEqual(["La note contient 1 commentaire privé %%…%% : il n'est pas publié."]);
  });

  it("makes no backlink from a link inside a comment", () => {
    const vault = memoryVault({ "Source.md": "Texte %%[[Cible]]%%\n", "Visible.md": "Voir [[Cible]].\n", "Cible.md": "# Cible\n" });
    const graph = buildLinkGraph(vault, { reservedUrls: new Map() });
    expect(graph.backlinks.get(toVaultPath("Cible.md"))?.map((b) => b.from.file)).toEqual(["Visible.md"]);
    expect(graph.outgoing.get(toVaultPath("Source.md")) ?? []).toEqual([]);
  });

  it("a note with nothing but a comment is empty", () => {
    expect(parse("Vide.md", "%%à écrire%%\n").note.empty).toBe(true);
  });
});
