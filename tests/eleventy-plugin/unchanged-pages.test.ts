import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildAfter, startDevServer, type DevServer } from "../../bench/dev-server.js";
import { noteView } from "../../src/views/note-views.js";
import type { SiteSettings } from "../../src/site/site-settings.js";
import { pageFingerprint, UnchangedPages } from "../../src/eleventy-plugin/unchanged-pages.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { memoryVault, note } from "../helpers.js";

const SITE: SiteSettings = { name: "MuseumXTD", description: "Ressources.", contactEmail: "info@museumxtd.ch", language: "fr", url: "https://www.museumxtd.ch" };

function fingerprints(sources: Readonly<Record<string, string>>): Map<string, string | undefined> {
  const graph: LinkGraph = buildLinkGraph(memoryVault(sources), { reservedUrls: new Map() });
  return new Map(graph.published.map((n) => [n.file, pageFingerprint(graph, n, noteView(graph, n, SITE), "")]));
}

describe("pageFingerprint", () => {
  const before = fingerprints({
    "A.md": "# A\n\nVoir [[B]].\n",
    "B.md": "# B\n\nTexte de B.\n",
    "C.md": "# C\n\nSeule.\n",
    "D.md": "# D\n\n![[B]]\n",
  });

  it("changes for the edited note and the note whose backlinks quote it, not for an unrelated note", () => {
    const after = fingerprints({
      "A.md": "# A\n\nVoir [[B]] pour tout savoir.\n",
      "B.md": "# B\n\nTexte de B.\n",
      "C.md": "# C\n\nSeule.\n",
      "D.md": "# D\n\n![[B]]\n",
    });
    expect(after.get("A.md")).not.toBe(before.get("A.md"));
    expect(after.get("B.md")).not.toBe(before.get("B.md"));
    expect(after.get("C.md")).toBe(before.get("C.md"));
  });

  it("changes for a note whose link target got another title", () => {
    const after = fingerprints({
      "A.md": "# A\n\nVoir [[B]].\n",
      "B.md": "# B renommée\n\nTexte de B.\n",
      "C.md": "# C\n\nSeule.\n",
      "D.md": "# D\n\n![[B]]\n",
    });
    expect(after.get("A.md")).not.toBe(before.get("A.md"));
    expect(after.get("C.md")).toBe(before.get("C.md"));
  });

  it("is undefined for a page that embeds another note, which is then always rendered", () => {
    expect(before.get("D.md")).toBeUndefined();
  });
});

describe("UnchangedPages", () => {
  let dir = "";
  const page = note("Page.md", "# Page\n");

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "garden-unchanged-pages-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function written(): Promise<void> {
    await mkdir(path.join(dir, "page"), { recursive: true });
    await writeFile(path.join(dir, "page", "index.html"), "<p>Page</p>");
  }

  it("skips a page only with the fingerprint of the last successful build and its file still on disk", async () => {
    const pages = new UnchangedPages();
    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(false);
    await written();
    pages.succeeded();

    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(true);
    expect(pages.isUnchanged(page, "f2", dir)).toBe(false);
    expect(pages.isUnchanged(page, undefined, dir)).toBe(false);
    pages.succeeded();

    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(false);
    pages.succeeded();
    await rm(path.join(dir, "page"), { recursive: true });
    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(false);
  });

  it("renders every page after a failed build, and after a change outside the notes", async () => {
    await written();
    const pages = new UnchangedPages();
    pages.start();
    pages.isUnchanged(page, "f1", dir);
    pages.succeeded();

    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(true);
    // No succeeded(): that build failed.
    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(false);
    pages.succeeded();

    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(true);
    pages.succeeded();
    pages.forget();
    pages.start();
    expect(pages.isUnchanged(page, "f1", dir)).toBe(false);
  });
});

/** The real `npm start`: its notes folder is inside the project, where Eleventy's watcher sees the notes change. */
describe("npm start after an edit", () => {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const work = path.join(projectRoot, "tests", `.dev-server-${process.pid}`);
  const notesDir = path.join(work, "notes");
  const siteDir = path.join(work, "site");
  let server: DevServer | undefined;

  afterAll(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  const pageOf = (slug: string) => path.join(siteDir, slug, "index.html");
  const mtimes = async () => Object.fromEntries(await Promise.all(["a", "b", "c", "d"].map(async (slug) => [slug, (await stat(pageOf(slug))).mtimeMs] as const)));

  async function edit(file: string, text: string): Promise<void> {
    const seen = server!.watchCount();
    // Apart from the last write by more than the file system's time resolution.
    await sleep(50);
    await writeFile(path.join(notesDir, file), text);
    await rebuildAfter(server!, seen, 60_000);
  }

  it(
    "rewrites the edited page and the pages it changes, leaves the others, and rewrites all after a failed build",
    async () => {
      await mkdir(notesDir, { recursive: true });
      await writeFile(path.join(notesDir, "A.md"), "# A\n\nVoir [[B]].\n");
      await writeFile(path.join(notesDir, "B.md"), "# B\n\nTexte de B.\n");
      await writeFile(path.join(notesDir, "C.md"), "# C\n\nSeule.\n");
      await writeFile(path.join(notesDir, "D.md"), "# D\n\n![[B]]\n");
      server = await startDevServer(projectRoot, notesDir, siteDir, 120_000);
      const first = await mtimes();

      await edit("A.md", "# A\n\nVoir [[B]] pour tout savoir.\n");
      const second = await mtimes();
      expect(await readFile(pageOf("a"), "utf8")).toContain("pour tout savoir");
      expect(await readFile(pageOf("b"), "utf8")).toContain('<blockquote class="backlink-context"><p>Voir B pour tout savoir.</p></blockquote>');
      expect(second["a"]).not.toBe(first["a"]);
      expect(second["b"]).not.toBe(first["b"]);
      expect(second["d"]).not.toBe(first["d"]);
      expect(second["c"]).toBe(first["c"]);

      await edit("C.md", "---\ntitle: [\n---\n# C\n");
      expect((await mtimes())["a"]).toBe(second["a"]);
      await edit("C.md", "# C\n\nSeule.\n");
      const afterFailure = await mtimes();
      expect(afterFailure["a"]).not.toBe(second["a"]);
      expect(afterFailure["c"]).not.toBe(second["c"]);
      expect(await readFile(pageOf("c"), "utf8")).toContain("Seule.");
    },
    240_000,
  );
});
