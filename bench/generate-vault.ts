/**
 * Deterministic generator of French-like Obsidian vaults for benchmarks: the same seed and note count always
 * give byte-identical files. As a command:
 *
 *   node_modules/.bin/tsx bench/generate-vault.ts --notes 1000 --seed 1 --out /tmp/vault-1000 [--force]
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { distance } from "fastest-levenshtein";
import { slugify } from "../src/vault-scan/slug.js";
import {
  ADJECTIVES,
  COMPLEMENTS,
  CONCEPTS,
  CONNECTORS,
  COUNTRIES,
  FIRST_NAMES,
  GENERIC_LABELS,
  IMAGE_CAPTIONS,
  KNOWN_MISSING,
  LAST_NAMES,
  LINK_DOMAINS,
  MUSEUM_KINDS,
  NOUNS,
  ORGANISATIONS,
  PARTICIPLES_FP,
  PLACES,
  QUESTION_COMPLEMENTS,
  RESOURCE_KINDS,
  ROLES,
  SECTION_TITLES,
  TAGS_BY_TOPIC,
  UTM_SOURCES,
  VERBS_INFINITIVE,
  VERBS_PRESENT,
  type Noun,
  type Topic,
} from "./french-words.js";

export interface GenerateVaultOptions {
  readonly notes: number;
  readonly seed: number;
  readonly outDir: string;
  /** Empty a non-empty `outDir` first instead of refusing to write into it. */
  readonly force?: boolean;
}

export interface GeneratedVaultStats {
  readonly notes: number;
  /** Folders written under the vault root: note folders, their parents ("Numérique") and "Images". */
  readonly folders: number;
  /** Every "[[…]]" and "![[…]]" the scanner reads, embeds and same-page links included. */
  readonly wikilinks: number;
  /** Links to notes that do not exist. */
  readonly missingLinks: number;
  /** missingLinks / wikilinks. */
  readonly missingShare: number;
  /** Image files written in "Images". */
  readonly images: number;
  readonly imageEmbeds: number;
  readonly noteEmbeds: number;
  /** Size of all files written. */
  readonly bytes: number;
}

export const SITE_NAME = "MuseumXTD";
const IMAGES_FOLDER = "Images";
/** Share of ordinary links aimed at the missing pool; embeds never miss, so the overall share is about 10 %. */
const MISSING_RATE = 0.105;

/** A 1×1 grey-and-alpha PNG: valid, tiny, identical for every image. */
const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

/** sfc32, seeded through splitmix32 so that close seeds (1, 2, 3) give unrelated streams. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x27d4eb2d);
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** In [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let x = this.next() * total;
    for (const [value, weight] of entries) {
      x -= weight;
      if (x < 0) return value;
    }
    return entries.at(-1)![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}

/** Zipf–Mandelbrot ranks: P(rank r) ∝ 1 / (r + 1 + offset)^exponent, so a few ranks get most draws. */
class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number, exponent: number, offset: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) {
      total += 1 / (r + 1 + offset) ** exponent;
      this.cumulative[r] = total;
    }
  }

  sample(random: Random): number {
    const size = this.cumulative.length;
    const x = random.next() * this.cumulative[size - 1]!;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------------------
// French grammar, just enough for titles and sentences

interface NounPhrase {
  readonly noun: Noun;
  readonly plural: boolean;
  /** Without determiner: "collections photographiques". */
  readonly text: string;
}

const VOWEL = /^[aeiouyàâäéèêëîïôöûüœ]/i;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function definite(np: NounPhrase): string {
  if (np.plural) return `les ${np.text}`;
  if (VOWEL.test(np.text)) return `l'${np.text}`;
  return np.noun.gender === "m" ? `le ${np.text}` : `la ${np.text}`;
}

function indefinite(np: NounPhrase): string {
  if (np.plural) return `des ${np.text}`;
  return np.noun.gender === "m" ? `un ${np.text}` : `une ${np.text}`;
}

/** "de" + definite article: "du projet", "de la médiation", "de l'inventaire", "des œuvres". */
function ofDefinite(np: NounPhrase): string {
  if (np.plural) return `des ${np.text}`;
  if (VOWEL.test(np.text)) return `de l'${np.text}`;
  return np.noun.gender === "m" ? `du ${np.text}` : `de la ${np.text}`;
}

/** "de" before a place or an infinitive: "de Lille", "d'Évian", "du Locle", "d'évaluer". */
function de(word: string): string {
  if (word.startsWith("Le ")) return `du ${word.slice(3)}`;
  return VOWEL.test(word) ? `d'${word}` : `de ${word}`;
}

/** "à" before a place: "à Lille", "au Locle". */
function at(place: string): string {
  return place.startsWith("Le ") ? `au ${place.slice(3)}` : `à ${place}`;
}

function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)!}`;
}

class Phrases {
  constructor(private readonly random: Random) {}

  noun(topic?: Topic): Noun {
    const r = this.random;
    if (topic !== undefined && r.chance(0.7)) return r.pick(NOUNS_BY_TOPIC[topic]);
    return r.pick(NOUNS);
  }

  np(options: { topic?: Topic; plural?: boolean; adjective?: number } = {}): NounPhrase {
    const r = this.random;
    const noun = this.noun(options.topic);
    const plural = options.plural ?? r.chance(0.35);
    let text = plural ? noun.plural : noun.singular;
    if (r.chance(options.adjective ?? 0.45)) {
      const adjective = r.pick(ADJECTIVES);
      const form = noun.gender === "m" ? (plural ? adjective.mp : adjective.m) : plural ? adjective.fp : adjective.f;
      if (!text.includes(form)) text += ` ${form}`;
    }
    return { noun, plural, text };
  }

  complement(): string {
    const r = this.random;
    return r.chance(0.15) ? `du musée ${de(r.pick(PLACES))}` : r.pick(COMPLEMENTS);
  }

  person(): string {
    return `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`;
  }

  year(): number {
    return this.random.int(2016, 2024);
  }

  /** "Le catalogue numérique facilite les visites" (no final punctuation). */
  clause(topic?: Topic): string {
    const r = this.random;
    const subject = this.np({ topic, plural: false });
    const tail = r.chance(0.3) ? ` ${this.complement()}` : "";
    return `${capitalize(definite(subject))} ${r.pick(VERBS_PRESENT)} ${definite(this.np({ topic }))}${tail}`;
  }

  sentence(topic?: Topic): string {
    const r = this.random;
    const np = (plural?: boolean) => this.np({ topic, ...(plural === undefined ? {} : { plural }) });
    switch (r.int(0, 15)) {
      case 0:
        return `${this.clause(topic)}.`;
      case 1:
        return `${capitalize(definite(np(false)))} permet ${de(r.pick(VERBS_INFINITIVE))} ${definite(np())} ${this.complement()}.`;
      case 2:
        return `Pour ${r.pick(VERBS_INFINITIVE)} ${definite(np())}, il faut d'abord ${r.pick(VERBS_INFINITIVE)} ${definite(np())}.`;
      case 3:
        return `${r.pick(CONNECTORS)} ${definite(np(false))} ${r.pick(VERBS_PRESENT)} ${definite(np())}.`;
      case 4:
        return `C'est au cœur ${ofDefinite(np())} que se joue ${definite(np(false))}.`;
      case 5:
        return `La mise en œuvre ${ofDefinite(np())} demande du temps, des compétences et un budget dédié.`;
      case 6:
        return `Les œuvres ${this.complement()} gagnent à être ${r.pick(PARTICIPLES_FP)}.`;
      case 7:
        return `Selon ${this.person()}, ${definite(np(false))} ${r.pick(VERBS_PRESENT)} ${definite(np())}.`;
      case 8:
        return `En ${this.year()}, ${r.pick(ORGANISATIONS)} a publié ${indefinite(np())} sur ${definite(np())}.`;
      case 9:
        return `Il n'existe pas de recette unique : chaque musée doit ${r.pick(VERBS_INFINITIVE)} ${definite(np())} selon ses moyens.`;
      case 10:
        return `${r.pick(ORGANISATIONS)} recommande ${de(r.pick(VERBS_INFINITIVE))} ${definite(np())} avant ${de(r.pick(VERBS_INFINITIVE))} ${definite(np())}.`;
      case 11:
        return `Comment ${r.pick(VERBS_INFINITIVE)} ${definite(np())} ${this.complement()} ?`;
      case 12:
        return `Le cœur du sujet reste ${definite(np())}.`;
      case 13:
        return `${capitalize(at(r.pick(PLACES)))}, l'équipe a choisi ${de(r.pick(VERBS_INFINITIVE))} ${definite(np())}.`;
      case 14:
        return `**${capitalize(definite(np(false)))}** ${r.pick(VERBS_PRESENT)} *${definite(np())}*.`;
      default:
        return `${this.clause(topic)}, mais ${definite(np(false))} ${r.pick(VERBS_PRESENT)} ${definite(np())}.`;
    }
  }
}

