import { describe, expect, it } from "vitest";
import { GardenBuildError } from "../../src/eleventy-plugin/garden-build-error.js";
import { GardenError } from "../../src/errors/garden-error.js";
import { SearchIndexError } from "../../src/search-index/write-search-index.js";
import { UnsafeFolderError } from "../../src/site-output/safe-folders.js";

describe("GardenError", () => {
  it("keeps the error it stands for as its cause, and is named after its class", () => {
    const cause = new Error("EACCES: permission denied");
    const error = new UnsafeFolderError("Le dossier de notes « notes » est illisible.", { cause });
    expect(error).toBeInstanceOf(GardenError);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.cause]).toEqual(["UnsafeFolderError", "Le dossier de notes « notes » est illisible.", cause]);
    expect(new GardenError("x")).not.toHaveProperty("cause");
  });

  it("is the base of every error a command explains by its message alone", () => {
    const errors = [new GardenBuildError([]), new SearchIndexError("écriture", ["disque plein"]), new UnsafeFolderError("…")];
    expect(errors.map((e) => [e instanceof GardenError, e.name])).toEqual([
      [true, "GardenBuildError"],
      [true, "SearchIndexError"],
      [true, "UnsafeFolderError"],
    ]);
  });
});
