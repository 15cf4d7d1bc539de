import { GardenError } from "../errors/garden-error.js";
import type { Problem } from "../vault-scan/problem.js";

/** Stops the build on problems that would publish a wrong site; carries them to the build command's report. */
export class GardenBuildError extends GardenError {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} erreur(s) bloquent la construction du site`);
  }
}
