import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDir, lines } from "../helpers.js";
import { ROOT, runCommand, type Run } from "./run-command.js";

/** `npm run check -- <args…>`, run from the project root. */
function check(...args: string[]): Promise<Run> {
  return runCommand(["src/cli/check.ts", ...args]);
}

/** The vaults are passed as absolute paths; the report shows them relative to where the command runs. */
const WARNINGS = "tests/fixtures/check-warnings-vault";
const ERRORS = "tests/fixtures/check-errors-vault";
const CLEAN = "tests/fixtures/check-clean-vault";
const BUGS = "tests/fixtures/check-bugs-vault";
const ATTACHMENTS = "tests/fixtures/attachments-vault";

const USAGE = `Usage : npm run check -- [--notes <dossier>] [--strict] [--quiet] [--json] [note.md…]
  note.md…           ne signale que les problèmes de ces notes (tout le dossier reste lu pour résoudre les liens)
  --notes <dossier>  vérifie un autre dossier de notes (par défaut : notes/)
  --strict           échoue aussi sur les avertissements
  --quiet            n'affiche pas les informations (niveau « info »), seulement les erreurs et les avertissements
  --json             écrit le résultat en JSON, et rien d'autre, sur la sortie standard
  --help             affiche cette aide`;

const ORPHAN =
  "Aucune note publiée ne mène à cette note : les lecteurs ne la trouveront que par la recherche ou l'accueil. Ajoutez-lui un lien depuis une note voisine.";
const EMPTY = "La note est vide : elle sera publiée sans texte. Écrivez son contenu, ou mettez « draft: true » dans son en-tête en attendant.";

/** Every warning and information code, once or twice each, in the order the command must print them. */
const WARNING_LINES = [
  `${WARNINGS}/Archives.md:1:1  info  note-orpheline  ${ORPHAN}`,
  `${WARNINGS}/Archives.md:5:1  avertissement  html-retire  L'attribut onclick de <p> est retiré de la page : une note ne garde que le HTML de mise en forme, listé au paragraphe « Vie privée » du README. Supprimez cet attribut.`,
  `${WARNINGS}/Collections.md:3:1  avertissement  tag-commentaire  « tags: #collection #musée » est lu comme un commentaire YAML : le « # » efface la suite de la ligne. Le tag a été récupéré, mais écrivez plutôt « tags: [collection, musée] ».`,
  `${WARNINGS}/Isolée.md:1:1  avertissement  titre-different-du-nom  Le titre « Note isolée » n'est pas le nom du fichier, « Isolée » : les liens [[Isolée]] suivent le nom du fichier, et [[Note isolée]] ne mènerait à aucune note. Renommez le fichier comme le titre, changez le titre, ou faites-en un alias.`,
  `${WARNINGS}/Isolée.md:1:1  info  note-orpheline  ${ORPHAN}`,
  `${WARNINGS}/Numérisation.md:1:1  avertissement  alias-en-double  L'alias « Inventaire » est aussi le nom de la note « Inventaire.md » : [[Inventaire]] mènera à cette autre note. Choisissez un autre alias.`,
  `${WARNINGS}/Page blanche.md:1:1  avertissement  note-vide  ${EMPTY}`,
  `${WARNINGS}/Photothèque.md:1:1  avertissement  alias-en-double  L'alias « Photos » est aussi un alias de « Numérisation.md » : [[Photos]] est ambigu. Gardez cet alias sur une seule note.`,
  `${WARNINGS}/Récolement.md:1:1  avertissement  titre-en-double  « Inventaire des collections » est déjà le titre de « Inventaire.md » : les lecteurs ne pourront pas distinguer les deux notes. Donnez-leur des titres différents.`,
  `${WARNINGS}/Sommaire.md:7:3  avertissement  section-introuvable  La section « Ateliers pour enfants » n'existe pas dans « Médiation.md » : le lien [[Médiation#Ateliers pour enfants]] mène au début de la note. Corrigez le titre de section après « # ».`,
  `${WARNINGS}/Sommaire.md:8:3  avertissement  bloc-introuvable  Le bloc « ^citation » n'existe pas dans « Médiation.md » : le lien [[Médiation#^citation]] mène au début de la note.`,
  `${WARNINGS}/Sommaire.md:9:3  avertissement  lien-ambigu  Le lien [[Fiche technique]] peut désigner plusieurs notes : « Salles/Fiche technique.md », « Réserves/Fiche technique.md ». Il mène à « Salles/Fiche technique.md » ; écrivez le chemin complet, par exemple [[Salles/Fiche technique]], pour choisir.`,
  `${WARNINGS}/Sommaire.md:11:3  avertissement  lien-vers-brouillon  Le lien [[Projet de site]] mène à « Brouillon/Projet de site.md », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.`,
  `${WARNINGS}/Sommaire.md:12:3  avertissement  lien-vers-brouillon  Le lien [[Exposition temporaire]] mène à « Exposition temporaire.md », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.`,
  `${WARNINGS}/Sommaire.md:13:3  info  note-a-venir  Le lien [[Charte graphique]] mène à une note qui reste à écrire ; il s'affiche comme « note à venir ».`,
  `${WARNINGS}/Sommaire.md:14:19  avertissement  fichier-introuvable  Le fichier de [[programme.pdf]] est introuvable dans le dossier des notes. Ajoutez-le au dossier, ou corrigez son nom.`,
  `${WARNINGS}/Sommaire.md:15:17  avertissement  integration-introuvable  ![[absent.png]] intègre « absent.png », qui n'existe pas dans le dossier des notes : rien ne s'affiche à sa place. Ajoutez ce fichier ou cette note, ou corrigez son nom.`,
  `${WARNINGS}/Sommaire.md:16:3  avertissement  integration-introuvable  ![[Note absente]] intègre « Note absente », qui n'existe pas dans le dossier des notes : rien ne s'affiche à sa place. Ajoutez ce fichier ou cette note, ou corrigez son nom.`,
  `${WARNINGS}/Vide.md:1:1  avertissement  note-vide  ${EMPTY}`,
];
const WARNING_SUMMARY =
  "17 notes vérifiées : 0 erreur, 16 avertissements (2 alias-en-double, 2 integration-introuvable, 2 lien-vers-brouillon, 2 note-vide, 1 bloc-introuvable, " +
  "1 fichier-introuvable, 1 html-retire, 1 lien-ambigu, 1 section-introuvable, 1 tag-commentaire, 1 titre-different-du-nom, 1 titre-en-double), " +
  "3 informations (2 note-orpheline, 1 note-a-venir).";