const NOUNS_BY_TOPIC: Readonly<Record<Topic, readonly Noun[]>> = {
  collections: NOUNS.filter((n) => n.topics.includes("collections")),
  mediation: NOUNS.filter((n) => n.topics.includes("mediation")),
  strategy: NOUNS.filter((n) => n.topics.includes("strategy")),
  tools: NOUNS.filter((n) => n.topics.includes("tools")),
  resources: NOUNS.filter((n) => n.topics.includes("resources")),
};
const TOPICS = Object.keys(NOUNS_BY_TOPIC) as Topic[];

// ---------------------------------------------------------------------------------------------------------
// Planning: names, folders, titles, aliases and sections of every note, before any body is written

type NameKind = "what" | "how" | "why" | "which" | "topic" | "organisation" | "case" | "person" | "event" | "concept";

interface FolderSpec {
  readonly path: string;
  /** undefined: notes at the root take any topic. */
  readonly topic: Topic | undefined;
  readonly weight: number;
  readonly kinds: readonly (readonly [NameKind, number])[];
}

const FOLDERS: readonly FolderSpec[] = [
  { path: "", topic: undefined, weight: 22, kinds: [["what", 20], ["how", 20], ["why", 10], ["which", 15], ["topic", 20], ["person", 5], ["organisation", 10]] },
  { path: "Collections", topic: "collections", weight: 20, kinds: [["topic", 35], ["how", 20], ["what", 10], ["case", 20], ["which", 15]] },
  { path: "Médiation", topic: "mediation", weight: 20, kinds: [["topic", 30], ["how", 20], ["case", 25], ["why", 10], ["what", 15]] },
  { path: "Numérique", topic: "strategy", weight: 12, kinds: [["what", 20], ["how", 20], ["why", 20], ["which", 20], ["topic", 20]] },
  { path: "Numérique/Outils", topic: "tools", weight: 14, kinds: [["topic", 40], ["how", 30], ["what", 15], ["organisation", 15]] },
  { path: "Ressources", topic: "resources", weight: 12, kinds: [["organisation", 35], ["event", 35], ["person", 15], ["case", 15]] },
];

const CONCEPT_FOLDER: Readonly<Record<Topic, string>> = {
  collections: "Collections",
  mediation: "Médiation",
  strategy: "Numérique",
  tools: "Numérique/Outils",
  resources: "Ressources",
};

interface Section {
  readonly level: 2 | 3;
  readonly text: string;
}

