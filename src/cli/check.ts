import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { reservedUrls } from "../eleventy-plugin/reserved-urls.js";
import { gardenFolders, readSiteSettings } from "../eleventy-plugin/site-settings.js";
import { buildLinkGraph } from "../link-graph/link-graph.js";
import type { Problem } from "../vault-scan/problem.js";
import { vaultPathOf } from "../vault-scan/paths.js";
import { readVault } from "../vault-scan/read-vault.js";
import { announce } from "./phase-channel.js";
import { formatProblem, plural, printable, shownNotesDir } from "./problem-report.js";


const USAGE = `Usage : npm run check -- [--notes <dossier>] [--strict] [--json] [note.md…]
  note.md…           ne signale que les problèmes de ces notes (tout le dossier reste lu pour résoudre les liens)
  --notes <dossier>  vérifie un autre dossier de notes (par défaut : notes/)
  --strict           échoue aussi sur les avertissements
  --json             écrit le résultat en JSON`;

function summary(problems: readonly Problem[], notes: number): string {
  const count = (level: Problem["level"]) => problems.filter((p) => p.level === level).length;
  return `${plural(notes, "note vérifiée", "notes vérifiées")} : ${plural(count("erreur"), "erreur")}, ${plural(count("avertissement"), "avertissement")}, ${plural(count("info"), "information")}.`;
}

/** Exit codes: 0 no error, 1 errors (or warnings with --strict), 2 the check itself could not run. */
async function main(): Promise<number> {
  let args;
  let positionals: string[];
  try {
    ({ values: args, positionals } = parseArgs({
      allowPositionals: true,
      options: { notes: { type: "string" }, strict: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean" } },
    }));
  } catch (error) {
    console.error(`${printable((error as Error).message)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const notesDir = args.notes ? path.resolve(args.notes) : gardenFolders({}).notesDir;
  if (!(await stat(notesDir).then((s) => s.isDirectory(), () => false))) {
    console.error(`Le dossier de notes « ${printable(notesDir)} » est introuvable. Indiquez-le avec --notes <dossier>.`);
    return 2;
  }
  announce("check.start");
  const site = readSiteSettings();
  const vault = await readVault(notesDir, { siteName: site.name, fileDates: false });
  announce("scan.end");
  const graph = buildLinkGraph(vault, { reservedUrls: reservedUrls(vault.notes) });
  announce("graph.end");
  const only = new Set(positionals.map((file) => vaultPathOf(notesDir, path.resolve(file))));
  const problems = graph.problems.filter((p) => only.size === 0 || only.has(p.file));
  const failing = problems.some((p) => p.level === "erreur" || (args.strict === true && p.level === "avertissement"));

  if (args.json) {
    console.log(JSON.stringify({ notes: vault.notes.length, problems, ok: !failing }, null, 2));
  } else {
    const shown = shownNotesDir(notesDir);
    // One write: a large vault has thousands of findings, and a console.log each is slow on a pipe.
    console.log([...problems.map((problem) => formatProblem(problem, shown)), summary(problems, vault.notes.length)].join("\n"));
  }
  return failing ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`La vérification n'a pas pu se faire : ${printable((error as Error).message)}`);
  process.exitCode = 2;
}