/** Every build-blocking code, plus lien-casse, the one error that does not stop the build. */
const ERROR_LINES = [
  `${ERRORS}/Crochet.md:3:7  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « tags: [musée, collection ». Le « [ » ouvert ici n'est jamais refermé. Ajoutez « ] » à la fin de la valeur, par exemple : tags: [question, ressource].`,
  `${ERRORS}/Deux-points.md:3:8  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « title: Musée : mode d'emploi ». La valeur contient « : » suivi d'un espace. Mettez toute la valeur entre guillemets, par exemple : titre: "Musée : mode d'emploi".`,
  `${ERRORS}/Été.md:1:1  erreur  url-en-double  « Été.md » et « ete.md » seraient publiées à la même adresse /ete/. Renommez l'une des deux notes ou donnez-lui un permalink.`,
  `${ERRORS}/Évasion.md:3:1  erreur  permalink-invalide  Le permalink « /../../x/ » sort du site. Écrivez une adresse comme « /ma-note/ », sans « .. » ni « \\ ».`,
  `${ERRORS}/Guillemet.md:2:8  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « title: "Le musée ». Le guillemet " ouvert ici n'est jamais refermé. Ajoutez " à la fin de la valeur.`,
  `${ERRORS}/Liste.md:2:1  erreur  en-tete-pas-un-objet  L'en-tête doit être une suite de champs « nom: valeur » (par exemple « tags: question »), pas une liste ni un texte seul.`,
  `${ERRORS}/Non fermé.md:1:1  erreur  yaml-non-ferme  L'en-tête ouvert par « --- » n'est jamais fermé. Ajoutez une ligne « --- » à la fin de l'en-tête, avant le texte de la note.`,
  `${ERRORS}/Page d'accueil.md:3:1  erreur  url-en-double  L'adresse / est déjà celle de la page « Accueil » du site. Renommez la note ou donnez-lui un permalink.`,
  `${ERRORS}/Recherche.md:1:1  erreur  url-en-double  L'adresse /recherche/ est déjà celle de la page « Recherche » du site. Renommez la note ou donnez-lui un permalink.`,
  `${ERRORS}/Sommaire.md:13:25  erreur  lien-casse  Le lien [[Inventaie]] ne mène à aucune note. Vouliez-vous dire « Inventaire » ?`,
  `${ERRORS}/Sommaire.md:14:22  erreur  lien-casse  Le lien [[Salle 3]] ne mène à aucune note. Vouliez-vous dire l'une de ces notes : « Salle 1 », « Salle 2 » ?`,
  `${ERRORS}/Tabulation.md:5:1  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « - collection ». Une tabulation y sert de retrait : YAML n'accepte que des espaces. Remplacez la tabulation par deux espaces.`,
];
const ERROR_SUMMARY =
  "15 notes vérifiées : 12 erreurs (4 yaml-invalide, 3 url-en-double, 2 lien-casse, 1 en-tete-pas-un-objet, 1 permalink-invalide, 1 yaml-non-ferme), 0 avertissement, 0 information.";

