import { readdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import { fixtureDir, scanGarden } from "../helpers.js";
import { runBuild, type Run } from "../cli/run-command.js";
import { pagefindFragments } from "../search-index/pagefind-fragments.js";
import { filesUnder, listing, safetyViolations, snapshot, urlOfPage } from "./site-safety.js";

/**
 * Builds every case of tests/fixtures/hostile/ (see its README.md) and checks the outcome its attendu.json names.
 * A case that builds is built in process and its whole site is checked for safety; a case that must stop the build
 * runs the real command, whose message, exit code and untouched previous site are checked.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOSTILE = fixtureDir("hostile");
const SITE_ORIGIN = (JSON.parse(readFileSync(path.join(ROOT, "_data", "site.json"), "utf8")) as { url: string }).url;
const STOP_LINE = "La construction s'est arrêtée sur 1 erreur : corrigez-la, puis relancez « npm run build ». Le site précédent est resté intact.";
/** Each case is bounded: the test by this timeout, the command by its own. */
const CASE_TIMEOUT = 60_000;
const COMMAND_TIMEOUT = 50_000;

interface PageExpectation {
  readonly contient?: readonly string[];
  readonly "ne-contient-pas"?: readonly string[];
  /** How many times a text appears in the page. */
  readonly compte?: Readonly<Record<string, number>>;
}

interface Expected {
  readonly description: string;
  readonly issue: "construit" | "erreur";
  /** The notes are written by GENERATORS below rather than kept in the fixture. */
  readonly genere?: boolean;
  readonly pages?: Readonly<Record<string, PageExpectation>>;
  /** Site paths that must not exist. */
  readonly absents?: readonly string[];
  /** Words in no file of the site, any case, gzipped files (Pagefind's index) read unzipped. */
  readonly "jamais-publies"?: readonly string[];
  /** "code@Fichier.md:ligne", each among the problems the build reports. */
  readonly problemes?: readonly string[];
  readonly code?: string;
  readonly fichier?: string;
  readonly ligne?: number;
  readonly colonne?: number;
  readonly message?: string;
}

/** A file of the site as text, unzipped when gzipped as Pagefind's index and fragments are. */
async function siteFileText(file: string): Promise<string> {
  const bytes = await readFile(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** Where a case is built: notes and site two folders down, so that a path climbing out of the site stays in `work`. */
interface CaseDirs {
  readonly work: string;
  readonly notes: string;
  readonly outside: string;
  readonly site: string;
}

const write = async (file: string, content: string | Buffer): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
};

const nfd = (text: string): string => text.normalize("NFD");

const SENTENCES = [
  "Le musée numérise ses collections pour les rendre accessibles à tous les publics.",
  "Une stratégie numérique s'écrit avec les équipes, pas seulement pour elles.",
  "Les petits musées mutualisent leurs outils et partagent leurs retours d'expérience.",
  "L'inventaire informatisé précède toute mise en ligne des œuvres.",
];

/** Writes the notes (and files outside the vault) of the cases too big, binary or oddly named to be kept in Git. */
const GENERATORS: Readonly<Record<string, (dirs: CaseDirs) => Promise<void>>> = {
  "marque-d-ordre-des-octets": async ({ notes }) => {
    await write(path.join(notes, "Marque.md"), "\uFEFF---\ntitle: Marque d'ordre\n---\n# Marque\n\nVoir [[Autre]], puis \uFEFFun mot.\n");
    await write(path.join(notes, "Autre.md"), "\uFEFF# Autre\n\nRetour vers [[Marque]].\n");
  },
  "fins-de-ligne-crlf": async ({ notes }) => {
    await write(path.join(notes, "Fenêtres.md"), "---\r\ntitle: Fenêtres\r\ntags: [question]\r\n---\r\n# Fenêtres\r\n\r\nUn paragraphe vers [[Autre]].\r\n\r\n## Section\r\n\r\nFin.\r\n");
    await write(path.join(notes, "Autre.md"), "# Autre\r\n\r\nRetour vers [[Fenêtres#Section]].\r\n");
  },
  "fins-de-ligne-cr": async ({ notes }) => {
    await write(path.join(notes, "Mac.md"), "---\rtitle: Mac\rtags: [question]\r---\r# Mac\r\rUn paragraphe vers [[Autre]].\r\r## Section\r\rFin.\r");
    await write(path.join(notes, "Autre.md"), "# Autre\r\rRetour vers [[Mac#Section]].\r");
  },
  "fichier-binaire": async ({ notes }) => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    await write(path.join(notes, "Binaire.md"), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), bytes]));
    await write(path.join(notes, "Lisible.md"), "# Lisible\n\nVoir [[Binaire]].\n");
  },
  "utf8-invalide": async ({ notes }) => {
    const text = (s: string) => Buffer.from(s, "utf8");
    await write(path.join(notes, "Octets.md"), Buffer.concat([text("# Titre "), Buffer.from([0xff, 0xfe]), text("\n\nTexte "), Buffer.from([0xc3, 0x28]), text(" et "), Buffer.from([0xe2, 0x82]), text(" puis [[Autre]].\n")]));
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Octets]].\n");
  },
  "note-de-5-mo": async ({ notes }) => {
    const parts: string[] = ["# Longue\n"];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const paragraph = `${i % 20 === 0 ? `## Partie ${i / 20}\n\n` : ""}${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]} Voir [[Autre]] et [[Note ${i % 50} à écrire]], **${i}**.\n`;
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph);
    }
    await write(path.join(notes, "Longue.md"), parts.join("\n"));
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Longue#Partie 500]].\n");
  },
  "tableau-de-10000-lignes": async ({ notes }) => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| ligne ${i + 1} | [[Autre]] | **${i % 7}** |`);
    await write(path.join(notes, "Tableau.md"), `# Tableau\n\n| Ligne | Lien | Valeur |\n|---|---|---|\n${rows.join("\n")}\n`);
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Tableau]].\n");
  },
  "ligne-de-1-mo": async ({ notes }) => {
    const pieces = ["[[a ", "[a](b ", "`", "*", "<", "[", "![[", "_", "]] ", "[[Autre]] ", "mot ", "|", "#"];
    let line = "";
    for (let i = 0; line.length < 1024 * 1024; i++) line += pieces[(i * 7) % pieces.length];
    await write(path.join(notes, "Ligne.md"), `# Ligne\n\n${line}\n`);
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Ligne]].\n");
  },
  "noms-nfd": async ({ notes }) => {
    await write(path.join(notes, nfd("Été à l'écomusée.md")), "# Été à l'écomusée\n\nVoir [[Café crème]].\n");
    await write(path.join(notes, nfd("Réserve"), nfd("Café crème.md")), `# Café crème\n\n![[Salle été.png]]\n`);
    await write(path.join(notes, nfd("Salle été.png")), "PNG");
    await write(path.join(notes, "Accueil.md"), "# Accueil\n\n[[Été à l'écomusée]], [[Réserve/Café crème]] et ![[Salle été.png|Une salle]].\n");
  },
  "noms-speciaux": async ({ notes }) => {
    const names = ["Question ?", "100 %", "Arts & métiers", "[Archive] 2020", "🎨 Atelier", "Note #1", "Deux  espaces", "%2e%2e"];
    for (const name of names) await write(path.join(notes, `${name}.md`), `# ${name}\n\nRetour vers [[Accueil]].\n`);
    await write(path.join(notes, ".cachée.md"), "# CACHÉE\n");
    const images = ["plan ?.png", "100 %.png", "a&b.png", "[x].png", "🎨.png", "dossier ?/un %23.png"];
    for (const image of images) await write(path.join(notes, image), "PNG");
    await write(path.join(notes, ".cachee.png"), "CACHÉE");
    const links = [...names.map((n) => `[[${n}]]`), "[[.cachée]]", ...images.map((i) => `![[${i}]]`), "![[.cachee.png]]"];
    await write(path.join(notes, "Accueil.md"), `# Accueil\n\n${links.join("\n\n")}\n`);
  },
  "jumeaux-de-casse": async ({ notes }) => {
    await write(path.join(notes, "Note.md"), "# Note majuscule\n");
    await write(path.join(notes, "note.md"), "# Note minuscule\n");
  },
  "jumeaux-unicode": async ({ notes }) => {
    await write(path.join(notes, "Été.md".normalize("NFC")), "# Été composé\n");
    await write(path.join(notes, nfd("Été.md")), "# Été décomposé\n");
  },
  "lien-symbolique-hors-coffre": async ({ notes, outside }) => {
    await write(path.join(outside, "secret.md"), '---js\nconst { writeFileSync } = await import("node:fs");\nwriteFileSync(`${page.inputPath}.execute`, "x");\n---\n# SECRET-NOTE\n');
    await write(path.join(outside, "secret.png"), "SECRET-IMAGE");
    await write(path.join(outside, "dossier", "Fuite.md"), "# SECRET-DOSSIER\n");
    await mkdir(notes, { recursive: true });
    await symlink(path.join(outside, "secret.md"), path.join(notes, "Secret.md"));
    await symlink(path.join(outside, "secret.png"), path.join(notes, "secret.png"));
    await symlink(path.join(outside, "dossier"), path.join(notes, "Lien"));
    await write(path.join(notes, "Accueil.md"), "# Accueil\n\n[[Secret]], ![[secret.png]], [[Fuite]] et [[Lien/Fuite]].\n\n![[Secret]]\n");
  },
  "peripheriques-et-boucles": async ({ notes }) => {
    await write(path.join(notes, "Accueil.md"), "# Accueil\n\n[[zero]], [[tube]] et [[Boucle/Accueil]].\n");
    await write(path.join(notes, "Dossier", "Note.md"), "# Note\n\nRetour vers [[Accueil]].\n");
    await symlink("/dev/zero", path.join(notes, "zero.md"));
    await symlink("/dev/zero", path.join(notes, "zero.png"));
    await symlink("..", path.join(notes, "Dossier", "Boucle"));
    await symlink("/", path.join(notes, "Racine"));
    execFileSync("mkfifo", [path.join(notes, "tube.md")]);
  },
  "chaine-de-50-integrations": async ({ notes }) => {
    const name = (i: number) => `Maillon ${String(i).padStart(2, "0")}`;
    for (let i = 0; i < 50; i++) await write(path.join(notes, `${name(i)}.md`), `# ${name(i)}\n\nTexte du ${name(i).toLowerCase()}.\n${i < 49 ? `\n![[${name(i + 1)}]]\n` : ""}`);
  },
  "integrations-en-eventail": async ({ notes }) => {
    for (let level = 0; level < 6; level++) {
      const next = Array.from({ length: 10 }, () => `![[Éventail ${level + 1}]]`).join("\n\n");
      await write(path.join(notes, `Éventail ${level}.md`), `# Éventail ${level}\n\n${next}\n`);
    }
    await write(path.join(notes, "Éventail 6.md"), "# Éventail 6\n\nLa feuille.\n");
  },
  "dix-mille-liens": async ({ notes }) => {
    for (let i = 0; i < 20; i++) await write(path.join(notes, `Cible ${i}.md`), `# Cible ${i}\n`);
    const lines = Array.from({ length: 100 }, (_, l) => Array.from({ length: 100 }, (_, c) => (c % 2 === 0 ? `[[Cible ${(l + c) % 20}]]` : `[[À écrire ${(l + c) % 30}]]`)).join(" "));
    await write(path.join(notes, "Liens.md"), `# Liens\n\n${lines.join("\n")}\n`);
  },
  "appels-de-notes-sans-fin": async ({ notes }) => {
    const calls = `${"[^".repeat(100_000)} ${"^[".repeat(100_000)}`;
    await write(path.join(notes, "Appels.md"), `# Appels\n\nUne note[^1].\n\n${calls}\n\nFin de la note.\n\n[^1]: La note.\n`);
  },
  "html-imbrique": async ({ notes }) => {
    const inline = `Début ${"<span><b>".repeat(100_000)} suite.`;
    const block = `<div>\n<b onclick="alert(1)">gras</b>\n${"<div><em>".repeat(100_000)}\n`;
    await write(path.join(notes, "Imbriqué.md"), `# Imbriqué\n\n${inline}\n\n${block}\nFin de la note.\n`);
  },
  // Eleventy never reads a note: the scan alone reads the front matter, in linear time.
  "en-tete-de-lignes-vides": async ({ notes }) => {
    await write(path.join(notes, "Vide.md"), `---\n${"\n".repeat(200_000)}title: Vide\n---\n# Tant de vide\n\nVoir [[Autre]].\n`);
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Vide]].\n");
  },
  "iframes-jamais-fermees": async ({ notes }) => {
    await write(path.join(notes, "Cadres.md"), `# Cadres\n\n${"<iframe ".repeat(40_000)}\n\nFin [[Autre]].\n`);
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Cadres]].\n");
  },
  "vingt-mille-titres-identiques": async ({ notes }) => {
    await write(path.join(notes, "Titres.md"), `# Titres\n\n${"## a\n\n".repeat(20_000)}`);
    await write(path.join(notes, "Autre.md"), "# Autre\n\nVers [[Titres#a 20000]].\n");
  },
  "cle-en-double-dans-un-long-en-tete": async ({ notes }) => {
    const fields = Array.from({ length: 20_000 }, (_, i) => `champ${i}: "valeur ${i}"\n`).join("");
    await write(path.join(notes, "Long.md"), `---\ntitle: Long\n${fields}champ7: "double"\n---\n# Long\n`);
  },
  "liens-presque-justes": async ({ notes }) => {
    let state = 1;
    const code = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + ((state = (state * 48_271) % 2_147_483_647) % 26))).join("");
    const aliases = Array.from({ length: 2000 }, () => `Stratégie numérique du musée ${code()}`);
    for (let n = 0; n < 100; n++) {
      const own = aliases.slice(n * 20, n * 20 + 20).map((a) => `  - "${a}"`);
      await write(path.join(notes, `Note ${n}.md`), `---\naliases:\n${own.join("\n")}\n---\n# Note ${n}\n\nVoir [[Liens]].\n`);
    }
    await write(path.join(notes, "Liens.md"), `# Liens\n\n${aliases.map((a) => `[[${a.replace("musée", "musé")}]]`).join("\n")}\n`);
  },
  "caracteres-de-controle": async ({ notes }) => {
    await write(path.join(notes, "Contrôle.md"), "# Titre\u0001 piégé\u000B\u001B[31m\n\nUn\u0008 résumé\u0007 \uFFFE piégé.\n\nVoir [[Autre]].\n");
    await write(path.join(notes, "Autre.md"), "# Autre\n\nRetour vers [[Contrôle]].\n");
  },
  "nom-de-fichier-trop-long": async ({ notes }) => {
    await write(path.join(notes, `${"Art&".repeat(60)}.md`), "# Arts à l'infini\n\nRetour vers [[Accueil]].\n");
    await write(path.join(notes, "Accueil.md"), `# Accueil\n\nVoir [[${"Art&".repeat(60)}]].\n`);
  },
  "yaml-trop-imbrique": async ({ notes }) => {
    await write(path.join(notes, "Gigogne.md"), `---\ntags: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n# Gigogne\n`);
  },
};

