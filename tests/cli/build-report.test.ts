import { describe, expect, it } from "vitest";
import { reportOf } from "../../src/cli/build-report.js";
import { fixtureDir, scanGarden } from "../helpers.js";

describe("reportOf", () => {
  it("counts Markdown links among the links, but only wikilinks among the links to notes still to be written", async () => {
    const report = reportOf(await scanGarden(fixtureDir("real-vault")));
    expect([report.notes, report.published, report.links, report.linksToWrite, report.notesToWrite]).toEqual([4, 4, 13, 0, 0]);
  });
});
