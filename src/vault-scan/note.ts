import { lineOfKey, readFrontMatter } from "./front-matter.js";
import { outlineMarkdown, type MarkdownOutline } from "./markdown-outline.js";
import { inlineTagsOf } from "./inline-tags.js";
import { aliasesOf, normaliseTags, tagsLostToComment } from "./note-fields.js";
import { asSiteUrl, folderOf, noteNameOf, type SiteUrl, type VaultPath } from "./paths.js";
import { problemAt, type Problem } from "./problem.js";
import { DEFAULT_TEMPLATES_FOLDERS, publicationOf, type Unpublished } from "./publication.js";
import { withoutComments } from "./private-comments.js";
import { rawHtmlProblems } from "./raw-html.js";
import { urlSegment } from "./slug.js";

export type TitleSource = "heading" | "front-matter" | "navigation" | "file-name";
export type { Unpublished } from "./publication.js";

export interface Note {
  readonly file: VaultPath;
  /** File name without ".md", as links name it. */
  readonly name: string;
  readonly folder: string;
  readonly title: string;
  readonly titleSource: TitleSource;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  /** Why the note stays off the site, when it does. */
  readonly unpublished?: Unpublished;
  /** Where the note is served; never shown for an unpublished note. */
  readonly url: SiteUrl;
  readonly permalinkLine?: number;
  /** "Créée le": the front-matter `date`, else the file's first commit (set by readVault). */
  readonly created?: Date;
  /** "Mise à jour le": the file's last commit, else its modification time (set by readVault). */
  readonly updated?: Date;
  readonly frontMatter: Readonly<Record<string, unknown>>;
  readonly bodyStartLine: number;
  readonly outline: MarkdownOutline;
  readonly empty: boolean;
}

export interface ParseOptions {
  /** A front-matter `title` equal to the site name is a legacy placeholder, not the note's title. */
  readonly siteName: string;
  /** The site's public address (`url` of _data/site.json): a link to it, with or without "www.", is internal. */
  readonly siteUrl?: string;
  /** The ids the page layout writes (_includes/layout-ids.json): no heading of a note takes one. */
  readonly layoutIds: readonly string[];
  /**
   * Obsidian's templates folder, as vault paths: the folder `.obsidian/templates.json` names, read by readVault, else
   * DEFAULT_TEMPLATES_FOLDERS.
   */
  readonly templatesFolders?: readonly string[];
}

export interface ParsedNote {
  readonly note: Note;
  readonly problems: readonly Problem[];
}

/** Reads one note from its text. Pure: no file system, no Eleventy. */
export function parseNote(file: VaultPath, source: string, options: ParseOptions): ParsedNote {
  const problems: Problem[] = [];
  const frontMatter = readFrontMatter(source);
  if (frontMatter.error) {
    const { code, line, column, message } = frontMatter.error;
    problems.push(problemAt({ file, line, column }, code, message));
  }
  const data = frontMatter.data;

  let tags = normaliseTags(data["tags"] ?? data["tag"]);
  const lost = tags.length === 0 ? tagsLostToComment(frontMatter.raw) : undefined;
  if (lost) {
    tags = lost.tags;
    problems.push(problemAt({ file, line: 1 + lost.lineOffset, column: 1 }, "tag-commentaire", `« ${lost.key}: #${lost.tags.join(" #")} » est lu comme un commentaire YAML : le « # » efface la suite de la ligne. Le tag a été récupéré, mais écrivez plutôt « ${lost.key}: [${lost.tags.join(", ")}] ».`));
  }

  // Private comments leave the body here, so that nothing after (links, headings, summary, page) ever sees them.
  const { body, count: comments, first: firstComment } = withoutComments(frontMatter.body);
  if (firstComment) {
    problems.push(problemAt({ file, line: frontMatter.bodyStartLine + firstComment.lineIndex, column: firstComment.column }, "commentaires-prives", `La note contient ${comments} commentaire${comments > 1 ? "s" : ""} privé${comments > 1 ? "s" : ""} %%…%% : ${comments > 1 ? "ils ne sont" : "il n'est"} pas publié${comments > 1 ? "s" : ""}.`));
  }
  const outline = outlineMarkdown(body, frontMatter.bodyStartLine, options.layoutIds, siteHostsOf(options.siteUrl));
  // The tags of the text count as those of the front matter: on the note's page, its tag pages and in search.
  tags = [...new Set([...tags, ...inlineTagsOf(body)])];
  // One by one: a note can hold more removals than a call takes arguments.
  for (const problem of rawHtmlProblems(file, body, frontMatter.bodyStartLine)) problems.push(problem);
  const aliases = aliasesOf(data);
  const name = noteNameOf(file);
  const { title, titleSource } = titleOf(outline, data, name, options.siteName);
  const permalink = data["permalink"];
  const url = typeof permalink === "string" && permalink.trim() !== "" ? asSiteUrl(permalink.trim()) : urlOfPath(file);
  const { unpublished, problems: publicationProblems } = publicationOf(file, data, frontMatter.raw, options.templatesFolders ?? DEFAULT_TEMPLATES_FOLDERS);
  problems.push(...publicationProblems);
  const date = validDate(data["date"], frontMatter.raw);
  const permalinkLine = typeof permalink === "string" ? lineOfKey(frontMatter.raw, "permalink")?.line : undefined;
  if (data["date"] != null && !date) {
    const dateLine = lineOfKey(frontMatter.raw, "date");
    const line = dateLine?.line;
    // Quoted from the text: the value may be a YAML alias to a huge list.
    const written = dateLine?.text.replace(/^date:\s*/, "").trim() ?? "";
    problems.push(problemAt({ file, line: line ?? 1, column: 1 }, "date-invalide", `« ${written} » n'est pas une date : elle est ignorée. Écrivez la date sous la forme « date: 2024-05-13 ».`));
  }

  return {
    note: {
      file,
      name,
      folder: folderOf(file),
      title,
      titleSource,
      aliases,
      tags,
      ...(unpublished ? { unpublished } : {}),
      url,
      ...(permalinkLine !== undefined ? { permalinkLine } : {}),
      ...(date ? { created: date } : {}),
      frontMatter: data,
      bodyStartLine: frontMatter.bodyStartLine,
      outline,
      empty: body.trim() === "",
    },
    // A template is a pattern for notes, never published: its placeholders ("date: {{date}}", "[[Titre d'une
    // ressource]]") are no mistakes.
    problems: unpublished === "templates-folder" ? [] : problems,
  };
}

