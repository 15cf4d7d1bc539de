import { GardenBuildError } from "../eleventy-plugin/garden-plugin.js";
import { gardenFolders } from "../eleventy-plugin/site-settings.js";
import type { LinkGraph } from "../link-graph/link-graph.js";
import { SearchIndexError } from "../search-index/write-search-index.js";
import { OutputBusyError } from "../site-output/swap-output.js";
import { buildGarden } from "./build-garden.js";
import { formatProblem, plural, shownNotesDir } from "./problem-report.js";

const { notesDir, outputDir } = gardenFolders();

function summary(graph: LinkGraph, searchPages: number, seconds: number): string {
  let links = 0;
  let toWrite = 0;
  for (const note of graph.published) {
    for (const link of graph.outgoing.get(note.file) ?? []) {
      links++;
      if (link.resolution.kind === "missing" || link.resolution.kind === "unpublished") toWrite++;
    }
  }
  const warnings = graph.problems.filter((p) => p.level === "avertissement").length;
  const errors = graph.problems.filter((p) => p.level === "erreur").length;
  const linksPart =
    toWrite === 0
      ? plural(links, "lien")
      : `${plural(links, "lien")}, dont ${toWrite} vers ${plural(graph.missing.length, "note encore à écrire", "notes encore à écrire")} (liste sur /notes-a-ecrire/)`;
  return (
    `Site construit dans ${shownNotesDir(outputDir)} en ${seconds.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s : ` +
    `${plural(graph.published.length, "note publiée", "notes publiées")} et ${linksPart} ; ` +
    `${plural(warnings, "avertissement")}${errors > 0 ? ` et ${plural(errors, "erreur")} de lien` : ""} ; ` +
    `${plural(searchPages, "page indexée", "pages indexées")} pour la recherche. Lancez « npm run check » pour le détail.`
  );
}

/** An error and those it wraps, outermost first: Eleventy wraps template errors several times. */
function* errorChain(error: unknown): Generator<{ message?: string }> {
  let current = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined;
  while (current && typeof current === "object") {
    yield current;
    current = (current.originalError ?? current.cause) as typeof current;
  }
}

/** The deepest message of an error chain, without its stack. */
function innermostMessage(error: unknown): string {
  let message = String(error);
  for (const link of errorChain(error)) if (link.message) message = link.message;
  return message;
}

function findGardenError(error: unknown): GardenBuildError | undefined {
  for (const link of errorChain(error)) if (link instanceof GardenBuildError) return link;
  return undefined;
}

async function main(): Promise<number> {
  const started = performance.now();
  try {
    const { graph, searchPages } = await buildGarden(notesDir, outputDir);
    const shownDir = shownNotesDir(notesDir);
    for (const problem of graph.problems.filter((p) => p.level !== "info")) console.warn(formatProblem(problem, shownDir));
    console.log(summary(graph, searchPages, (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    const garden = findGardenError(error);
    if (garden) {
      for (const problem of garden.problems) console.error(formatProblem(problem, shownNotesDir(notesDir)));
      const fix = garden.problems.length === 1 ? "corrigez-la" : "corrigez-les";
      console.error(`La construction s'est arrêtée sur ${plural(garden.problems.length, "erreur")} : ${fix}, puis relancez « npm run build ». Le site précédent est resté intact.`);
    } else if (error instanceof OutputBusyError || error instanceof SearchIndexError) {
      console.error(error.message);
    } else {
      console.error(`La construction a échoué : ${innermostMessage(error)}\nLe site précédent est resté intact.`);
    }
    return 1;
  }
}

process.exitCode = await main();
