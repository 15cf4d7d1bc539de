import { describe, expect, it } from "vitest";
import { asSiteUrl, baseNameOf, compareByFolderWalk, fileUrl, folderOf, noteNameOf, toVaultPath, vaultPathOf } from "../../src/vault-scan/paths.js";

describe("paths", () => {
  it("toVaultPath normalises file names to NFC", () => {
    const nfd = "Dossier Été/Théâtre.md".normalize("NFD");
    expect(nfd).not.toBe("Dossier Été/Théâtre.md");
    expect(toVaultPath(nfd)).toBe("Dossier Été/Théâtre.md");
  });

  it("vaultPathOf gives the path relative to the notes folder with POSIX separators", () => {
    expect(vaultPathOf("/site/notes", "/site/notes/Dossier/Ma note.md")).toBe("Dossier/Ma note.md");
  });

  it("compareByFolderWalk puts a folder's own files before its subfolders, each by name", () => {
    const files = ["b/z.md", "b.md", "a/c/x.md", "z.md", "a/b.md", "a/c.md", "a.md"].map(toVaultPath);
    expect([...files].sort(compareByFolderWalk)).toEqual(["a.md", "b.md", "z.md", "a/b.md", "a/c.md", "a/c/x.md", "b/z.md"]);
    expect(compareByFolderWalk(toVaultPath("a/b.md"), toVaultPath("a/b.md"))).toBe(0);
  });

  it("fileUrl encodes each segment but keeps the slashes", () => {
    expect(fileUrl(toVaultPath("Fichiers/Plan du musée.pdf"))).toBe("/Fichiers/Plan%20du%20mus%C3%A9e.pdf");
    expect(fileUrl(toVaultPath("doc.pdf"))).toBe("/doc.pdf");
    expect(fileUrl(toVaultPath("images/a#b?.png"))).toBe("/images/a%23b%3F.png");
  });

  it("asSiteUrl adds the leading slash only when missing", () => {
    expect(asSiteUrl("ma-note/")).toBe("/ma-note/");
    expect(asSiteUrl("/ma-note/")).toBe("/ma-note/");
  });

  it("folderOf, baseNameOf and noteNameOf split a vault path", () => {
    const file = toVaultPath("Dossier/Sous-dossier/Ma note.md");
    expect(folderOf(file)).toBe("Dossier/Sous-dossier");
    expect(baseNameOf(file)).toBe("Ma note.md");
    expect(noteNameOf(file)).toBe("Ma note");
    expect(folderOf(toVaultPath("Racine.md"))).toBe("");
    expect(noteNameOf(toVaultPath("Version 2.0.MD"))).toBe("Version 2.0");
  });
});