interface PlannedNote {
  readonly name: string;
  readonly folder: string;
  readonly topic: Topic;
  readonly kind: NameKind;
  /** What the "# " heading says. */
  readonly title: string;
  readonly aliases: readonly string[];
  readonly sections: readonly Section[];
  readonly blockId?: string;
  readonly embedsNote: boolean;
}

interface NameDraft {
  readonly name: string;
  readonly question: boolean;
  /** A shorter name some editors would give as an alias. */
  readonly shortName?: string;
}

/** Claims names so that no two notes, aliases or missing targets share a slug (and so a URL or a link meaning). */
class NameRegistry {
  private readonly slugs = new Set<string>();
  /** Loose names by length, to keep missing targets from being one typo away from a real note. */
  private readonly looseByLength = new Map<number, string[]>();

  claim(name: string): boolean {
    const slug = slugify(name);
    if (this.slugs.has(slug)) return false;
    this.slugs.add(slug);
    this.rememberForTypos(name);
    return true;
  }

  /** Titles count too: the TypoFinder compares a missing target with titles as well as names. */
  rememberForTypos(text: string): void {
    const key = loose(text);
    const bucket = this.looseByLength.get(key.length) ?? [];
    bucket.push(key);
    this.looseByLength.set(key.length, bucket);
  }

  /** True when `name` is within two edits of a claimed name, as the project's TypoFinder would see it. */
  nearClaimed(name: string): boolean {
    const key = loose(name);
    for (let length = key.length - 2; length <= key.length + 2; length++) {
      for (const other of this.looseByLength.get(length) ?? []) if (distance(key, other) <= 2) return true;
    }
    return false;
  }
}

function loose(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
}

class Planner {
  private readonly phrases: Phrases;
  readonly registry = new NameRegistry();

  constructor(private readonly random: Random) {
    this.phrases = new Phrases(random);
  }

  draftName(kind: NameKind, topic: Topic): NameDraft {
    const r = this.random;
    const p = this.phrases;
    const withComplement = (text: string, chance: number) => (r.chance(chance) ? `${text} ${p.complement()}` : text);
    switch (kind) {
      case "what": {
        const np = p.np({ topic, plural: false, adjective: 0.6 });
        return { name: withComplement(`Qu'est-ce qu'${np.noun.gender === "m" ? "un" : "une"} ${np.text}`, 0.4), question: true, shortName: capitalize(np.text) };
      }
      case "how":
      case "why": {
        const np = p.np({ topic, plural: r.chance(0.4) });
        const start = kind === "how" ? "Comment" : "Pourquoi";
        return { name: withComplement(`${start} ${r.pick(VERBS_INFINITIVE)} ${definite(np)}`, 0.5), question: true, shortName: capitalize(np.text) };
      }
      case "which": {
        const np = p.np({ topic, plural: true, adjective: 0.5 });
        const which = np.noun.gender === "m" ? "Quels" : "Quelles";
        return { name: `${which} sont les ${np.text} ${r.pick(QUESTION_COMPLEMENTS)}`, question: true };
      }
      case "topic": {
        const np = p.np({ topic, adjective: 0.6 });
        return { name: withComplement(capitalize(definite(np)), 0.8), question: false, shortName: capitalize(np.text) };
      }
      case "organisation": {
        const organisation = r.pick(ORGANISATIONS);
        return { name: withComplement(`${organisation} - ${capitalize(definite(p.np({ topic })))}`, 0.4), question: false, shortName: `${organisation} ${p.year()}` };
      }
      case "case": {
        const museum = `${capitalize(r.pick(MUSEUM_KINDS))} ${de(r.pick(PLACES))}`;
        return { name: `${museum} - ${capitalize(definite(p.np({ topic, adjective: 0.6 })))}`, question: false, shortName: museum };
      }
      case "person": {
        const person = p.person();
        const name = r.chance(0.5) ? `Entretien avec ${person}` : `${r.pick(ORGANISATIONS)} - ${person}`;
        return { name, question: false, shortName: person };
      }
      case "event":
      case "concept":
        return { name: withComplement(`${r.pick(RESOURCE_KINDS)} - ${capitalize(definite(p.np({ topic, adjective: 0.6 })))}`, 0.6), question: false };
    }
  }

  uniqueDraft(kind: NameKind, topic: Topic): NameDraft {
    let draft = this.draftName(kind, topic);
    for (let attempt = 0; attempt < 40; attempt++) {
      if (this.registry.claim(draft.name)) return draft;
      draft = this.draftName(kind, topic);
    }
    // The vocabulary runs out only for huge vaults: number the duplicates as Obsidian does ("Note 2").
    for (let n = 2; ; n++) {
      const name = `${draft.name} ${n}`;
      if (this.registry.claim(name)) return { ...draft, name };
    }
  }

  sections(min: number): Section[] {
    const r = this.random;
    const count = Math.max(min, r.weighted<number>([[0, 5], [1, 20], [2, 30], [3, 25], [4, 15], [5, 5]]));
    const texts = r.sample(SECTION_TITLES, count + 1);
    const sections: Section[] = texts.slice(0, count).map((text) => ({ level: 2, text }));
    if (count > 0 && r.chance(0.15)) sections.splice(r.int(1, count), 0, { level: 3, text: texts[count]! });
    return sections;
  }

  blockId(): string | undefined {
    return this.random.chance(0.08) ? this.random.uint32().toString(36).padStart(6, "0").slice(-6) : undefined;
  }

