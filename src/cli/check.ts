import { stat } from "node:fs/promises";
import path from "node:path";
import { readLayoutIds } from "../site/layout-ids.js";
import { reservedUrls } from "../site/pages.js";
import { gardenFolders, readSiteSettings, SiteSettingError, type SiteSettings } from "../site/site-settings.js";
import { buildLinkGraph } from "../link-graph/link-graph.js";
import { checkNotesFolder, folderSetting, UnsafeFolderError } from "../site-output/safe-folders.js";
import type { Problem } from "../vault-scan/problem.js";
import { vaultPathOf, type VaultPath } from "../vault-scan/paths.js";
import { readVault } from "../vault-scan/read-vault.js";
import { readCommandLine } from "./command-line.js";
import { announce } from "./phase-channel.js";
import { codeCounts, countsByCode, formatProblem, plural, printable, shownFile, shownNotesDir } from "./problem-report.js";

const USAGE = `Usage : npm run check -- [--notes <dossier>] [--strict] [--quiet] [--json] [note.md…]
  note.md…           ne signale que les problèmes de ces notes (tout le dossier reste lu pour résoudre les liens)
  --notes <dossier>  vérifie un autre dossier de notes (par défaut : notes/)
  --strict           échoue aussi sur les avertissements
  --quiet            n'affiche pas les informations (niveau « info »), seulement les erreurs et les avertissements
  --json             écrit le résultat en JSON, et rien d'autre, sur la sortie standard
  --help             affiche cette aide`;

/** "17 notes vérifiées : 0 erreur, 2 avertissements (1 note-vide, 1 tag-commentaire), 3 informations (3 note-orpheline)." */
function summary(problems: readonly Problem[], notes: number, quiet: boolean): string {
  const hidden = quiet ? `, informations masquées (--quiet)` : "";
  return `${plural(notes, "note vérifiée", "notes vérifiées")} : ${countsByCode(problems, quiet ? ["erreur", "avertissement"] : ["erreur", "avertissement", "info"])}${hidden}.`;
}

/** With --strict, the warnings that make the check fail, counted by code, most frequent first. */
function strictFailure(problems: readonly Problem[]): string | undefined {
  const counts = codeCounts(problems, "avertissement");
  if (counts.length === 0) return undefined;
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  const codes = counts.map(([code, count]) => `${code} (${count})`);
  return (
    `Avec --strict, ${plural(total, "avertissement")} ${total > 1 ? "font" : "fait"} échouer la vérification : ${codes.join(", ")}. ` +
    "Corrigez les lignes « avertissement » ci-dessus, ou relancez sans --strict pour n'échouer que sur les erreurs."
  );
}

/** Why a note named on the command line cannot be checked, before the vault is read; undefined when it can. */
async function unreadableNote(file: string, notesDir: string): Promise<string | undefined> {
  const absolute = path.resolve(file);
  const shownDir = shownNotesDir(notesDir);
  const found = await stat(absolute).catch(() => undefined);
  if (!found) return `La note « ${file} » est introuvable. Vérifiez son nom et son dossier, par exemple « ${shownDir}/Ma note.md ».`;
  if (found.isDirectory()) return `« ${file} » est un dossier : nommez-y une note, ou choisissez-le comme dossier de notes avec --notes <dossier>.`;
  if (!file.toLowerCase().endsWith(".md")) return `« ${file} » n'est pas une note : seuls les fichiers Markdown (.md) sont vérifiés.`;
  const relative = path.relative(notesDir, absolute);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    return `« ${file} » n'est pas dans le dossier de notes « ${shownDir} ». Nommez une note de ce dossier, par exemple « ${shownDir}/Ma note.md », ou choisissez le dossier avec --notes <dossier>.`;
  }
  return undefined;
}

/** Exit codes: 0 no error, 1 errors (or warnings with --strict), 2 the check itself could not run. */
async function main(): Promise<number> {
  const commandLine = readCommandLine(USAGE, { notes: { type: "string" }, strict: { type: "boolean" }, quiet: { type: "boolean" }, json: { type: "boolean" } }, { allowPositionals: true });
  if (typeof commandLine === "number") return commandLine;
  const { values: args, positionals } = commandLine;
  let notesDir: string;
  let site: SiteSettings;
  try {
    site = readSiteSettings();
    notesDir = folderSetting(args.notes, "--notes", gardenFolders({}).notesDir);
    await checkNotesFolder(notesDir, "--notes <dossier>");
  } catch (error) {
    if (!(error instanceof UnsafeFolderError || error instanceof SiteSettingError)) throw error;
    console.error(printable(error.message));
    return 2;
  }
  const unreadable = (await Promise.all(positionals.map((file) => unreadableNote(file, notesDir)))).filter((reason) => reason !== undefined);
  if (unreadable.length > 0) {
    console.error(unreadable.map(printable).join("\n"));
    return 2;
  }
  announce("check.start");
  const vault = await readVault(notesDir, { siteName: site.name, siteUrl: site.url, layoutIds: readLayoutIds(), fileDates: false });
  announce("scan.end");
  const only = new Map<VaultPath, string>(positionals.map((file) => [vaultPathOf(notesDir, path.resolve(file)), file]));
  const read = new Set(vault.notes.map((note) => note.file));
  const skipped = [...only].filter(([file]) => !read.has(file));
  if (skipped.length > 0) {
    console.error(
      skipped
        .map(([, file]) => `« ${printable(file)} » n'est pas lue comme une note : elle est dans un dossier caché (dont le nom commence par « . ») ou node_modules, ou c'est un lien symbolique.`)
        .join("\n"),
    );
    return 2;
  }
  const graph = buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes), alwaysPublishedFolders: site.alwaysPublishedFolders ?? [] });
  announce("graph.end");
  const problems = graph.problems.filter((p) => (only.size === 0 || only.has(p.file)) && !(args.quiet === true && p.level === "info"));
  const strictReason = args.strict === true ? strictFailure(problems) : undefined;
  const failing = strictReason !== undefined || problems.some((p) => p.level === "erreur");
  const shownDir = shownNotesDir(notesDir);

  if (args.json) {
    const shown = problems.map((p) => ({ level: p.level, code: p.code, file: shownFile(p, shownDir), line: p.line, column: p.column, message: p.message }));
    console.log(JSON.stringify({ notes: vault.notes.length, problems: shown, ok: !failing }, null, 2));
  } else {
    // One write: a large vault has thousands of findings, and a console.log each is slow on a pipe.
    const report = [...problems.map((problem) => formatProblem(problem, shownDir)), summary(problems, vault.notes.length, args.quiet === true)];
    if (strictReason !== undefined) report.push(strictReason);
    console.log(report.join("\n"));
  }
  return failing ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`La vérification n'a pas pu se faire : ${printable((error as Error).message)}`);
  process.exitCode = 2;
}
