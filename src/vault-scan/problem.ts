import { PROBLEMS, type ProblemCode } from "./findings.js";
import { compareFrench } from "./french-order.js";
import type { VaultPath } from "./paths.js";

/** French level names, as editors read them in reports. */
export type ProblemLevel = "erreur" | "avertissement" | "info";

/** One finding about the notes, at file:line:column (1-based), with a stable code and a French message. */
export type Problem = { [Code in ProblemCode]: ProblemOf<Code> }[ProblemCode];

/** A finding with this code: its level is the code's level in PROBLEMS. */
interface ProblemOf<Code extends ProblemCode> {
  readonly level: (typeof PROBLEMS)[Code]["level"];
  readonly code: Code;
  readonly file: VaultPath;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * The finding `code` raises at a place, at the level the table of findings gives it. Not "{ ...at, level, code,
 * message }": V8 builds an object literal that spreads another object and adds properties to it tens of times slower,
 * and a large vault has tens of thousands of findings. (TypeScript cannot tell that the level read for `code` is
 * that code's level, hence the cast.)
 */
export function problemAt(at: Pick<Problem, "file" | "line" | "column">, code: ProblemCode, message: string): Problem {
  return { file: at.file, line: at.line, column: at.column, level: PROBLEMS[code].level, code, message } as Problem;
}

const LEVEL_ORDER: Record<ProblemLevel, number> = { erreur: 0, avertissement: 1, info: 2 };

export function compareProblems(a: Problem, b: Problem): number {
  return (
    // Most comparisons are between findings of one file: equal names need no collation.
    (a.file === b.file ? 0 : compareFrench(a.file, b.file)) ||
    a.line - b.line ||
    a.column - b.column ||
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    compareFrench(a.code, b.code)
  );
}