  plan(count: number): PlannedNote[] {
    const r = this.random;
    const notes: PlannedNote[] = [];
    const embeds = (): boolean => count > 2 && r.chance(0.04);
    for (const concept of CONCEPTS.slice(0, Math.min(CONCEPTS.length, Math.round(count * 0.05)))) {
      this.registry.claim(concept.name);
      const aliases = concept.aliases.filter((alias) => this.registry.claim(alias));
      const blockId = this.blockId();
      notes.push({
        name: concept.name,
        folder: CONCEPT_FOLDER[concept.topic],
        topic: concept.topic,
        kind: "concept",
        title: concept.name,
        aliases,
        sections: this.sections(2),
        ...(blockId ? { blockId } : {}),
        embedsNote: embeds(),
      });
    }
    const folderWeights = FOLDERS.map((f) => [f, f.weight] as const);
    while (notes.length < count) {
      const folder = r.weighted(folderWeights);
      const topic = folder.topic ?? r.pick(TOPICS);
      const kind = r.weighted(folder.kinds);
      const draft = this.uniqueDraft(kind, topic);
      const aliases = draft.shortName !== undefined && r.chance(0.12) && this.registry.claim(draft.shortName) ? [draft.shortName] : [];
      if (draft.question) this.registry.rememberForTypos(`${draft.name} ?`);
      const blockId = this.blockId();
      notes.push({
        name: draft.name,
        folder: folder.path,
        topic,
        kind,
        title: draft.question ? `${draft.name} ?` : draft.name,
        aliases,
        sections: this.sections(0),
        ...(blockId ? { blockId } : {}),
        embedsNote: embeds(),
      });
    }
    return notes;
  }

  /** Invented titles no note answers to, used again and again so that missing targets repeat across notes. */
  missingPool(noteCount: number): string[] {
    const size = Math.min(400, Math.max(12, Math.round(noteCount / 20)));
    const pool = KNOWN_MISSING.filter((name) => this.registry.claim(name)).slice(0, size);
    const kinds: readonly NameKind[] = ["how", "what", "topic", "case", "person", "event"];
    for (let attempt = 0; pool.length < size && attempt < size * 50; attempt++) {
      const draft = this.draftName(this.random.pick(kinds), this.random.pick(TOPICS));
      if (!this.registry.nearClaimed(draft.name) && this.registry.claim(draft.name)) pool.push(draft.name);
    }
    return this.random.shuffle(pool);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Links

interface WikiLink {
  /** Text before the "|", exactly as written (stray spaces, "#Section", "Dossier/Name"). */
  readonly target: string;
  readonly label?: string;
  readonly embed?: boolean;
  readonly missing: boolean;
}

type LinkForm = "plain" | "label" | "section" | "sectionLabel" | "samePage" | "spaces" | "path" | "alias" | "caseVariant" | "block";

const LINK_FORMS: readonly (readonly [LinkForm, number])[] = [
  ["plain", 34],
  ["label", 14],
  ["section", 10],
  ["sectionLabel", 6],
  ["samePage", 6],
  ["spaces", 5],
  ["path", 8],
  ["alias", 6],
  ["caseVariant", 2],
  ["block", 2],
];

interface VaultCounters {
  wikilinks: number;
  missingLinks: number;
  imageEmbeds: number;
  noteEmbeds: number;
  images: number;
}

class LinkMaker {
  private readonly popularity: ZipfSampler;
  private readonly missingPopularity: ZipfSampler;

  constructor(
    private readonly random: Random,
    private readonly phrases: Phrases,
    /** Most popular first. */
    private readonly byPopularity: readonly PlannedNote[],
    private readonly missing: readonly string[],
  ) {
    this.popularity = new ZipfSampler(byPopularity.length, 1, 3);
    this.missingPopularity = new ZipfSampler(missing.length, 0.8, 1);
  }

  /** A popular note other than `from` (and, for embeds, one that embeds nothing itself). */
  target(from: PlannedNote, leafOnly = false): PlannedNote | undefined {
    for (let attempt = 0; attempt < 20; attempt++) {
      const note = this.byPopularity[this.popularity.sample(this.random)]!;
      if (note !== from && !(leafOnly && note.embedsNote)) return note;
    }
    return undefined;
  }

  link(from: PlannedNote, curly: boolean, missing: boolean): WikiLink {
    const r = this.random;
    if (missing) return this.missingLink(curly);
    const form = r.weighted(LINK_FORMS);
    if (form === "samePage" && from.sections.length > 0) return { target: `#${r.pick(from.sections).text}`, missing: false };
    const to = this.target(from);
    if (!to) return this.missingLink(curly);
    const plain: WikiLink = { target: to.name, missing: false };
    switch (form) {
      case "label":
        return { ...plain, label: this.label(to.title, curly) };
      case "section":
      case "sectionLabel": {
        const section = this.sectionOf(to);
        if (section === undefined) return plain;
        const target = `${to.name}#${section}`;
        return form === "section" ? { target, missing: false } : { target, label: this.label(to.title, curly), missing: false };
      }
      case "spaces":
        return { target: ` ${to.name} `, missing: false };
      case "path": {
        if (to.folder === "") return plain;
        const folder = to.folder.includes("/") && r.chance(0.5) ? to.folder.slice(to.folder.lastIndexOf("/") + 1) : to.folder;
        return { target: `${folder}/${to.name}`, missing: false };
      }
      case "alias":
        return to.aliases.length > 0 ? { target: r.pick(to.aliases), missing: false } : plain;
      case "caseVariant":
        return { target: to.name.toLowerCase(), missing: false };
      case "block":
        return to.blockId !== undefined ? { target: `${to.name}#^${to.blockId}`, missing: false } : plain;
      default:
        return plain;
    }
  }

  /** Mostly a section the target has; sometimes one it lacks, as when a heading was renamed. */
  private sectionOf(to: PlannedNote): string | undefined {
    const r = this.random;
    if (to.sections.length === 0) return undefined;
    if (r.chance(0.9)) return r.pick(to.sections).text;
    const own = new Set(to.sections.map((s) => slugify(s.text)));
    return r.pick(SECTION_TITLES.filter((text) => !own.has(slugify(text))));
  }

  private label(title: string, curly: boolean): string {
    const r = this.random;
    const text = r.weighted<() => string>([
      [() => title.replace(/ \?$/, "").replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase()), 35],
      [() => r.pick(GENERIC_LABELS), 35],
      [() => definite(this.phrases.np()), 30],
    ])();
    return typography(text, curly);
  }

  private missingLink(curly: boolean): WikiLink {
    const r = this.random;
    const name = this.missing[this.missingPopularity.sample(r)]!;
    return r.weighted<() => WikiLink>([
      [() => ({ target: name, missing: true }), 70],
      [() => ({ target: name, label: this.label(name, curly), missing: true }), 20],
      [() => ({ target: `${name}#${r.pick(SECTION_TITLES)}`, missing: true }), 10],
    ])();
  }
}

function typography(text: string, curly: boolean): string {
  return curly ? text.replaceAll("'", "’") : text;
}

// ---------------------------------------------------------------------------------------------------------
// Note bodies

type BlockKind = "paragraphs" | "bullets" | "numbered" | "linkList" | "quotes" | "externalList" | "table";

const BLOCK_KINDS: readonly (readonly [BlockKind, number])[] = [
  ["paragraphs", 35],
  ["bullets", 20],
  ["numbered", 10],
  ["linkList", 15],
  ["quotes", 6],
  ["externalList", 10],
  ["table", 4],
];

/** Stands for the n-th link of a sentence template until typography has been applied to the words around it. */
const slot = (n: number): string => `\u0000${n}\u0001`;

class NoteWriter {
  private readonly lines: string[] = [];
  /** Typographic apostrophes (’) in this note's prose, as some editors type them; file names keep "'". */
  readonly curly: boolean;

