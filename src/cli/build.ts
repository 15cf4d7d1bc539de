import { GardenBuildError } from "../eleventy-plugin/garden-build-error.js";
import { gardenFolders } from "../eleventy-plugin/site-settings.js";
import { SearchIndexError } from "../search-index/write-search-index.js";
import { OutputBusyError } from "../site-output/swap-output.js";
import { buildGarden, type BuildResult } from "./build-garden.js";
import { formatProblem, plural, printable, shownNotesDir } from "./problem-report.js";

const { notesDir, outputDir } = gardenFolders();

function summary(result: BuildResult, seconds: number): string {
  const warnings = result.problems.filter((p) => p.level === "avertissement").length;
  const errors = result.problems.filter((p) => p.level === "erreur").length;
  const linksPart =
    result.linksToWrite === 0
      ? plural(result.links, "lien")
      : `${plural(result.links, "lien")}, dont ${result.linksToWrite} vers ${plural(result.notesToWrite, "note encore à écrire", "notes encore à écrire")} (liste sur /notes-a-ecrire/)`;
  return (
    `Site construit dans ${shownNotesDir(outputDir)} en ${seconds.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s : ` +
    `${plural(result.published, "note publiée", "notes publiées")} et ${linksPart} ; ` +
    `${plural(warnings, "avertissement")}${errors > 0 ? ` et ${plural(errors, "erreur")} de lien` : ""} ; ` +
    `${plural(result.searchPages, "page indexée", "pages indexées")} pour la recherche. Lancez « npm run check » pour le détail.`
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  try {
    const result = await buildGarden(notesDir, outputDir);
    const shownDir = shownNotesDir(notesDir);
    for (const problem of result.problems.filter((p) => p.level !== "info")) console.warn(formatProblem(problem, shownDir));
    console.log(summary(result, (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    if (error instanceof GardenBuildError) {
      for (const problem of error.problems) console.error(formatProblem(problem, shownNotesDir(notesDir)));
      const fix = error.problems.length === 1 ? "corrigez-la" : "corrigez-les";
      console.error(`La construction s'est arrêtée sur ${plural(error.problems.length, "erreur")} : ${fix}, puis relancez « npm run build ». Le site précédent est resté intact.`);
    } else if (error instanceof OutputBusyError || error instanceof SearchIndexError) {
      console.error(printable(error.message));
    } else {
      console.error(`La construction a échoué : ${printable(error instanceof Error ? error.message : String(error))}\nLe site précédent est resté intact.`);
    }
    return 1;
  }
}

process.exitCode = await main();
