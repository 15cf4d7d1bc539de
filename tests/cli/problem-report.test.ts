import { describe, expect, it } from "vitest";
import { formatProblem, printable } from "../../src/cli/problem-report.js";
import type { Problem } from "../../src/vault-scan/problem.js";
import type { VaultPath } from "../../src/vault-scan/paths.js";

describe("formatProblem", () => {
  it("prints no control character of a file name or message, ESC and C1 controls included", () => {
    const problem: Problem = {
      level: "info",
      code: "note-a-venir",
      file: "Pi\u001b[2Jège.md" as VaultPath,
      line: 3,
      column: 1,
      message: "Le lien [[\u001b]0;pirate\u0007Titre\u009b31m\nfin]] mène à une note qui reste à écrire.",
    };
    expect(formatProblem(problem, "notes")).toBe("notes/Pi[2Jège.md:3:1  info  note-a-venir  Le lien [[]0;pirateTitre31mfin]] mène à une note qui reste à écrire.");
  });

  it("keeps every other character", () => {
    expect(printable("Musée « d’Orsay » : 100 % 🎨\u00a0fin")).toBe("Musée « d’Orsay » : 100 % 🎨\u00a0fin");
  });
});