  constructor(
    private readonly random: Random,
    private readonly phrases: Phrases,
    private readonly note: PlannedNote,
    private readonly counters: VaultCounters,
  ) {
    this.curly = random.chance(0.6);
  }

  private typo(text: string): string {
    return typography(text, this.curly);
  }

  render(link: WikiLink, inTable = false): string {
    this.counters.wikilinks++;
    if (link.missing) this.counters.missingLinks++;
    const label = link.label === undefined ? "" : `${inTable ? "\\|" : "|"}${link.label}`;
    return `${link.embed ? "!" : ""}[[${link.target}${label}]]`;
  }

  private sentence(): string {
    return this.typo(this.phrases.sentence(this.note.topic));
  }

  /** A sentence holding the given links, in running prose. */
  private linkSentence(links: readonly WikiLink[]): string {
    const r = this.random;
    const p = this.phrases;
    let template: string;
    if (links.length === 1) {
      template = r.pick([
        () => `Voir ${slot(0)}.`,
        () => `Voir aussi ${slot(0)}.`,
        () => `${p.clause(this.note.topic)} (voir ${slot(0)}).`,
        () => `${slot(0)} détaille ${definite(p.np())}.`,
        () => `Comme le montre ${slot(0)}, ${definite(p.np({ plural: false }))} ${r.pick(VERBS_PRESENT)} ${definite(p.np())}.`,
        () => `Pour aller plus loin : ${slot(0)}.`,
        () => `On retrouve cette question dans ${slot(0)}.`,
        () => `${p.clause(this.note.topic)}, comme le rappelle ${slot(0)}.`,
      ])();
    } else if (links.length === 2) {
      template = r.pick([`À lire : ${slot(0)} et ${slot(1)}.`, `${slot(0)} complète ${slot(1)}.`, `Voir ${slot(0)} ainsi que ${slot(1)}.`]);
    } else {
      template = `Voir ${joinFrench(links.map((_, i) => slot(i)))}.`;
    }
    return this.typo(template).replace(/\u0000(\d+)\u0001/g, (_, n: string) => this.render(links[Number(n)]!));
  }

  private externalLink(): string {
    const r = this.random;
    const label = this.typo(
      r.weighted<() => string>([
        [() => capitalize(definite(this.phrases.np({ adjective: 0.6 }))), 50],
        [() => `${r.pick(RESOURCE_KINDS)} ${r.pick(ORGANISATIONS)}`, 30],
        [() => r.pick(ORGANISATIONS), 20],
      ])(),
    );
    let url = `${r.pick(LINK_DOMAINS)}${slugify(label)}`;
    if (r.chance(0.3)) {
      const source = r.pick(UTM_SOURCES);
      const medium = source === "newsletter" || source === "brevo" ? "email" : "social";
      url += `?utm_source=${source}&utm_medium=${medium}&utm_campaign=${slugify(r.pick(RESOURCE_KINDS))}-${this.phrases.year()}`;
    }
    return `[${label}](${url})`;
  }

  /** Groups links by one, two or three for the sentences that will hold them. */
  private groups(links: readonly WikiLink[]): WikiLink[][] {
    const groups: WikiLink[][] = [];
    for (let i = 0; i < links.length; ) {
      const size = this.random.weighted<number>([[1, 70], [2, 20], [3, 10]]);
      groups.push(links.slice(i, i + size));
      i += size;
    }
    return groups;
  }

  private paragraphs(links: readonly WikiLink[], blockId?: string): void {
    const r = this.random;
    const sentences = [
      ...Array.from({ length: r.int(1, 4) }, () => this.sentence()),
      ...this.groups(links).map((group) => this.linkSentence(group)),
      ...(r.chance(0.25) ? [this.typo(`À consulter : ${this.externalLink()}.`)] : []),
    ];
    const ordered = [sentences[0]!, ...r.shuffle(sentences.slice(1))];
    const split = ordered.length > 3 && r.chance(0.35) ? r.int(2, ordered.length - 1) : ordered.length;
    for (const paragraph of [ordered.slice(0, split), ordered.slice(split)]) {
      if (paragraph.length === 0) continue;
      // Editors often end each sentence with a line break, sometimes after a stray space.
      const text = r.chance(0.4) ? paragraph.join(r.chance(0.3) ? " \n" : "\n") : paragraph.join(" ");
      this.lines.push(text, "");
    }
    if (blockId !== undefined) {
      const last = this.lines.length - 2;
      this.lines[last] = `${this.lines[last]!} ^${blockId}`;
    }
  }

