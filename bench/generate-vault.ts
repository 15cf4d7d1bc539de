/**
 * Writes a vault of French notes like MuseumXTD's own, for the benchmark: folders; front matter with its quirks
 * (`title: MuseumXTD`, `tags: #x` that YAML reads as a comment, `alias:`), a few drafts; headings, lists, quotes,
 * tables, typographic apostrophes; about 8 wikilinks a note in every form Obsidian allows (labels, headings,
 * blocks, aliases, folders, image and note embeds), 10 % of them to notes not written yet. Same seed and count,
 * same bytes.
 *
 *   node --import tsx bench/generate-vault.ts --notes 1000 [--seed 1] --out /tmp/coffre [--force]
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { slugify } from "../src/vault-scan/slug.js";
import * as W from "./french-words.js";
import type { Noun, Topic } from "./french-words.js";

export const SITE_NAME = "MuseumXTD";
const IMAGES = "Images";
/** A valid 1×1 PNG, the same for every image. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const FOLDER_WEIGHTS = { "": 22, Collections: 20, Médiation: 20, Numérique: 12, "Numérique/Outils": 14, Ressources: 12 };
/** Notes at the root take any topic. */
const FOLDER_TOPICS: Readonly<Record<string, Topic>> = { Collections: "collections", Médiation: "mediation", Numérique: "strategy", "Numérique/Outils": "tools", Ressources: "resources" };
const TOPICS = Object.keys(W.NOUNS) as Topic[];

export interface GenerateVaultOptions {
  readonly notes: number;
  readonly seed: number;
  readonly outDir: string;
  /** Empty a non-empty `outDir` first instead of refusing to write into it. */
  readonly force?: boolean;
}

export interface GeneratedVaultStats {
  readonly notes: number;
  readonly drafts: number;
  /** Every "[[…]]" and "![[…]]" written, embeds included. */
  readonly wikilinks: number;
  /** Links to notes that do not exist. */
  readonly missingLinks: number;
  readonly images: number;
  readonly imageEmbeds: number;
  readonly bytes: number;
}

/** mulberry32, and the draws the generator needs. */
function randomSource(seed: number) {
  let state = (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability: number): boolean => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** The first items far more often than the last: a few notes get most of the links, as in a real garden. */
    popular: <T>(items: readonly T[]): T => items[Math.floor(next() ** 3 * items.length)]!,
    /** `count` distinct items, in random order. */
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = [...items];
      for (let i = 0; i < Math.min(count, copy.length); i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, count);
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      let x = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      return (entries.find(([, weight]) => (x -= weight) < 0) ?? entries.at(-1)!)[0];
    },
  };
}

interface Phrase {
  readonly noun: Noun;
  readonly plural: boolean;
  readonly text: string;
}

