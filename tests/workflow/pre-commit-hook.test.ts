import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchRepository, type ScratchRepository } from "./scratch-repository.js";

// The hook must judge what the commit records: the staged notes, not the working copies an editor may have
// changed since « git add ».

const COPIED = ["src", "_data", "_includes", "docs", "package.json", "tsconfig.json", ".gitignore"];

const GOOD = "---\ntags: [musée, collection]\n---\n# Inventaire\n\nVoir aussi [[Accueil]].\n";
const BROKEN = "---\ntags: [musée, collection\n---\n# Inventaire\n\nVoir aussi [[Accueil]].\n";
const BROKEN_LINE = "notes/Inventaire.md:2:7  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « tags: [musée, collection ».";

let repo: ScratchRepository;

const writeNote = (name: string, text: string) => writeFile(path.join(repo.dir, "notes", name), text);

async function head(): Promise<string> {
  return (await repo.git("rev-parse", "HEAD")).output.trim();
}

async function stagedText(file: string): Promise<string> {
  return (await repo.git("show", `:${file}`)).output;
}

beforeAll(async () => {
  repo = await scratchRepository(COPIED);
  await mkdir(path.join(repo.dir, "notes"));
  await writeNote("Accueil.md", "# Accueil\n\nLe point de départ : [[Inventaire]].\n");
  await writeNote("Inventaire.md", GOOD);
  for (const command of [["add", "notes"], ["commit", "--quiet", "--message", "Deux notes"]]) {
    expect((await repo.git(...command)).code).toBe(0);
  }
  const hooks = await repo.run("npm", ["run", "--silent", "hooks"]);
  expect(hooks.code, hooks.output).toBe(0);
});

afterAll(async () => {
  await repo?.remove();
});

describe("the pre-commit hook", () => {
  it("refuses a staged broken note whose working copy was fixed without « git add »", async () => {
    const before = await head();
    await writeNote("Inventaire.md", BROKEN);
    expect((await repo.git("add", "notes/Inventaire.md")).code).toBe(0);
    await writeNote("Inventaire.md", GOOD);

    const commit = await repo.git("commit", "--message", "Corrige l'inventaire");

    expect(commit.code, commit.output).toBe(1);
    expect(commit.output).toContain(BROKEN_LINE);
    expect(commit.output).toContain("Commit bloqué : les notes ci-dessus contiennent des erreurs.");
    expect(commit.output).toContain("une correction pas encore ajoutée ne compte pas");
    expect(await head()).toBe(before);
    expect(await stagedText("notes/Inventaire.md")).toBe(BROKEN);
  });

  it("accepts a staged good note whose working copy was broken since", async () => {
    const before = await head();
    const fixed = GOOD.replace("collection]", "collection, inventaire]");
    await writeNote("Inventaire.md", fixed);
    expect((await repo.git("add", "notes/Inventaire.md")).code).toBe(0);
    await writeNote("Inventaire.md", BROKEN);

    const commit = await repo.git("commit", "--message", "Ajoute une étiquette");

    expect(commit.code, commit.output).toBe(0);
    expect(commit.output).toContain("Vérification des notes modifiées");
    expect(commit.output).not.toMatch(/ {2}erreur {2}/);
    expect(await head()).not.toBe(before);
    expect((await repo.git("show", "HEAD:notes/Inventaire.md")).output).toBe(fixed);
  });

  it("resolves links against the staged notes: a note that is only on disk is still to write", async () => {
    await writeNote("Inventaire.md", GOOD);
    await writeNote("Récolement.md", "# Récolement\n\nVoir [[Inventaire]].\n");
    await writeNote("Accueil.md", "# Accueil\n\nLe point de départ : [[Inventaire]], puis le [[Récolement]].\n");
    expect((await repo.git("add", "notes/Inventaire.md", "notes/Accueil.md")).code).toBe(0);
    const toWrite = "notes/Accueil.md:3:46  info  note-a-venir  Le lien [[Récolement]] mène à une note qui reste à écrire ;";

    const alone = await repo.git("commit", "--message", "Annonce le récolement");
    expect(alone.code, alone.output).toBe(0);
    expect(alone.output).toContain(toWrite);

    await writeNote("Accueil.md", "# Accueil\n\nLe point de départ : [[Inventaire]], puis le [[Récolement]] !\n");
    expect((await repo.git("add", "notes")).code).toBe(0);
    const together = await repo.git("commit", "--message", "Ajoute le récolement");
    expect(together.code, together.output).toBe(0);
    expect(together.output).not.toContain("note-a-venir");
  });

  it("leaves out the notes of hidden folders, which the garden never reads", async () => {
    await mkdir(path.join(repo.dir, "notes", ".corbeille"));
    await writeNote(".corbeille/Ancienne.md", BROKEN);
    expect((await repo.git("add", "--force", "notes/.corbeille/Ancienne.md")).code).toBe(0);
    const commit = await repo.git("commit", "--message", "Garde une ancienne note");
    expect(commit.code, commit.output).toBe(0);
    expect(commit.output).not.toContain("Vérification des notes modifiées");
  });
});
