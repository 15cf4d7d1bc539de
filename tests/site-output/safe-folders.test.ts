import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GardenError } from "../../src/errors/garden-error.js";
import { BUILT_SITE_MARKER, checkNotesFolder, checkOutputFolder, checkReplaceable, folderSetting, UnsafeFolderError } from "../../src/site-output/safe-folders.js";

describe("folderSetting", () => {
  it("gives the default when unset, the trimmed folder when set, and refuses a blank one", () => {
    expect(folderSetting(undefined, "OUTPUT_DIR", "/projet/_site")).toBe("/projet/_site");
    expect(folderSetting("  /ailleurs/site \n", "OUTPUT_DIR", "/projet/_site")).toBe("/ailleurs/site");
    for (const blank of ["", "   ", "\t\n"]) {
      expect(() => folderSetting(blank, "OUTPUT_DIR", "/projet/_site")).toThrow(
        new UnsafeFolderError("OUTPUT_DIR est vide. Indiquez un dossier, ou retirez OUTPUT_DIR pour utiliser le dossier par défaut « /projet/_site »."),
      );
    }
  });
});

describe("checkNotesFolder", () => {
  let work: string;
  beforeEach(async () => (work = await mkdtemp(path.join(os.tmpdir(), "garden-notes-folder-"))));
  afterEach(() => rm(work, { recursive: true, force: true }));

  it("accepts a folder, and refuses a missing one or a file, keeping the file system's error as the cause", async () => {
    await expect(checkNotesFolder(work, "NOTES_DIR=<dossier>")).resolves.toBeUndefined();
    const missing = path.join(work, "absent");
    const refusal = await checkNotesFolder(missing, "NOTES_DIR=<dossier>").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GardenError);
    expect(refusal).toMatchObject({
      name: "UnsafeFolderError",
      message: `Le dossier de notes « ${missing} » est introuvable. Indiquez-le avec NOTES_DIR=<dossier>.`,
      cause: { code: "ENOENT" },
    });
    const file = path.join(work, "note.md");
    await writeFile(file, "# Note");
    await expect(checkNotesFolder(file, "--notes <dossier>")).rejects.toThrow(new UnsafeFolderError(`Le dossier de notes « ${file} » est introuvable. Indiquez-le avec --notes <dossier>.`));
  });
});

describe("checkOutputFolder", () => {
  let work: string;
  let project: string;
  let notes: string;
  const savedHome = process.env["HOME"];
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-folders-"));
    // os.homedir() reads HOME: the project lives in a home folder of its own.
    process.env["HOME"] = path.join(work, "maison");
    project = path.join(work, "maison", "projet");
    notes = path.join(project, "notes");
    await mkdir(notes, { recursive: true });
    await symlink(project, path.join(work, "raccourci"));
  });
  afterEach(async () => {
    process.env["HOME"] = savedHome;
    await rm(work, { recursive: true, force: true });
  });

  const refusal = (output: string, reason: string) =>
    new UnsafeFolderError(
      `Le dossier de sortie « ${output} » est refusé : ${reason}. Choisissez un dossier à part, qui ne contient ni le projet ni les notes (par défaut : _site dans le projet), puis relancez.`,
    );

  it("accepts a folder beside the project or inside it, existing or not", async () => {
    await expect(checkOutputFolder(notes, path.join(project, "_site"), project)).resolves.toBeUndefined();
    await expect(checkOutputFolder(notes, path.join(work, "ailleurs", "site"), project)).resolves.toBeUndefined();
    await expect(checkOutputFolder(notes, path.join(work, "raccourci", "_site"), project)).resolves.toBeUndefined();
  });

  it("refuses the disk, the home folder, the project, the notes, what holds them and what lies in the notes", async () => {
    const cases: [string, string][] = [
      ["/", "c'est la racine du disque"],
      [path.join(work, "maison"), "c'est votre dossier personnel"],
      [project, "c'est le dossier du projet"],
      [path.join(work, "raccourci"), "c'est le dossier du projet"],
      [path.join(project, "."), "c'est le dossier du projet"],
      [notes, "c'est le dossier des notes"],
      [path.join(work, "raccourci", "notes"), "c'est le dossier des notes"],
      [path.join(project, "notes", "site"), "il est dans le dossier des notes"],
      [path.join(work, "raccourci", "notes", "a", "b"), "il est dans le dossier des notes"],
      [work, "il contient votre dossier personnel"],
      [path.dirname(work), "il contient votre dossier personnel"],
    ];
    for (const [output, reason] of cases) await expect(checkOutputFolder(notes, output, project), output).rejects.toThrow(refusal(output, reason));
    // Notes kept outside the project: a folder that holds them is refused, and so is one that holds the project.
    const outsideNotes = path.join(work, "coffre", "notes");
    await mkdir(outsideNotes, { recursive: true });
    await expect(checkOutputFolder(outsideNotes, path.join(work, "coffre"), project)).rejects.toThrow(refusal(path.join(work, "coffre"), "il contient le dossier des notes"));
    process.env["HOME"] = path.join(work, "ailleurs");
    await expect(checkOutputFolder(notes, path.join(work, "maison"), project)).rejects.toThrow(refusal(path.join(work, "maison"), "il contient le projet"));
  });
});

describe("checkReplaceable", () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-replace-"));
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it("lets a build replace a missing or empty folder, a built site, or a site built before the marker", async () => {
    await mkdir(path.join(work, "vide"));
    await mkdir(path.join(work, "marque"));
    await writeFile(path.join(work, "marque", BUILT_SITE_MARKER), "");
    await mkdir(path.join(work, "ancien"));
    await writeFile(path.join(work, "ancien", "index.html"), "<title>Ancien site</title>");
    for (const name of ["absent", "vide", "marque", "ancien"]) await expect(checkReplaceable(path.join(work, name)), name).resolves.toBeUndefined();
  });

  it("refuses a folder of other files, a Git working copy, and a file", async () => {
    await mkdir(path.join(work, "src"));
    await writeFile(path.join(work, "src", "build.ts"), "code");
    await mkdir(path.join(work, "depot", ".git"), { recursive: true });
    await writeFile(path.join(work, "depot", "index.html"), "page");
    await writeFile(path.join(work, "fichier"), "texte");
    for (const name of ["src", "depot", "fichier"]) {
      const dir = path.join(work, name);
      await expect(checkReplaceable(dir), name).rejects.toThrow(
        new UnsafeFolderError(
          `Le dossier de sortie « ${dir} » existe déjà et ne contient pas un site construit ici : la construction le remplacerait entièrement. Choisissez un dossier qui n'existe pas encore, ou videz celui-ci, puis relancez.`,
        ),
      );
    }
  });
});
