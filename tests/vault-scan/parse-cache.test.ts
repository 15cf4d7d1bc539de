import { describe, expect, it } from "vitest";
import { ParseCache } from "../../src/vault-scan/parse-cache.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { SITE } from "../helpers.js";

const FILE = toVaultPath("Dossier/Note.md");

describe("ParseCache", () => {
  it("gives the note parsed by the last scan when the text is the same, with its contexts already worked out", () => {
    const cache = new ParseCache();
    const first = cache.parse(FILE, "# Note\n\nVoir [[Autre]].\n", SITE);
    cache.endScan();
    const second = cache.parse(FILE, "# Note\n\nVoir [[Autre]].\n", SITE);
    expect(second).toBe(first);
    expect(second.note.outline.links[0]!.context).toBe("Voir Autre.");
  });

  it("parses the note again when its text or the site name changed", () => {
    const cache = new ParseCache();
    const first = cache.parse(FILE, "# Note\n", SITE);
    cache.endScan();
    const edited = cache.parse(FILE, "# Note modifiée\n", SITE);
    expect(edited).not.toBe(first);
    expect(edited.note.title).toBe("Note modifiée");
    cache.endScan();
    const renamedSite = cache.parse(FILE, "# Note modifiée\n", { ...SITE, siteName: "Note modifiée" });
    expect(renamedSite).not.toBe(edited);
  });

  it("parses the note again when the layout's ids changed, which its heading ids avoid", () => {
    const cache = new ParseCache();
    const first = cache.parse(FILE, "## Sommaire\n", SITE);
    cache.endScan();
    const second = cache.parse(FILE, "## Sommaire\n", { ...SITE, layoutIds: [...SITE.layoutIds, "sommaire"] });
    expect([first.note.outline.headings[0]?.id, second.note.outline.headings[0]?.id]).toEqual(["sommaire", "sommaire-2"]);
  });

  it("parses the note again when the templates folder changed", () => {
    const cache = new ParseCache();
    const first = cache.parse(FILE, "# Note\n", { ...SITE, templatesFolders: ["Modèles"] });
    cache.endScan();
    const same = cache.parse(FILE, "# Note\n", { ...SITE, templatesFolders: ["Modèles"] });
    expect(same).toBe(first);
    cache.endScan();
    const moved = cache.parse(FILE, "# Note\n", { ...SITE, templatesFolders: ["Dossier"] });
    expect(moved).not.toBe(first);
    expect(moved.note.unpublished).toBe("templates-folder");
  });

  it("forgets the notes a scan did not read", () => {
    const cache = new ParseCache();
    const first = cache.parse(FILE, "# Note\n", SITE);
    cache.endScan();
    cache.endScan();
    expect(cache.parse(FILE, "# Note\n", SITE)).not.toBe(first);
  });
});