const startsWithVowel = (text: string) => /^[aeiouyàâéèêîôœ]/i.test(text);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const the = (p: Phrase) => (p.plural ? `les ${p.text}` : startsWithVowel(p.text) ? `l'${p.text}` : `${p.noun.feminine ? "la" : "le"} ${p.text}`);
const ofThe = (p: Phrase) => (p.plural ? `des ${p.text}` : startsWithVowel(p.text) ? `de l'${p.text}` : `${p.noun.feminine ? "de la" : "du"} ${p.text}`);
/** "de Lille", "d'Évian", "du Locle", "d'évaluer". */
const de = (word: string) => (word.startsWith("Le ") ? `du ${word.slice(3)}` : startsWithVowel(word) ? `d'${word}` : `de ${word}`);
const joinFrench = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)!}`);
/** Plain YAML when it reads back as the same string, double-quoted otherwise. */
const yamlString = (text: string) => (/^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|:$|\s$/.test(text) || /^(true|false|yes|no|null|[\d.+-]+)$/i.test(text) ? JSON.stringify(text) : text);

interface PlannedNote {
  readonly name: string;
  readonly folder: string;
  readonly topic: Topic;
  readonly title: string;
  readonly question: boolean;
  readonly aliases: readonly string[];
  readonly sections: readonly string[];
  readonly blockId: string | undefined;
  readonly embedsNote: boolean;
  readonly draft: boolean;
}

/** Every note of the vault, in memory: its path and its text. */
function writeVault(count: number, seed: number): { files: (readonly [string, string])[]; stats: Omit<GeneratedVaultStats, "bytes"> } {
  const r = randomSource(seed);
  const notes: PlannedNote[] = [];
  const taken = new Set<string>();
  const stats = { notes: count, drafts: 0, wikilinks: 0, missingLinks: 0, images: 0, imageEmbeds: 0 };
  /** Typographic apostrophes in the prose of the note being written; file names and link targets keep "'". */
  let curly = false;

  /** No two notes, aliases or missing targets share a slug, so no link is ambiguous. */
  const claim = (name: string): boolean => !taken.has(slugify(name)) && Boolean(taken.add(slugify(name)));

  function plan(name: string, folder: string, topic: Topic, question: boolean, aliases: readonly string[], draft: boolean, minSections: number): void {
    const sections = r.sample(W.SECTION_TITLES, r.int(minSections, 5));
    const blockId = r.chance(0.08) ? Math.floor(r.next() * 36 ** 6).toString(36).padStart(6, "0") : undefined;
    notes.push({ name, folder, topic, title: question ? `${name} ?` : name, question, aliases, sections, blockId, embedsNote: r.chance(0.04), draft });
  }

  function phrase(topic: Topic, plural = r.chance(0.35), adjective = 0.45): Phrase {
    const noun = r.pick(W.NOUNS[r.chance(0.7) ? topic : r.pick(TOPICS)]);
    let text = plural ? noun.plural : noun.singular;
    if (r.chance(adjective)) {
      const [m, f = m] = r.pick(W.ADJECTIVES);
      const form = noun.feminine ? f : m;
      const agreed = plural ? (/[sx]$/.test(form) ? form : !noun.feminine && form.endsWith("al") ? `${form.slice(0, -2)}aux` : `${form}s`) : form;
      if (!text.includes(form)) text += ` ${agreed}`;
    }
    return { noun, plural, text };
  }

  function draftName(topic: Topic): { name: string; question: boolean; short?: string } {
    const p = phrase(topic, false, 0.6);
    const complement = (chance: number) => (r.chance(chance) ? ` ${r.pick(W.COMPLEMENTS)}` : "");
    switch (r.weighted({ what: 15, how: 28, topic: 27, case: 12, person: 6, event: 8, organisation: 4 })) {
      case "what":
        return { name: `Qu'est-ce qu'${p.noun.feminine ? "une" : "un"} ${p.text}${complement(0.4)}`, question: true, short: capitalize(p.text) };
      case "how": {
        const q = phrase(topic);
        return { name: `${r.chance(0.7) ? "Comment" : "Pourquoi"} ${r.pick(W.VERBS_INFINITIVE)} ${the(q)}${complement(0.5)}`, question: true, short: capitalize(q.text) };
      }
      case "topic":
        return { name: `${capitalize(the(p))}${complement(0.8)}`, question: false, short: capitalize(p.text) };
      case "case":
        return { name: `${r.pick(W.MUSEUM_KINDS)} ${de(r.pick(W.PLACES))} - ${capitalize(the(p))}`, question: false };
      case "person":
        return { name: `Entretien avec ${r.pick(W.FIRST_NAMES)} ${r.pick(W.LAST_NAMES)}`, question: false };
      case "event":
        return { name: `${r.pick(W.RESOURCE_KINDS)} - ${capitalize(the(p))}${complement(0.6)}`, question: false };
      default:
        return { name: `${r.pick(W.ORGANISATIONS)} - ${capitalize(the(p))}`, question: false };
    }
  }

  for (const concept of W.CONCEPTS.slice(0, Math.round(count * 0.05))) {
    claim(concept.name);
    const folder = Object.keys(FOLDER_TOPICS).find((name) => FOLDER_TOPICS[name] === concept.topic)!;
    plan(concept.name, folder, concept.topic, false, concept.aliases.filter(claim), false, 2);
  }
  while (notes.length < count) {
    const folder = r.weighted(FOLDER_WEIGHTS);
    const topic = FOLDER_TOPICS[folder] ?? r.pick(TOPICS);
    let drafted = draftName(topic);
    for (let attempt = 0; !claim(drafted.name); attempt++) drafted = attempt < 40 ? draftName(topic) : { ...drafted, name: `${drafted.name} ${attempt}` };
    plan(drafted.name, folder, topic, drafted.question, drafted.short !== undefined && r.chance(0.12) && claim(drafted.short) ? [drafted.short] : [], r.chance(0.03), 0);
  }
  stats.drafts = notes.filter((note) => note.draft).length;
  // People nobody has written about yet, after the titles many gardens lack: none is a typo of a note's name.
  const people = W.FIRST_NAMES.flatMap((first) => W.LAST_NAMES.map((last) => `${first} ${last}`));
  const missing = [...W.KNOWN_MISSING, ...r.sample(people, people.length)].filter(claim).slice(0, Math.max(12, Math.round(count / 20)));

  const prose = (text: string) => (curly ? text.replaceAll("'", "’") : text);

  function sentence(topic: Topic): string {
    const np = (plural?: boolean) => the(phrase(topic, plural));
    const verb = () => r.pick(W.VERBS_PRESENT);
    return prose(
      r.pick([
        () => `${capitalize(np(false))} ${verb()} ${np()} ${r.pick(W.COMPLEMENTS)}.`,
        () => `${capitalize(np(false))} permet ${de(r.pick(W.VERBS_INFINITIVE))} ${np()}.`,
        () => `Pour ${r.pick(W.VERBS_INFINITIVE)} ${np()}, il faut d'abord ${r.pick(W.VERBS_INFINITIVE)} ${np()}.`,
        () => `${r.pick(W.CONNECTORS)} ${np(false)} ${verb()} ${np()}.`,
        () => `C'est au cœur ${ofThe(phrase(topic))} que se joue ${np(false)}.`,
        () => `La mise en œuvre ${ofThe(phrase(topic))} demande du temps, des compétences et un budget dédié.`,
        () => `Selon ${r.pick(W.FIRST_NAMES)} ${r.pick(W.LAST_NAMES)}, ${np(false)} ${verb()} ${np()}.`,
        () => `En ${r.int(2016, 2024)}, ${r.pick(W.ORGANISATIONS)} a publié un guide sur ${np()}.`,
        () => `Il n'existe pas de recette unique : chaque musée doit ${r.pick(W.VERBS_INFINITIVE)} ${np()} selon ses moyens.`,
        () => `Comment ${r.pick(W.VERBS_INFINITIVE)} ${np()} ${r.pick(W.COMPLEMENTS)} ?`,
        () => `**${capitalize(np(false))}** ${verb()} *${np()}*.`,
        () => `À ${r.pick(W.PLACES)}, l'équipe a choisi ${de(r.pick(W.VERBS_INFINITIVE))} ${np()}, mais ${np(false)} ${verb()} ${np()}.`,
      ])(),
    );
  }

  function render(target: string, options: { label?: string; embed?: boolean; missing?: boolean; inTable?: boolean } = {}): string {
    stats.wikilinks++;
    if (options.missing) stats.missingLinks++;
    const label = options.label === undefined ? "" : `${options.inTable ? "\\|" : "|"}${prose(options.label)}`;
    return `${options.embed ? "!" : ""}[[${target}${label}]]`;
  }

  const label = (title: string): string =>
    r.pick([() => title.replace(/ \?$/, "").replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase()), () => r.pick(W.LINK_LABELS), () => the(phrase(r.pick(TOPICS)))])();

  /** A note other than `from`, popular notes first; for embeds, a published note that embeds nothing itself. */
  function target(from: PlannedNote, forEmbed = false): PlannedNote | undefined {
    for (let attempt = 0; attempt < 50; attempt++) {
      const note = r.popular(notes);
      if (note !== from && !(forEmbed && (note.embedsNote || note.draft))) return note;
    }
    return undefined;
  }

  /** A link of one of the forms editors write, rendered and counted. */
  function link(from: PlannedNote, toMissing: boolean, inTable: boolean): string {
    if (toMissing) {
      const name = r.popular(missing);
      const form = r.weighted({ plain: 70, label: 20, heading: 10 });
      return render(form === "heading" ? `${name}#${r.pick(W.SECTION_TITLES)}` : name, { missing: true, inTable, ...(form === "label" ? { label: label(name) } : {}) });
    }
    const form = r.weighted({ plain: 34, label: 14, heading: 10, headingLabel: 6, samePage: 6, spaces: 5, folder: 8, alias: 6, lowercase: 2, block: 2 });
    if (form === "samePage" && from.sections.length > 0) return render(`#${r.pick(from.sections)}`, { inTable });
    const to = target(from);
    if (!to) return link(from, true, inTable);
    // One heading link in ten names a heading the note lacks, as when a heading was renamed.
    const heading = to.sections.length === 0 ? "" : `#${r.chance(0.9) ? r.pick(to.sections) : r.pick(W.SECTION_TITLES)}`;
    const folder = to.folder.split("/").slice(r.int(0, 1)).join("/");
    const written = {
      heading: to.name + heading,
      headingLabel: to.name + heading,
      spaces: ` ${to.name} `,
      folder: folder === "" ? to.name : `${folder}/${to.name}`,
      alias: to.aliases.length > 0 ? r.pick(to.aliases) : to.name,
      lowercase: to.name.toLowerCase(),
      block: to.blockId === undefined ? to.name : `${to.name}#^${to.blockId}`,
    }[form as string];
    return render(written ?? to.name, { inTable, ...(form === "label" || form === "headingLabel" ? { label: label(to.title) } : {}) });
  }

  /** A sentence of running prose around some links. */
  function linkSentence(topic: Topic, links: readonly string[]): string {
    const slots = links.map((_, i) => `\u0000${i}\u0001`);
    const template =
      links.length > 1
        ? r.pick([`À lire : ${joinFrench(slots)}.`, `Voir ${joinFrench(slots)}.`])
        : r.pick([`Voir aussi ${slots[0]}.`, `${slots[0]} détaille ${the(phrase(topic))}.`, `Pour aller plus loin : ${slots[0]}.`, `On retrouve cette question dans ${slots[0]}.`]);
    return prose(template).replace(/\u0000(\d+)\u0001/g, (_, i: string) => links[Number(i)]!);
  }

  function externalLink(): string {
    const text = capitalize(the(phrase(r.pick(TOPICS), undefined, 0.6)));
    const utm = r.chance(0.3) ? `?utm_source=${r.pick(["newsletter", "linkedin", "mastodon"])}&utm_medium=social&utm_campaign=${r.int(2019, 2024)}` : "";
    return `[${prose(text)}](${r.pick(W.LINK_DOMAINS)}${slugify(text)}${utm})`;
  }

  /** One block of a section: paragraphs, a list, a quote or a table, holding its links (true: to a missing note). */
  function block(note: PlannedNote, missing: readonly boolean[], intro = false): string[] {
    const sentences = (count: number) => Array.from({ length: count }, () => sentence(note.topic)).join(" ");
    const kind = intro ? "paragraphs" : r.weighted({ paragraphs: 45, bullets: 20, numbered: 10, quote: 5, external: 10, table: 10 });
    const links = missing.map((toMissing) => link(note, toMissing, kind === "table"));
    switch (kind) {
      case "table":
        return ["| Ressource | Usage |", "| --- | --- |", ...[...links, prose(capitalize(phrase(note.topic).text))].map((cell) => `| ${cell} | ${prose(capitalize(phrase(note.topic).text))} |`), ""];
      case "quote":
        return [`> ${sentences(r.int(1, 3))}`, `> — ${r.pick(W.FIRST_NAMES)} ${r.pick(W.LAST_NAMES)}`, "", ...(links.length > 0 ? [linkSentence(note.topic, links), ""] : [])];
      case "bullets":
      case "numbered":
      case "external": {
        const items = [...links.map((link) => `${link} : ${sentences(1)}`), ...Array.from({ length: r.int(2, 4) }, () => (kind === "external" ? externalLink() : sentences(1)))];
        return [...items.map((item, i) => `${kind === "numbered" ? `${i + 1}.` : "-"} ${item}`), ""];
      }
      default: {
        const paragraphs = Array.from({ length: r.int(1, 2) }, () => sentences(r.int(2, 4)));
        if (links.length > 0) paragraphs.push(linkSentence(note.topic, links));
        if (intro && note.blockId !== undefined) paragraphs[0] += ` ^${note.blockId}`;
        return paragraphs.flatMap((paragraph) => [paragraph, ""]);
      }
    }
  }

  function frontMatter(note: PlannedNote): string {
    const lines = ["---"];
    const title = r.weighted({ site: 55, real: 30, none: 15 });
    if (title !== "none") lines.push(`title: ${title === "site" ? SITE_NAME : yamlString(note.title)}`);
    lines.push("layout: layouts/post.njk");
    if (r.chance(0.85)) lines.push(`date: ${new Date(Date.UTC(2021, 0, r.int(1, 1450))).toISOString().slice(0, 10)}`);
    const tags = [...new Set([...(note.question ? ["question"] : []), r.pick(W.TAGS[note.topic]), r.pick(W.TAGS[note.topic])])];
    const tagForm = r.weighted({ list: 30, flow: 10, words: 25, comment: 25, none: 10 });
    if (tagForm === "list") lines.push("tags:", ...tags.map((tag) => `  - ${tag}`));
    if (tagForm === "flow") lines.push(`tags: [${tags.join(", ")}]`);
    if (tagForm === "words") lines.push(`tags: ${tags.join(" ")}`);
    // YAML reads "#question" as a comment: the scanner recovers the tags and warns, as on the real notes.
    if (tagForm === "comment") lines.push(`tags: ${tags.map((tag) => `#${tag.normalize("NFD").replace(/\p{M}/gu, "")}`).join(" ")}`);
    if (note.aliases.length === 1 && r.chance(0.2)) lines.push(`alias: ${yamlString(note.aliases[0]!)}`);
    else if (note.aliases.length > 0) lines.push("aliases:", ...note.aliases.map((alias) => `  - ${yamlString(alias)}`));
    if (note.draft) lines.push("draft: true");
    return [...lines, "---", ...(r.chance(0.5) ? [""] : [])].join("\n");
  }

  /** The whole file of a note. */
  function writeNote(note: PlannedNote): string {
    curly = r.chance(0.6);
    const linkCount = r.int(4, 10) + (r.chance(0.1) ? r.int(3, 9) : 0);
    // Rounding the missing count per note, rather than drawing each link, keeps small vaults near 10 %.
    let missing = Math.floor(linkCount * 0.105 + r.next());
    const parts: boolean[][] = Array.from({ length: note.sections.length + 1 }, () => []);
    for (let i = 0; i < linkCount; i++) r.pick(parts).push(missing-- > 0);
    const extras: string[] = [];
    for (let i = r.chance(0.18) ? r.int(1, 2) : 0; i > 0; i--) {
      const image = stats.images > 0 && r.chance(0.1) ? r.int(1, stats.images) : ++stats.images;
      stats.imageEmbeds++;
      extras.push(render(`${r.chance(0.15) ? `${IMAGES}/` : ""}image-${image}.png`, { embed: true, ...(r.chance(0.3) ? { label: "300" } : {}) }));
    }
    const embedded = note.embedsNote ? target(note, true) : undefined;
    if (embedded) extras.push(render(embedded.name, { embed: true }));

    const lines = [frontMatter(note)];
    if (r.chance(0.85)) lines.push(`# ${note.title}`, ...(r.chance(0.5) ? [""] : []));
    lines.push(...block(note, parts[0]!, true));
    note.sections.forEach((section, i) => {
      lines.push(`${r.chance(0.15) ? "###" : "##"} ${prose(section)}`, ...block(note, parts[i + 1]!));
      if (extras.length > 0 && r.chance(0.5)) lines.push(extras.pop()!, "");
    });
    lines.push(...extras.flatMap((extra) => [extra, ""]));
    if (r.chance(0.1)) lines.push(prose("Vous n'êtes pas d'accord ou vous pensez pouvoir compléter cette note ? Écrivez-nous à [info@museumxtd.ch](mailto:info@museumxtd.ch)."));
    return lines.join("\n").trimEnd() + (r.chance(0.75) ? "\n" : "");
  }

  const files = notes.map((note) => [`${note.folder === "" ? "" : `${note.folder}/`}${note.name}.md`, writeNote(note)] as const);
  return { files, stats };
}