  private listItemText(): string {
    const r = this.random;
    const p = this.phrases;
    return this.typo(
      r.weighted<() => string>([
        [() => capitalize(p.np({ topic: this.note.topic }).text), 30],
        [() => `${capitalize(p.np({ topic: this.note.topic }).text)} : ${p.sentence(this.note.topic).replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase())}`, 25],
        [() => `Utilisation ${ofDefinite(p.np({ topic: this.note.topic }))}`, 20],
        [() => p.sentence(this.note.topic), 25],
      ])(),
    );
  }

  private list(links: readonly WikiLink[], numbered: boolean): void {
    const r = this.random;
    const items: { text: string; children: string[] }[] = Array.from({ length: r.int(3, 6) }, () => ({ text: this.listItemText(), children: [] }));
    for (const link of links) {
      const how = r.weighted<"child" | "inline" | "item">([["child", 40], ["inline", 30], ["item", 30]]);
      if (how === "item") items.push({ text: this.render(link), children: [] });
      else if (how === "inline") {
        const item = r.pick(items);
        const period = item.text.endsWith(".") ? "." : "";
        item.text = `${period ? item.text.slice(0, -1) : item.text} (voir ${this.render(link)})${period}`;
      }
      else r.pick(items).children.push(`Voir ${this.render(link)}`);
    }
    this.writeItems(items, numbered);
  }

  private writeItems(items: readonly { text: string; children: readonly string[] }[], numbered: boolean): void {
    // Obsidian users often number every item "1.", letting Markdown count.
    const allOnes = numbered && this.random.chance(0.3);
    items.forEach((item, i) => {
      const marker = numbered ? `${allOnes ? 1 : i + 1}. ` : "- ";
      this.lines.push(marker + item.text, ...item.children.map((child) => `\t- ${child}`));
    });
    this.lines.push("");
  }

  private linkList(links: readonly WikiLink[]): void {
    const r = this.random;
    if (links.length === 0) return this.list(links, false);
    const numbered = r.chance(0.5);
    const items = links.map((link) => {
      const country = r.chance(0.3) ? ` (${r.pick(COUNTRIES)})` : "";
      const children = r.chance(0.6) ? [this.sentence()] : [];
      return { text: `${this.render(link)}${country}`, children };
    });
    this.writeItems(items, numbered);
  }

  private quotes(links: readonly WikiLink[]): void {
    const r = this.random;
    const count = r.int(2, 3);
    for (let i = 0; i < count; i++) {
      const quote = this.sentence().replace(/[.?]$/, "").trimEnd();
      const who = r.chance(0.5) ? `${this.phrases.person()}, ${r.pick(ROLES)}` : this.phrases.person();
      this.lines.push(r.chance(0.5) ? `- « ${quote} » (${who})` : `- "${quote}" (${who})`);
    }
    this.lines.push("");
    if (links.length > 0) this.lines.push(this.linkSentence(links), "");
  }

  private externalList(links: readonly WikiLink[]): void {
    const r = this.random;
    const items = Array.from({ length: r.int(2, 5) }, () => {
      const suffix = r.weighted<() => string>([
        [() => ` (${r.pick(COUNTRIES)})`, 50],
        [() => ` ${this.phrases.year()}`, 25],
        [() => "", 25],
      ])();
      return { text: `${this.externalLink()}${suffix}`, children: [] as string[] };
    });
    for (const link of links) r.pick(items).children.push(`Voir ${this.render(link)}`);
    this.writeItems(items, r.chance(0.4));
  }

  private table(links: readonly WikiLink[]): void {
    const r = this.random;
    const short = () => this.typo(capitalize(this.phrases.np().text));
    this.lines.push("| Ressource | Usage |", "| --- | --- |");
    for (const link of links) this.lines.push(`| ${this.render(link, true)} | ${short()} |`);
    for (let i = links.length; i < 2 || (i < 4 && r.chance(0.5)); i++) this.lines.push(`| ${short()} | ${short()} |`);
    this.lines.push("");
  }

  private block(kind: BlockKind, links: readonly WikiLink[]): void {
    switch (kind) {
      case "paragraphs":
        return this.paragraphs(links);
      case "bullets":
        return this.list(links, false);
      case "numbered":
        return this.list(links, true);
      case "linkList":
        return this.linkList(links);
      case "quotes":
        return this.quotes(links);
      case "externalList":
        return this.externalList(links);
      case "table":
        return this.table(links);
    }
  }

  imageEmbed(imageNumber: number): string {
    const r = this.random;
    const file = `image-${imageNumber}.png`;
    this.counters.imageEmbeds++;
    return this.render(
      r.weighted<() => WikiLink>([
        [() => ({ target: file, embed: true, missing: false }), 50],
        [() => ({ target: file, label: String(r.pick([200, 300, 400, 600])), embed: true, missing: false }), 30],
        [() => ({ target: file, label: `${this.typo(r.pick(IMAGE_CAPTIONS))}|300`, embed: true, missing: false }), 10],
        [() => ({ target: `${IMAGES_FOLDER}/${file}`, embed: true, missing: false }), 10],
      ])(),
    );
  }