/** Replaced in the fixture's notes by the path from the layouts' folder to the case's `dehors/` folder. */
const OUTSIDE_FROM_LAYOUTS = "@CHEMIN_DEHORS_DEPUIS_GABARITS@";

async function prepare(name: string, expected: Expected): Promise<CaseDirs> {
  const work = await mkdtemp(path.join(os.tmpdir(), `hostile-${name}-`));
  const base = path.join(work, "depot", "jardin");
  const dirs = { work, notes: path.join(base, "notes"), outside: path.join(base, "dehors"), site: path.join(base, "_site") };
  if (expected.genere) {
    await GENERATORS[name]!(dirs);
    return dirs;
  }
  await cp(path.join(HOSTILE, name, "notes"), dirs.notes, { recursive: true });
  const outside = path.join(HOSTILE, name, "dehors");
  if ((await readdir(path.join(HOSTILE, name))).includes("dehors")) await cp(outside, dirs.outside, { recursive: true });
  for (const file of (await filesUnder(dirs.notes)).filter((f) => f.endsWith(".md"))) {
    const text = await readFile(path.join(dirs.notes, file), "utf8");
    if (text.includes(OUTSIDE_FROM_LAYOUTS)) await writeFile(path.join(dirs.notes, file), text.replaceAll(OUTSIDE_FROM_LAYOUTS, path.relative(path.join(ROOT, "_includes"), dirs.outside)));
  }
  return dirs;
}