/** Refuses a non-empty folder unless `force`, and then never one that holds the working directory or home. */
async function prepareOutDir(outDir: string, force: boolean): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length === 0) return;
  if (!force) throw new Error(`Le dossier ${outDir} n'est pas vide : choisissez un dossier vide, ou ajoutez --force pour remplacer son contenu.`);
  const resolved = path.resolve(outDir);
  if (resolved === path.parse(resolved).root || resolved === os.homedir() || !path.relative(resolved, process.cwd()).startsWith("..")) {
    throw new Error(`Par prudence, --force ne vide pas ${resolved} : choisissez un dossier réservé au coffre de test.`);
  }
  for (const entry of entries) await rm(path.join(outDir, entry), { recursive: true, force: true });
}

export async function generateVault({ notes: count, seed, outDir, force = false }: GenerateVaultOptions): Promise<GeneratedVaultStats> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Le nombre de notes doit être un entier positif (reçu : ${count}).`);
  if (!Number.isSafeInteger(seed)) throw new Error(`La graine doit être un entier (reçu : ${seed}).`);
  const { files, stats } = writeVault(count, seed);
  await prepareOutDir(outDir, force);
  for (const folder of new Set(["", IMAGES, ...Object.keys(FOLDER_WEIGHTS)])) await mkdir(path.join(outDir, folder), { recursive: true });
  const all: (readonly [string, string | Buffer])[] = [...files, ...Array.from({ length: stats.images }, (_, i) => [`${IMAGES}/image-${i + 1}.png`, PNG] as const)];
  for (let i = 0; i < all.length; i += 64) await Promise.all(all.slice(i, i + 64).map(([file, content]) => writeFile(path.join(outDir, file), content)));
  return { ...stats, bytes: all.reduce((sum, [, content]) => sum + Buffer.byteLength(content), 0) };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({ options: { notes: { type: "string", default: "1000" }, seed: { type: "string", default: "1" }, out: { type: "string" }, force: { type: "boolean", default: false } } });
    if (values.out === undefined) throw new Error("Indiquez le dossier à créer avec --out.");
    const stats = await generateVault({ notes: Number(values.notes), seed: Number(values.seed), outDir: values.out, force: values.force });
    console.log(`Coffre écrit dans ${values.out} : ${stats.notes} notes (${stats.drafts} brouillons), ${stats.wikilinks} liens wiki dont ${stats.missingLinks} vers des notes absentes, ${stats.images} images.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
