import path from "node:path";
import { compareFrench } from "../vault-scan/french-order.js";
import type { Problem } from "../vault-scan/problem.js";

/** C0 and C1 control characters and DEL: ESC among them starts the sequences a terminal obeys. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * A text from the notes or the system as it may be printed on one line: without control characters, so that a link
 * or file name cannot move the cursor, clear the screen, rewrite the title of the editor's terminal, or add a line.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}

/** "notes/Ma note.md:12:5  erreur  lien-casse  Le lien …": the line editors read, also clickable in editors' terminals. */
export function formatProblem(problem: Problem, notesDirShown: string): string {
  return printable(`${shownFile(problem, notesDirShown)}:${problem.line}:${problem.column}  ${problem.level}  ${problem.code}  ${problem.message}`);
}

/** The finding's file as the reports show it: under the notes folder as the editor knows it ("notes/Ma note.md"). */
export function shownFile(problem: Problem, notesDirShown: string): string {
  return notesDirShown === "" ? problem.file : `${notesDirShown}/${problem.file}`;
}

/** The notes folder as the editor knows it: relative to where the command runs, with forward slashes. */
export function shownNotesDir(notesDir: string): string {
  const relative = path.relative(process.cwd(), notesDir);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? notesDir : relative).split(path.sep).join("/");
}

/** French counts: 0 and 1 take the singular. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("fr-FR")} ${count <= 1 ? singular : pluralForm}`;
}

const LEVEL_NAMES: Readonly<Record<Problem["level"], string>> = { erreur: "erreur", avertissement: "avertissement", info: "information" };

/**
 * The findings of the given levels, counted by level and then by code, most frequent first:
 * "3 erreurs (2 lien-casse, 1 image-introuvable), 0 avertissement".
 */
export function countsByCode(problems: readonly Problem[], levels: readonly Problem["level"][]): string {
  return levels
    .map((level) => {
      const counts = codeCounts(problems, level);
      const total = counts.reduce((sum, [, count]) => sum + count, 0);
      const codes = counts.map(([code, count]) => `${count.toLocaleString("fr-FR")} ${code}`);
      return `${plural(total, LEVEL_NAMES[level])}${codes.length > 0 ? ` (${codes.join(", ")})` : ""}`;
    })
    .join(", ");
}

/** The findings of one level, counted by code, most frequent first, then in French order. */
export function codeCounts(problems: readonly Problem[], level: Problem["level"]): [string, number][] {
  const byCode = new Map<string, number>();
  for (const problem of problems) if (problem.level === level) byCode.set(problem.code, (byCode.get(problem.code) ?? 0) + 1);
  return [...byCode].sort(([a, m], [b, n]) => n - m || compareFrench(a, b));
}

/** What a built site tells of its findings: its warnings by code, after its errors when some did not stop the build. */
export function builtSiteCounts(problems: readonly Problem[]): string {
  return countsByCode(problems, problems.some((p) => p.level === "erreur") ? ["erreur", "avertissement"] : ["avertissement"]);
}