/**
 * Every text the build is given, for the rule that an external host must come from there: the case's notes, and the
 * site's own layouts and data (its edit link, its accessibility statement).
 */
async function inputText(dirs: CaseDirs): Promise<string> {
  const texts: string[] = [];
  for (const dir of [dirs.notes, dirs.outside, path.join(ROOT, "_includes"), path.join(ROOT, "_data")]) {
    const files = await filesUnder(dir).catch(() => [] as string[]);
    for (const file of files) texts.push(file, await readFile(path.join(dir, file), "utf8").catch(() => ""));
  }
  return texts.join("\n");
}

const CASES = readdirSync(HOSTILE, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((name) => ({ name, expected: JSON.parse(readFileSync(path.join(HOSTILE, name, "attendu.json"), "utf8")) as Expected }));

const STOPS = CASES.filter((c) => c.expected.issue === "erreur");
const BUILDS = CASES.filter((c) => c.expected.issue === "construit");

describe("the hostile corpus", () => {
  it("holds at least 30 cases, each with a known outcome, and a generator for each generated case", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const { name, expected } of CASES) {
      expect(["construit", "erreur"], name).toContain(expected.issue);
      expect(Boolean(GENERATORS[name]), name).toBe(Boolean(expected.genere));
      if (expected.issue === "erreur") expect([expected.code, expected.fichier, expected.ligne, expected.colonne, expected.message], name).not.toContain(undefined);
    }
    expect(Object.keys(GENERATORS).filter((name) => !CASES.some((c) => c.name === name))).toEqual([]);
  });
});