  /**
   * The whole body. `links` are spread over the intro, the sections and sometimes an "Apparaît dans" footer;
   * `extras` (image and note embeds) each get a paragraph of their own after one of those parts.
   */
  write(links: readonly WikiLink[], extras: readonly (() => string)[]): string {
    const r = this.random;
    const note = this.note;
    const footer = r.chance(0.12);
    const buckets: WikiLink[][] = Array.from({ length: 1 + note.sections.length + (footer ? 1 : 0) }, () => []);
    for (const link of links) r.pick(buckets).push(link);
    const extrasAfter = new Map<number, (() => string)[]>();
    for (const extra of extras) {
      const position = r.int(0, note.sections.length);
      extrasAfter.set(position, [...(extrasAfter.get(position) ?? []), extra]);
    }
    const writeExtras = (position: number) => {
      for (const extra of extrasAfter.get(position) ?? []) this.lines.push(extra(), "");
    };

    const hasHeading = r.chance(0.85);
    if (hasHeading) {
      this.lines.push(`# ${note.title}`);
      if (r.chance(0.5)) this.lines.push("");
    } else if (r.chance(0.3)) {
      this.lines.push(`${this.externalLink()} `, "");
    }
    this.paragraphs(buckets[0]!, note.blockId);
    if (note.topic === "tools" && r.chance(0.15)) {
      this.lines.push(this.typo("Astuce : dans Obsidian, un lien s'écrit `[[Nom de la note]]` et une image `![[image.png]]`."), "");
    }
    writeExtras(0);
    note.sections.forEach((section, i) => {
      this.lines.push(`${"#".repeat(section.level)} ${this.typo(section.text)}`);
      this.block(r.weighted(BLOCK_KINDS), buckets[i + 1]!);
      writeExtras(i + 1);
    });
    const footerLinks = footer ? buckets.at(-1)! : [];
    if (footerLinks.length > 0) this.lines.push(`Apparaît dans ${joinFrench(footerLinks.map((link) => this.render(link)))}`, "");
    if (r.chance(0.1)) {
      this.lines.push(
        this.typo("Vous n'êtes pas d'accord avec nous ou vous pensez pouvoir compléter cette note? N'hésitez pas à nous contacter à l'adresse suivante: ") +
          "[info@museumxtd.ch](mailto:info@museumxtd.ch)",
        "",
      );
    }
    while (this.lines.at(-1) === "") this.lines.pop();
    return this.lines.join("\n") + (r.chance(0.75) ? "\n" : "");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Front matter

/** Plain YAML when it reads back as the same string, double-quoted otherwise. */
function yamlString(text: string): string {
  const plainIsSafe = !/^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|:$|\s$/.test(text) && !/^(true|false|yes|no|null|~|[\d.+-]+)$/i.test(text);
  return plainIsSafe ? text : JSON.stringify(text);
}

function frontMatter(random: Random, note: PlannedNote, date: string): string {
  const r = random;
  const lines = ["---"];
  const title = r.weighted<"site" | "real" | "none">([["site", 55], ["real", 30], ["none", 15]]);
  if (title === "site") lines.push(`title: ${SITE_NAME}`);
  if (title === "real") lines.push(`title: ${yamlString(note.title)}`);
  lines.push("layout: layouts/post.njk");
  if (r.chance(0.85)) lines.push(`date: ${date}`);

  const pool = [...(note.kind === "what" || note.kind === "how" || note.kind === "why" || note.kind === "which" ? ["question"] : []), ...TAGS_BY_TOPIC[note.topic]];
  const tags = [...new Set([pool[0]!, ...r.sample(pool, r.int(0, 2))])];
  switch (r.weighted<"list" | "flow" | "words" | "comment" | "none">([["list", 30], ["flow", 10], ["words", 25], ["comment", 25], ["none", 10]])) {
    case "list":
      lines.push("tags:", ...tags.map((tag) => `  - ${tag}`));
      break;
    case "flow":
      lines.push(`tags: [${tags.join(", ")}]`);
      break;
    case "words":
      lines.push(`tags: ${tags.join(" ")}`);
      break;
    case "comment":
      // YAML reads "#question" as a comment: the scanner recovers the tags and warns, like on the real notes.
      lines.push(`tags: ${tags.map((tag) => `#${tag.normalize("NFD").replace(/\p{M}/gu, "")}`).join(" ")}`);
      break;
    case "none":
      break;
  }

  if (note.aliases.length > 0) {
    if (note.aliases.length === 1 && r.chance(0.2)) lines.push(`alias: ${yamlString(note.aliases[0]!)}`);
    else lines.push("aliases:", ...note.aliases.map((alias) => `  - ${yamlString(alias)}`));
  }
  lines.push("---");
  return lines.join("\n") + "\n";
}

/** A day between 2021-01-01 and about the end of 2024, from arithmetic only (no clock). */
function dateString(random: Random): string {
  return new Date(Date.UTC(2021, 0, 1 + random.int(0, 1450))).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// Vault

interface VaultFile {
  /** Relative to the vault root, with "/" separators. */
  readonly relative: string;
  readonly content: string | Buffer;
}

/** Builds every file of the vault in memory. Pure: same options, same files. */
function buildVaultFiles(noteCount: number, seed: number): { files: VaultFile[]; stats: GeneratedVaultStats } {
  const random = new Random(seed);
  const planner = new Planner(random);
  const notes = planner.plan(noteCount);
  const missing = planner.missingPool(noteCount);
  const concepts = notes.filter((n) => n.kind === "concept");
  const byPopularity = [...random.shuffle(concepts), ...random.shuffle(notes.filter((n) => n.kind !== "concept"))];
  const phrases = new Phrases(random);
  const linkMaker = new LinkMaker(random, phrases, byPopularity, missing);
  const counters: VaultCounters = { wikilinks: 0, missingLinks: 0, imageEmbeds: 0, noteEmbeds: 0, images: 0 };

  const files: VaultFile[] = [];
  for (const note of notes) {
    const date = dateString(random);
    const writer = new NoteWriter(random, phrases, note, counters);
    // About 7.6 ordinary links per note; with the embeds that makes about 8 wikilinks per note.
    const linkCount = random.int(4, 10) + (random.chance(0.1) ? random.int(3, 9) : 0);
    // Rounding the missing count per note, rather than drawing each link, keeps small vaults near the 10 %.
    const missingAt = new Set(random.sample([...Array(linkCount).keys()], Math.floor(linkCount * MISSING_RATE + random.next())));
    const links = Array.from({ length: linkCount }, (_, i) => linkMaker.link(note, writer.curly, missingAt.has(i)));

    const extras: (() => string)[] = [];
    if (random.chance(0.2)) {
      const imageCount = random.weighted<number>([[1, 75], [2, 20], [3, 5]]);
      for (let i = 0; i < imageCount; i++) {
        const reuse = counters.images > 0 && random.chance(0.1);
        const imageNumber = reuse ? random.int(1, counters.images) : ++counters.images;
        extras.push(() => writer.imageEmbed(imageNumber));
      }
    }
    const embedded = note.embedsNote ? linkMaker.target(note, true) : undefined;
    if (embedded) {
      const section = embedded.sections.length > 0 && random.chance(0.3) ? `#${random.pick(embedded.sections).text}` : "";
      counters.noteEmbeds++;
      extras.push(() => writer.render({ target: embedded.name + section, embed: true, missing: false }));
    }

    const content = frontMatter(random, note, date) + (random.chance(0.5) ? "\n" : "") + writer.write(links, extras);
    files.push({ relative: note.folder === "" ? `${note.name}.md` : `${note.folder}/${note.name}.md`, content });
  }
  for (let n = 1; n <= counters.images; n++) files.push({ relative: `${IMAGES_FOLDER}/image-${n}.png`, content: PNG_BYTES });

  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.relative.split("/").slice(0, -1);
    parts.forEach((_, i) => folders.add(parts.slice(0, i + 1).join("/")));
  }
  const bytes = files.reduce((sum, file) => sum + (typeof file.content === "string" ? Buffer.byteLength(file.content) : file.content.length), 0);
  return {
    files,
    stats: {
      notes: notes.length,
      folders: folders.size,
      wikilinks: counters.wikilinks,
      missingLinks: counters.missingLinks,
      missingShare: counters.wikilinks === 0 ? 0 : counters.missingLinks / counters.wikilinks,
      images: counters.images,
      imageEmbeds: counters.imageEmbeds,
      noteEmbeds: counters.noteEmbeds,
      bytes,
    },
  };
}

/** Refuses a non-empty folder unless `force`, and then never one that holds the working directory or home. */
async function prepareOutDir(outDir: string, force: boolean): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length === 0) return;
  if (!force) throw new Error(`Le dossier ${outDir} n'est pas vide : choisissez un dossier vide, ou ajoutez --force pour remplacer son contenu.`);
  const resolved = path.resolve(outDir);
  const holdsCwd = !path.relative(resolved, process.cwd()).startsWith("..");
  if (resolved === path.parse(resolved).root || resolved === os.homedir() || holdsCwd) {
    throw new Error(`Par prudence, --force ne vide pas ${resolved} : choisissez un dossier dédié au coffre de test.`);
  }
  for (const entry of entries) await rm(path.join(outDir, entry), { recursive: true, force: true });
}

export async function generateVault(options: GenerateVaultOptions): Promise<GeneratedVaultStats> {
  const { notes, seed, outDir } = options;
  if (!Number.isInteger(notes) || notes < 1) throw new Error(`Le nombre de notes doit être un entier positif (reçu : ${notes}).`);
  if (!Number.isSafeInteger(seed)) throw new Error(`La graine doit être un entier (reçu : ${seed}).`);
  const { files, stats } = buildVaultFiles(notes, seed);
  await prepareOutDir(outDir, options.force ?? false);
  const directories = new Set(files.map((file) => path.dirname(path.join(outDir, file.relative))));
  for (const directory of [...directories].sort()) await mkdir(directory, { recursive: true });
  const BATCH = 64;
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(files.slice(i, i + BATCH).map((file) => writeFile(path.join(outDir, file.relative), file.content)));
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------------------
// Command line

const USAGE = "Usage : tsx bench/generate-vault.ts --notes 1000 --seed 1 --out /tmp/vault-1000 [--force]";

function parseArguments(args: readonly string[]): GenerateVaultOptions | "help" {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--force") {
      force = true;
      continue;
    }
    const match = /^--(notes|seed|out)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Option inconnue : ${arg}\n${USAGE}`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new Error(`Il manque la valeur de --${match[1]!}.\n${USAGE}`);
    values.set(match[1]!, value);
  }
  const outDir = values.get("out");
  if (outDir === undefined) throw new Error(`Indiquez le dossier à créer avec --out.\n${USAGE}`);
  const integer = (key: string, fallback: number): number => {
    const text = values.get(key);
    if (text === undefined) return fallback;
    if (!/^-?\d+$/.test(text)) throw new Error(`--${key} attend un entier (reçu : ${text}).`);
    return Number(text);
  };
  return { notes: integer("notes", 1000), seed: integer("seed", 1), outDir, force };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const stats = await generateVault(options);
  const seconds = (performance.now() - started) / 1000;
  const n = new Intl.NumberFormat("fr-FR");
  const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
  const megabytes = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(stats.bytes / 1e6);
  const count = (value: number, word: string) => `${n.format(value)} ${word}${value >= 2 ? "s" : ""}`;
  console.log(
    `Coffre écrit dans ${options.outDir} : ${count(stats.notes, "note")} dans ${count(stats.folders, "dossier")}, ` +
      `${count(stats.wikilinks, "lien")} wiki (${percent.format(stats.missingShare)} vers des notes absentes), ` +
      `${count(stats.images, "image")}, ${megabytes} Mo, graine ${options.seed}, en ${seconds.toFixed(1).replace(".", ",")} s.`,
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