const ALL_CODES = [
  "yaml-invalide",
  "yaml-non-ferme",
  "en-tete-pas-un-objet",
  "tag-commentaire",
  "url-en-double",
  "permalink-invalide",
  "lien-casse",
  "note-a-venir",
  "section-introuvable",
  "bloc-introuvable",
  "lien-ambigu",
  "lien-vers-brouillon",
  "fichier-introuvable",
  "integration-introuvable",
  "titre-en-double",
  "alias-en-double",
  "html-retire",
  "note-vide",
  "titre-different-du-nom",
  "note-orpheline",
];

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly level: string;
  readonly code: string;
}

/** Reads back "<dir>/<file>:<line>:<column>  <level>  <code>  <message>"; the file name may hold ":" or spaces. */
function parseLine(text: string): Finding {
  const match = /^(.+?\.md):(\d+):(\d+) {2}(\S+) {2}(\S+) {2}\S/.exec(text);
  if (!match) throw new Error(`not a report line: ${text}`);
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]), level: match[4]!, code: match[5]! };
}

/** The report lines of stdout, without the summary. */
function reportLines(run: Run): string[] {
  return run.stdout.split("\n").slice(0, -2);
}

interface JsonReport {
  readonly notes: number;
  readonly problems: readonly { level: string; code: string; file: string; line: number; column: number; message: string }[];
  readonly ok: boolean;
}