interface StopRun {
  readonly dirs: CaseDirs;
  readonly run: Run;
  readonly before: { readonly site: Record<string, string>; readonly work: readonly string[] };
}

/** Starts a case that must stop the build: a previous site in place, then the real command. */
async function startStop(name: string, expected: Expected): Promise<StopRun> {
  const dirs = await prepare(name, expected);
  await write(path.join(dirs.site, "index.html"), "<!doctype html><title>Dernier bon site</title>");
  await write(path.join(dirs.site, "ancienne-note", "index.html"), "ancienne note");
  const before = { site: await snapshot(dirs.site), work: await listing(dirs.work) };
  return { dirs, run: await runBuild(dirs.notes, dirs.site, COMMAND_TIMEOUT), before };
}

// The commands run three at a time in the background while the in-process builds below go on; each test of
// "hostile cases that must stop the build", after them, awaits its own.
const stopRuns = new Map<string, Promise<StopRun>>();
beforeAll(() => {
  const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve(), Promise.resolve()];
  STOPS.forEach(({ name, expected }, i) => {
    const run = lanes[i % lanes.length]!.then(() => startStop(name, expected));
    lanes[i % lanes.length] = run.catch(() => undefined);
    stopRuns.set(name, run);
  });
});
afterAll(async () => {
  for (const pending of stopRuns.values()) await rm((await pending.catch(() => undefined))?.dirs.work ?? "", { recursive: true, force: true });
});