/**
 * The title Obsidian shows: a level-1 heading opening the body, else the front-matter `title` (unless it is the
 * legacy site name), else `eleventyNavigation.title`, else the file name. Never an alias.
 */
function titleOf(outline: MarkdownOutline, data: Readonly<Record<string, unknown>>, name: string, siteName: string) {
  if (outline.titleHeading !== undefined) return { title: outline.titleHeading, titleSource: "heading" as const };
  const declared = textOf(data["title"]);
  if (declared !== "" && declared.toLowerCase() !== siteName.toLowerCase()) return { title: declared, titleSource: "front-matter" as const };
  const navigation = data["eleventyNavigation"];
  const navigationTitle = typeof navigation === "object" && navigation !== null ? textOf((navigation as Record<string, unknown>)["title"]) : "";
  if (navigationTitle !== "") return { title: navigationTitle, titleSource: "navigation" as const };
  return { title: name, titleSource: "file-name" as const };
}

function textOf(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}

const hostsByUrl = new Map<string, ReadonlySet<string>>();

/** "https://www.museumxtd.ch" gives "www.museumxtd.ch" and "museumxtd.ch"; read once per address. */
export function siteHostsOf(siteUrl: string | undefined): ReadonlySet<string> {
  if (siteUrl === undefined) return new Set();
  let hosts = hostsByUrl.get(siteUrl);
  if (!hosts) {
    const host = new URL(siteUrl).hostname.toLowerCase();
    const bare = host.replace(/^www\./, "");
    hosts = new Set([bare, `www.${bare}`]);
    hostsByUrl.set(siteUrl, hosts);
  }
  return hosts;
}

/** "Dossier/Qu'est-ce que c'est.md" gives "/dossier/qu-est-ce-que-c-est/"; the vault's own "index.md" is the home page. */
export function urlOfPath(file: VaultPath): SiteUrl {
  if (isHomeNoteFile(file)) return asSiteUrl("/");
  const segments = file.replace(/\.md$/i, "").split("/").map(urlSegment);
  return asSiteUrl(`${segments.join("/")}/`);
}

/** The vault root's "index.md", the home page when it is published at "/"; "Dossier/index.md" is an ordinary note. */
function isHomeNoteFile(file: VaultPath): boolean {
  return file.toLowerCase() === "index.md";
}

/** The home page note: the vault root's "index.md" when it is published at "/" (a permalink may send it elsewhere). */
export function homeNoteOf(notes: readonly Note[]): Note | undefined {
  return notes.find((note) => !note.unpublished && note.url === "/" && isHomeNoteFile(note.file));
}

/**
 * The front-matter `date` when it is one. YAML reads "2024-13-45" as a date and JavaScript rolls it over to
 * 14 February 2025: a date whose written day, month or year is not the one read is no date either.
 */
function validDate(value: unknown, rawYaml: string): Date | undefined {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
  const written = /^date:\s*["']?(\d{4})-(\d{1,2})-(\d{1,2})/m.exec(rawYaml);
  if (written && (Number(written[1]) !== value.getUTCFullYear() || Number(written[2]) !== value.getUTCMonth() + 1 || Number(written[3]) !== value.getUTCDate())) return undefined;
  return value;
}