/** The JSON problems as the text report would print them, to compare with the expected lines. */
function asLines(report: JsonReport): string[] {
  return report.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.level}  ${p.code}  ${p.message}`);
}

describe("npm run check", () => {
  describe("on a vault with only warnings and information", () => {
    let run: Run;
    beforeAll(async () => {
      run = await check("--notes", fixtureDir("check-warnings-vault"));
    });

    it("prints one exact French line per finding, then the summary, and exits 0", () => {
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(lines(...WARNING_LINES, WARNING_SUMMARY));
      expect(run.code).toBe(0);
    });

    it("sorts the lines by file (French order) then by line and column", () => {
      const found = reportLines(run).map(parseLine);
      expect(found).toHaveLength(WARNING_LINES.length);
      for (let i = 1; i < found.length; i++) {
        const a = found[i - 1]!;
        const b = found[i]!;
        const order = a.file.localeCompare(b.file, "fr") || a.line - b.line || a.column - b.column;
        expect(order, `${a.file}:${a.line}:${a.column} before ${b.file}:${b.line}:${b.column}`).toBeLessThanOrEqual(0);
      }
      // Several findings in one file are ordered by line, not by code or level.
      expect(found.filter((f) => f.file.endsWith("/Sommaire.md")).map((f) => f.line)).toEqual([7, 8, 9, 11, 12, 13, 14, 15, 16]);
    });

    it("reports no error, so that the build would go on", () => {
      expect(reportLines(run).map(parseLine).filter((f) => f.level === "erreur")).toEqual([]);
    });

    it("fails with --strict: exit 1, same report, then the warnings that made it fail, by code", async () => {
      const strict = await check("--notes", fixtureDir("check-warnings-vault"), "--strict");
      expect(strict.stdout).toBe(
        lines(
          ...WARNING_LINES,
          WARNING_SUMMARY,
          "Avec --strict, 16 avertissements font échouer la vérification : alias-en-double (2), integration-introuvable (2), " +
            "lien-vers-brouillon (2), note-vide (2), bloc-introuvable (1), fichier-introuvable (1), html-retire (1), lien-ambigu (1), " +
            "section-introuvable (1), tag-commentaire (1), titre-different-du-nom (1), titre-en-double (1). " +
            "Corrigez les lignes « avertissement » ci-dessus, ou relancez sans --strict pour n'échouer que sur les erreurs.",
        ),
      );
      expect(strict.stderr).toBe("");
      expect(strict.code).toBe(1);
    });

    it("names the one warning that fails --strict on a single note", async () => {
      const strict = await check("--strict", "--notes", WARNINGS, `${WARNINGS}/Vide.md`);
      expect(strict.stdout).toBe(
        lines(
          WARNING_LINES.at(-1)!,
          "17 notes vérifiées : 0 erreur, 1 avertissement (1 note-vide), 0 information.",
          "Avec --strict, 1 avertissement fait échouer la vérification : note-vide (1). " +
            "Corrigez les lignes « avertissement » ci-dessus, ou relancez sans --strict pour n'échouer que sur les erreurs.",
        ),
      );
      expect(strict.code).toBe(1);
    });

    it("hides the information findings with --quiet, in the report, its summary and the JSON", async () => {
      const quiet = await check("--notes", WARNINGS, "--quiet");
      expect(quiet.stdout).toBe(
        lines(
          ...WARNING_LINES.filter((l) => parseLine(l).level !== "info"),
          "17 notes vérifiées : 0 erreur, 16 avertissements (2 alias-en-double, 2 integration-introuvable, 2 lien-vers-brouillon, 2 note-vide, 1 bloc-introuvable, " +
            "1 fichier-introuvable, 1 html-retire, 1 lien-ambigu, 1 section-introuvable, 1 tag-commentaire, 1 titre-different-du-nom, 1 titre-en-double), " +
            "informations masquées (--quiet).",
        ),
      );
      expect(quiet.code).toBe(0);
      const json = JSON.parse((await check("--notes", WARNINGS, "--quiet", "--json")).stdout) as JsonReport;
      expect(asLines(json)).toEqual(WARNING_LINES.filter((l) => parseLine(l).level !== "info"));
    });

    it("writes the same findings as JSON with --json: { notes, problems, ok }", async () => {
      const json = await check("--notes", fixtureDir("check-warnings-vault"), "--json");
      expect(json.code).toBe(0);
      expect(json.stderr).toBe("");
      const report = JSON.parse(json.stdout) as JsonReport;
      expect(Object.keys(report).sort()).toEqual(["notes", "ok", "problems"]);
      expect(report.notes).toBe(17);
      expect(report.ok).toBe(true);
      for (const problem of report.problems) {
        expect(Object.keys(problem).sort()).toEqual(["code", "column", "file", "level", "line", "message"]);
      }
      expect(asLines(report)).toEqual(WARNING_LINES);
      // The file is shown as in the text report: under the notes folder as given, relative to the project root.
      expect(report.problems[0]).toMatchObject({ level: "info", code: "note-orpheline", file: `${WARNINGS}/Archives.md`, line: 1, column: 1 });
    });

    it("says ok: false in JSON with --strict, exits 1, and writes nothing but the JSON", async () => {
      const json = await check("--json", "--strict", "--notes", fixtureDir("check-warnings-vault"));
      expect(json.code).toBe(1);
      expect(json.stderr).toBe("");
      expect(json.stdout.startsWith("{") && json.stdout.endsWith("}\n")).toBe(true);
      const report = JSON.parse(json.stdout) as JsonReport;
      expect(report.ok).toBe(false);
      expect(asLines(report)).toEqual(WARNING_LINES);
    });
  });

  describe("on a vault with errors", () => {
    let run: Run;
    beforeAll(async () => {
      run = await check("--notes", fixtureDir("check-errors-vault"));
    });

    it("prints one exact French line per error, then the summary, and exits 1", () => {
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(lines(...ERROR_LINES, ERROR_SUMMARY));
      expect(run.code).toBe(1);
    });

    it("shows the notes folder as given, relative to the project root", async () => {
      const relative = await check("--notes", ERRORS);
      expect(relative.stdout).toBe(run.stdout);
      expect(relative.code).toBe(1);
    });

    it("says ok: false in JSON, with every problem an error", async () => {
      const json = await check("--notes", fixtureDir("check-errors-vault"), "--json");
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as JsonReport;
      expect(report.notes).toBe(15);
      expect(report.ok).toBe(false);
      expect(asLines(report)).toEqual(ERROR_LINES);
      expect(new Set(report.problems.map((p) => p.level))).toEqual(new Set(["erreur"]));
    });

    it("only reports the notes named after the options, still reading the whole vault", async () => {
      const only = await check("--notes", ERRORS, `${ERRORS}/Crochet.md`, `${ERRORS}/Sommaire.md`);
      expect(only.stdout).toBe(
        lines(
          ERROR_LINES[0]!,
          ...ERROR_LINES.filter((l) => l.startsWith(`${ERRORS}/Sommaire.md:`)),
          "15 notes vérifiées : 3 erreurs (2 lien-casse, 1 yaml-invalide), 0 avertissement, 0 information.",
        ),
      );
      expect(only.code).toBe(1);
    });
  });

  it("covers every finding code across the two vaults", () => {
    const codes = new Set([...WARNING_LINES, ...ERROR_LINES].map((l) => parseLine(l).code));
    expect([...codes].sort()).toEqual([...ALL_CODES].sort());
  });

  describe("on a vault with attachments", () => {
    it("lists each attachment left out as information, and warns where a published note uses one the site never publishes", async () => {
      const run = await check("--notes", fixtureDir("attachments-vault"));
      expect(run.stdout).toBe(
        lines(
          `${ATTACHMENTS}/À supprimer/vieille.png:1:1  info  piece-jointe-inutilisee  « À supprimer/vieille.png » n'est pas publié : aucune note publiée ne l'utilise. Supprimez-le s'il ne sert plus, ou liez-le depuis une note publiée.`,
          `${ATTACHMENTS}/Accueil.md:1:1  info  note-orpheline  Aucune note publiée ne mène à cette note : les lecteurs ne la trouveront que par la recherche ou l'accueil. Ajoutez-lui un lien depuis une note voisine.`,
          `${ATTACHMENTS}/Accueil.md:16:46  avertissement  piece-jointe-refusee  « _redirects » règle l'hébergeur du site : il n'est jamais copié depuis les notes, l'étape de publication écrit le sien. Retirez ce lien.`,
          `${ATTACHMENTS}/Accueil.md:16:59  avertissement  piece-jointe-refusee  « CNAME » règle l'hébergeur du site : il n'est jamais copié depuis les notes, l'étape de publication écrit le sien. Retirez ce lien.`,
          `${ATTACHMENTS}/Accueil.md:16:72  avertissement  piece-jointe-refusee  « netlify.toml » règle l'hébergeur du site : il n'est jamais copié depuis les notes, l'étape de publication écrit le sien. Retirez ce lien.`,
          `${ATTACHMENTS}/Accueil.md:18:16  avertissement  integration-introuvable  ![[old.png]] intègre « old.png », qui n'existe pas dans le dossier des notes : rien ne s'affiche à sa place. Ajoutez ce fichier ou cette note, ou corrigez son nom.`,
          `${ATTACHMENTS}/Accueil.md:18:45  avertissement  piece-jointe-refusee  « Brouillon/secret.png » est dans un dossier « Brouillon » : il n'est pas publié, et le lien ne mène nulle part. Sortez le fichier de ce dossier, ou retirez le lien.`,
          `${ATTACHMENTS}/Accueil.md:20:12  avertissement  lien-vers-brouillon  Le lien [[Brouillon de note]] mène à « Brouillon de note.md », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.`,
          `${ATTACHMENTS}/Accueil.md:22:21  avertissement  piece-jointe-refusee  « Templates/fond.png » est dans le dossier des modèles d'Obsidian : il n'est pas publié, et le lien ne mène nulle part. Sortez le fichier de ce dossier, ou retirez le lien.`,
          `${ATTACHMENTS}/brouillon-seul.pdf:1:1  info  piece-jointe-inutilisee  « brouillon-seul.pdf » n'est pas publié : seules des notes non publiées l'utilisent (« Brouillon de note.md »). Il le sera dès qu'une note publiée l'utilisera.`,
          `${ATTACHMENTS}/hostile.svg:1:1  info  piece-jointe-inutilisee  « hostile.svg » n'est pas publié : seules des notes non publiées l'utilisent (« Brouillon de note.md »), et il contient un élément <script>. Supprimez-le s'il ne sert plus.`,
          `${ATTACHMENTS}/page.html:1:1  info  piece-jointe-inutilisee  « page.html » n'est pas publié : seules des notes non publiées l'utilisent (« Brouillon de note.md »), et les fichiers « .html » ne le sont jamais. Supprimez-le s'il ne sert plus.`,
          `${ATTACHMENTS}/x.js:1:1  info  piece-jointe-inutilisee  « x.js » n'est pas publié : seules des notes non publiées l'utilisent (« Brouillon de note.md »), et les fichiers « .js » ne le sont jamais. Supprimez-le s'il ne sert plus.`,
          "3 notes vérifiées : 0 erreur, 7 avertissements (5 piece-jointe-refusee, 1 integration-introuvable, 1 lien-vers-brouillon), 6 informations (5 piece-jointe-inutilisee, 1 note-orpheline).",
        ),
      );
      expect(run.code).toBe(0);
    });
  });

  describe("on a vault written as its editors write it", () => {
    it("fails on broken Markdown links and missing images, whose summary names the codes", async () => {
      const run = await check("--notes", fixtureDir("real-vault"), "--quiet");
      expect(reportLines(run).map(parseLine).map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)).toEqual([
        "tests/fixtures/real-vault/Liens.md:8:35 lien-copie-d-obsidian",
        "tests/fixtures/real-vault/Liens.md:9:34 lien-copie-d-obsidian",
        "tests/fixtures/real-vault/Liens.md:10:32 lien-casse",
        "tests/fixtures/real-vault/Liens.md:12:31 lien-casse",
        "tests/fixtures/real-vault/Liens.md:14:21 image-introuvable",
        "tests/fixtures/real-vault/Liens.md:16:1 image-introuvable",
        "tests/fixtures/real-vault/Questions/Stratégie.md:4:1 titre-different-du-nom",
      ]);
      expect(run.stdout.split("\n").at(-2)).toBe(
        "4 notes vérifiées : 4 erreurs (2 image-introuvable, 2 lien-casse), 3 avertissements (2 lien-copie-d-obsidian, 1 titre-different-du-nom), informations masquées (--quiet).",
      );
      expect(run.code).toBe(1);
    });
  });

  describe("on a vault without any problem", () => {
    it("prints only the summary and exits 0, even with --strict", async () => {
      for (const strict of [[], ["--strict"]]) {
        const run = await check("--notes", fixtureDir("check-clean-vault"), ...strict);
        expect(run.stdout).toBe(lines("2 notes vérifiées : 0 erreur, 0 avertissement, 0 information."));
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
      }
    });

    it("gives an empty problem list and ok: true in JSON", async () => {
      const run = await check("--json", "--notes", CLEAN);
      expect(JSON.parse(run.stdout)).toEqual({ notes: 2, problems: [], ok: true });
      expect(run.code).toBe(0);
    });
  });

  describe("on a vault with links, a pipe, an .eleventyignore and a publication value not understood", () => {
    let work: string;
    let notes: string;
    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), "garden-check-odd-"));
      notes = path.join(work, "notes");
      await mkdir(path.join(notes, "Dossier"), { recursive: true });
      await writeFile(path.join(notes, "Accueil.md"), "# Accueil\n\nVoir [[Peut-être]].\n");
      await writeFile(path.join(notes, "Peut-être.md"), "---\ntitle: Peut-être\ndraft: peut-être\n---\nTexte.\n");
      await writeFile(path.join(notes, ".eleventyignore"), "Accueil.md\n");
      await symlink("/dev/zero", path.join(notes, "zero.md"));
      await symlink("..", path.join(notes, "Dossier", "boucle"));
      execFileSync("mkfifo", [path.join(notes, "tube.md")]);
    });
    afterAll(() => rm(work, { recursive: true, force: true }));

    it("warns of each skipped entry with its path, stops on the value, and exits 1", async () => {
      const run = await check("--notes", notes);
      const skipped = (file: string, kind: string) =>
        `${notes}/${file}:1:1  avertissement  entree-ignoree  « ${file} » est ${kind}, pas un fichier ni un dossier : il n'est jamais suivi ni lu, et rien de ce qu'il désigne n'est publié. Mettez à sa place le fichier ou le dossier lui-même, ou retirez-le du dossier des notes.`;
      expect(run.stdout).toBe(
        lines(
          `${notes}/.eleventyignore:1:1  avertissement  eleventyignore-sans-effet  Le fichier « .eleventyignore » du dossier des notes est sans effet : le site publie toutes les notes qui ne sont pas marquées comme brouillons. Pour garder une note hors du site, écrivez « draft: true » dans son en-tête ou rangez-la dans un dossier « Brouillon », puis supprimez ce fichier.`,
          `${notes}/Accueil.md:1:1  info  note-orpheline  ${ORPHAN}`,
          `${notes}/Accueil.md:3:6  avertissement  lien-vers-brouillon  Le lien [[Peut-être]] mène à « Peut-être.md », qui n'est pas publiée (brouillon) : il s'affiche comme une note à venir. Publiez cette note ou retirez le lien.`,
          skipped("Dossier/boucle", "un lien symbolique"),
          `${notes}/Peut-être.md:3:1  erreur  publication-invalide  « draft: peut-être » : la valeur de « draft » n'est pas comprise, la note n'est donc pas publiée. Écrivez « draft: true » pour la garder hors du site, ou « draft: false » pour la publier (valeurs acceptées, en majuscules ou en minuscules : true/false, yes/no, oui/non, on/off, 1/0).`,
          skipped("tube.md", "un tube nommé (FIFO)"),
          skipped("zero.md", "un lien symbolique"),
          "2 notes vérifiées : 1 erreur (1 publication-invalide), 5 avertissements (3 entree-ignoree, 1 eleventyignore-sans-effet, 1 lien-vers-brouillon), 1 information (1 note-orpheline).",
        ),
      );
      expect(run.code).toBe(1);
    });
  });

  describe("when the check cannot run", () => {
    it("exits 2 with a French message when the notes folder does not exist", async () => {
      const run = await check("--notes", "tests/fixtures/check-dossier-absent");
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        lines(`Le dossier de notes « ${path.join(ROOT, "tests", "fixtures", "check-dossier-absent")} » est introuvable. Indiquez-le avec --notes <dossier>.`),
      );
    });

    it("exits 2 when --notes is blank, rather than check the default folder", async () => {
      for (const blank of ["", "  "]) {
        const run = await check("--notes", blank);
        expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
          code: 2,
          stdout: "",
          stderr: lines(`--notes est vide. Indiquez un dossier, ou retirez --notes pour utiliser le dossier par défaut « ${path.join(ROOT, "notes")} ».`),
        });
      }
    });

    it("exits 2 on an unknown option, naming it in French and showing the usage", async () => {
      const run = await check("--notes", fixtureDir("check-clean-vault"), "--bogus");
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(lines("Option inconnue : « --bogus ».", USAGE));
    });

    it("exits 2 when --notes has no value, or a switch is given one", async () => {
      const missing = await check("--notes");
      expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, "", lines("L'option --notes attend une valeur juste après elle.", USAGE)]);
      // The folder was forgotten: --json is not taken for a folder's name.
      const swallowed = await check("--notes", "--json");
      expect([swallowed.code, swallowed.stdout, swallowed.stderr]).toEqual([2, "", lines("L'option --notes attend une valeur juste après elle.", USAGE)]);
      const valued = await check("--strict=oui", "--notes", CLEAN);
      expect([valued.code, valued.stdout, valued.stderr]).toEqual([2, "", lines("L'option --strict ne prend pas de valeur (« --strict=oui »).", USAGE)]);
    });

    it("prints the usage on stdout with --help, and exits 0", async () => {
      const run = await check("--help");
      expect([run.code, run.stdout, run.stderr]).toEqual([0, lines(USAGE), ""]);
    });

    it("exits 2, with no report, on a note path that does not exist", async () => {
      const run = await check("--notes", ERRORS, `${ERRORS}/Crochet.md`, `${ERRORS}/Nope.md`);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(lines(`La note « ${ERRORS}/Nope.md » est introuvable. Vérifiez son nom et son dossier, par exemple « ${ERRORS}/Ma note.md ».`));
    });

    it("exits 2 on the default notes folder too: a misspelled note is never a false green", async () => {
      const run = await check("notes/Nope.md");
      expect([run.code, run.stdout]).toEqual([2, ""]);
      expect(run.stderr).toBe(lines("La note « notes/Nope.md » est introuvable. Vérifiez son nom et son dossier, par exemple « notes/Ma note.md »."));
    });

    it("exits 2 on a file that is not a Markdown note, not in the notes folder, or a folder", async () => {
      const run = await check("--notes", CLEAN, "package.json", "README.md", `${CLEAN}`);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        lines(
          "« package.json » n'est pas une note : seuls les fichiers Markdown (.md) sont vérifiés.",
          `« README.md » n'est pas dans le dossier de notes « ${CLEAN} ». Nommez une note de ce dossier, par exemple « ${CLEAN}/Ma note.md », ou choisissez le dossier avec --notes <dossier>.`,
          `« ${CLEAN} » est un dossier : nommez-y une note, ou choisissez-le comme dossier de notes avec --notes <dossier>.`,
        ),
      );
    });

    it("exits 2 on a Markdown file of a hidden folder, which the garden never reads", async () => {
      const vault = await mkdtemp(path.join(os.tmpdir(), "garden-check-"));
      try {
        await cp(fixtureDir("check-clean-vault"), vault, { recursive: true });
        await mkdir(path.join(vault, ".trash"));
        await writeFile(path.join(vault, ".trash", "Ancienne.md"), "---\ntags: [musée\n---\n# Ancienne\n");
        const hidden = path.join(vault, ".trash", "Ancienne.md");
        const run = await check("--notes", vault, hidden);
        expect([run.code, run.stdout]).toEqual([2, ""]);
        expect(run.stderr).toBe(
          lines(`« ${hidden} » n'est pas lue comme une note : elle est dans un dossier caché (dont le nom commence par « . ») ou node_modules, ou c'est un lien symbolique.`),
        );
      } finally {
        await rm(vault, { recursive: true, force: true });
      }
    });
  });

  /**
   * Findings that contradict their own message. Each note of the vault shows one; the lines expected are the
   * right ones, not what the command prints today: these tests fail until the bugs are fixed.
   */
  describe("on notes where a finding contradicts its own message (known bugs)", () => {
    let run: Run;
    beforeAll(async () => {
      run = await check("--notes", fixtureDir("check-bugs-vault"));
    });
    const linesOf = (file: string) => reportLines(run).filter((l) => l.startsWith(`${BUGS}/${file}:`));

    it("yaml-invalide: points at an unquoted « : » on the first line of the header, not at the next line", () => {
      expect(linesOf("Deux-points en tête.md")).toEqual([
        `${BUGS}/Deux-points en tête.md:2:8  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « title: Musée : mode d'emploi ». La valeur contient « : » suivi d'un espace. Mettez toute la valeur entre guillemets, par exemple : titre: "Musée : mode d'emploi".`,
      ]);
    });

    it("yaml-invalide: does not blame a valid quoted value followed by a comment for an unclosed « [ » below it", () => {
      expect(linesOf("Commentaire.md")).toEqual([
        `${BUGS}/Commentaire.md:3:7  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « tags: [musée, collection ». Le « [ » ouvert ici n'est jamais refermé. Ajoutez « ] » à la fin de la valeur, par exemple : tags: [question, ressource].`,
      ]);
    });

    it("yaml-non-ferme: a header ended by « ... » is never closed for the build, which only knows « --- »", () => {
      expect(linesOf("Points.md")).toEqual([
        `${BUGS}/Points.md:1:1  erreur  yaml-non-ferme  L'en-tête ouvert par « --- » n'est jamais fermé. Ajoutez une ligne « --- » à la fin de l'en-tête, avant le texte de la note.`,
      ]);
    });

    it("url-en-double: a permalink /recherche/index.html is the search page's address too", () => {
      expect(linesOf("Doublon.md")).toEqual([
        `${BUGS}/Doublon.md:2:1  erreur  url-en-double  L'adresse /recherche/index.html est déjà celle de la page « Recherche » du site. Renommez la note ou donnez-lui un permalink.`,
      ]);
    });

    it("tag-commentaire: « tags: # à compléter » is a real YAML comment, not tags", () => {
      expect(linesOf("Tags à compléter.md")).toEqual([]);
    });

    it("note-a-venir: [[Web 2.0]] names a note to write, not a file", () => {
      expect(linesOf("Web.md")).toEqual([
        `${BUGS}/Web.md:3:15  info  note-a-venir  Le lien [[Web 2.0]] mène à une note qui reste à écrire ; il s'affiche comme « note à venir ».`,
      ]);
    });
  });
});
