import type { Problem } from "../vault-scan/problem.js";

/** Stops the build on problems that would publish a wrong site; carries them to the build command's report. */
export class GardenBuildError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} erreur(s) bloquent la construction du site`);
    this.name = "GardenBuildError";
  }
}