describe("hostile cases that build a safe site", () => {
  for (const { name, expected } of BUILDS) {
    it(
      `${name} : ${expected.description}`,
      async () => {
        const dirs = await prepare(name, expected);
        try {
          const before = await listing(dirs.work);
          const { problems } = await buildGarden(dirs.notes, dirs.site);
          expect(await listing(dirs.work, [dirs.site]), "rien n'est écrit hors du dossier du site").toEqual(before);
          const graph = await scanGarden(dirs.notes);

          const files = await filesUnder(dirs.site);
          const pages = new Set(files.filter((f) => f.endsWith(".html")).map(urlOfPage));
          for (const note of graph.published) expect(pages, `page de ${note.file}`).toContain(decodeURI(note.url));
          const violations = await safetyViolations(dirs.site, { input: await inputText(dirs), siteOrigin: SITE_ORIGIN });
          expect(violations).toEqual([]);
          for (const file of files.filter((f) => !f.startsWith("pagefind/"))) {
            expect(await readFile(path.join(dirs.site, file), "utf8"), `${file} ne montre rien de ce qui est hors du coffre`).not.toContain("SECRET-");
          }
          for (const fragment of await pagefindFragments(dirs.site)) expect(JSON.stringify(fragment), `recherche de ${fragment.url}`).not.toContain("SECRET-");

          for (const [url, page] of Object.entries(expected.pages ?? {})) {
            const html = await readFile(path.join(dirs.site, url.endsWith("/") ? `${url}index.html` : url), "utf8");
            for (const text of page.contient ?? []) expect(html, url).toContain(text);
            // The garden's navigation lists published notes on every page: what a page must not hold is looked for outside it.
            const own = html.replace(/<nav class="navigation-jardin"[\s\S]*?<\/nav>/, "");
            for (const text of page["ne-contient-pas"] ?? []) expect(own, url).not.toContain(text);
            for (const [text, count] of Object.entries(page.compte ?? {})) expect(own.split(text).length - 1, `${url} : « ${text} »`).toBe(count);
          }
          for (const absent of expected.absents ?? []) expect(files, absent).not.toContain(absent.replace(/^\//, "").replace(/(^|\/)$/, "$1index.html"));
          for (const file of expected["jamais-publies"] ? files : []) {
            const text = (await siteFileText(path.join(dirs.site, file))).toLowerCase();
            for (const word of expected["jamais-publies"]!) expect(text, `${file} ne contient pas « ${word} »`).not.toContain(word.toLowerCase());
          }
          const reported = problems.map((p) => `${p.code}@${p.file}:${p.line}`);
          for (const problem of expected.problemes ?? []) expect(reported).toContain(problem);
        } finally {
          await rm(dirs.work, { recursive: true, force: true });
        }
      },
      CASE_TIMEOUT,
    );
  }
});

describe("hostile cases that must stop the build", () => {
  for (const { name, expected } of STOPS) {
    it(
      `${name} : ${expected.description}`,
      async () => {
        const { dirs, run, before } = await stopRuns.get(name)!;
        const problem = `${dirs.notes}/${expected.fichier}:${expected.ligne}:${expected.colonne}  erreur  ${expected.code}  ${expected.message}`;
        expect(run.stderr).not.toContain("    at ");
        expect(run.stderr).toBe(`${problem}\n${STOP_LINE}\n`);
        expect(run.stdout).toBe("");
        expect(run.code).toBe(1);
        expect(await snapshot(dirs.site)).toEqual(before.site);
        expect(await listing(dirs.work)).toEqual(before.work);
      },
      CASE_TIMEOUT,
    );
  }
});
