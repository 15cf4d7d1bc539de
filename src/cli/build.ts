import { GardenBuildError } from "../eleventy-plugin/garden-build-error.js";
import { GardenError } from "../errors/garden-error.js";
import { gardenFolders, pathPrefixOf, readSiteSettings, SiteSettingError, type PathPrefix } from "../site/site-settings.js";
import { checkNotesFolder, UnsafeFolderError } from "../site-output/safe-folders.js";
import { buildGarden, type BuildResult } from "./build-garden.js";
import { readCommandLine } from "./command-line.js";
import { builtSiteCounts, formatProblem, plural, printable, shownNotesDir } from "./problem-report.js";

const USAGE = `Usage : npm run build
  construit le site des notes de notes/ dans _site/ ; NOTES_DIR=<dossier> et OUTPUT_DIR=<dossier> en choisissent d'autres
  --help  affiche cette aide`;

function summary(result: BuildResult, outputDir: string, prefix: PathPrefix, seconds: number): string {
  const linksPart =
    result.linksToWrite === 0
      ? plural(result.links, "lien")
      : `${plural(result.links, "lien")}, dont ${result.linksToWrite} vers ${plural(result.notesToWrite, "note encore à écrire", "notes encore à écrire")} (liste sur ${prefix}notes-a-ecrire/)`;
  return (
    `Site construit dans ${shownNotesDir(outputDir)} en ${seconds.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s : ` +
    `${plural(result.published, "note publiée", "notes publiées")} et ${linksPart} ; ` +
    (result.attachmentsLeftOut > 0 ? `${plural(result.attachmentsLeftOut, "fichier joint laissé de côté", "fichiers joints laissés de côté")} (non utilisés ou refusés) ; ` : "") +
    `${builtSiteCounts(result.problems)} ; ` +
    `${plural(result.searchPages, "page indexée", "pages indexées")} pour la recherche. Lancez « npm run check » pour le détail.`
  );
}

/** Exit codes: 0 built, 1 the build failed (the previous site is intact), 2 a folder or SITE_URL was refused before anything was written. */
async function main(): Promise<number> {
  const started = performance.now();
  let notesDir = "";
  try {
    const settings = readSiteSettings();
    const folders = gardenFolders();
    notesDir = folders.notesDir;
    await checkNotesFolder(notesDir, "NOTES_DIR=<dossier>");
    const result = await buildGarden(notesDir, folders.outputDir);
    const shownDir = shownNotesDir(notesDir);
    for (const problem of result.problems.filter((p) => p.level !== "info")) console.warn(formatProblem(problem, shownDir));
    console.log(summary(result, folders.outputDir, pathPrefixOf(settings.url), (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    if (error instanceof UnsafeFolderError || error instanceof SiteSettingError) {
      console.error(printable(error.message));
      return 2;
    }
    if (error instanceof GardenBuildError) {
      for (const problem of error.problems) console.error(formatProblem(problem, shownNotesDir(notesDir)));
      const fix = error.problems.length === 1 ? "corrigez-la" : "corrigez-les";
      console.error(`La construction s'est arrêtée sur ${plural(error.problems.length, "erreur")} : ${fix}, puis relancez « npm run build ». Le site précédent est resté intact.`);
    } else if (error instanceof GardenError) {
      console.error(printable(error.message));
    } else {
      console.error(`La construction a échoué : ${printable(error instanceof Error ? error.message : String(error))}\nLe site précédent est resté intact.`);
    }
    return 1;
  }
}

const commandLine = readCommandLine(USAGE, {}, { allowPositionals: false });
process.exitCode = typeof commandLine === "number" ? commandLine : await main();
