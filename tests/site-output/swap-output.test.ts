import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GardenError } from "../../src/errors/garden-error.js";
import { BUILT_SITE_MARKER, UnsafeFolderError } from "../../src/site-output/safe-folders.js";
import { buildIntoFreshOutput, OutputBusyError } from "../../src/site-output/swap-output.js";
import { snapshot } from "../hostile/site-safety.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The site's files and their text, without the marker every build writes. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name !== BUILT_SITE_MARKER).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f, "utf8")])));
}

describe("buildIntoFreshOutput", () => {
  let work: string;
  let site: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-swap-"));
    site = path.join(work, "_site");
    await mkdir(path.join(site, "note"), { recursive: true });
    await writeFile(path.join(site, "index.html"), "ancien accueil");
    await writeFile(path.join(site, "note", "index.html"), "ancienne note");
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it("swaps in the new site only once the build has finished", async () => {
    await buildIntoFreshOutput(site, async (staging) => {
      await writeFile(path.join(staging, "index.html"), "nouvel accueil");
      expect(await tree(site)).toEqual({ "index.html": "ancien accueil", "note/index.html": "ancienne note" });
    });
    expect(await tree(site)).toEqual({ "index.html": "nouvel accueil" });
    expect((await readdir(site)).sort()).toEqual([BUILT_SITE_MARKER, "index.html"]);
    expect(await readdir(work)).toEqual(["_site"]);
  });

  it("keeps the previous site and removes the staging folder when the build fails", async () => {
    await expect(
      buildIntoFreshOutput(site, async (staging) => {
        await writeFile(path.join(staging, "index.html"), "à moitié");
        throw new Error("échec du rendu");
      }),
    ).rejects.toThrow("échec du rendu");
    expect(await tree(site)).toEqual({ "index.html": "ancien accueil", "note/index.html": "ancienne note" });
    expect(await readdir(work)).toEqual(["_site"]);
  });

  it("refuses a second build into the same folder while the first one runs", async () => {
    let release!: () => void;
    let started!: () => void;
    const holdsLock = new Promise<void>((resolve) => (started = resolve));
    const first = buildIntoFreshOutput(site, async (staging) => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      await writeFile(path.join(staging, "index.html"), "premier");
    });
    // The first build must hold the lock before the others try: taking it is asynchronous.
    await holdsLock;
    const busy = await buildIntoFreshOutput(site, async () => undefined).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(OutputBusyError);
    expect(busy).toBeInstanceOf(GardenError);
    expect(busy).toMatchObject({ name: "OutputBusyError", cause: { code: "EEXIST" } });
    await expect(buildIntoFreshOutput(site, async () => undefined)).rejects.toThrow(
      `Une autre construction (processus ${process.pid}) écrit déjà dans « ${site} ». Attendez qu'elle se termine, puis relancez la commande.`,
    );
    release();
    await first;
    expect(await tree(site)).toEqual({ "index.html": "premier" });
  });

  it("takes over the lock of a build that was killed, and restores a site caught mid-swap", async () => {
    // Above any system's highest process id: no process has it.
    const dead = 999_999_999;
    await writeFile(`${site}.lock`, String(dead));
    await rename(site, `${site}.precedent-${dead}`);
    await mkdir(`${site}.construction-${dead}`);
    await writeFile(path.join(`${site}.construction-${dead}`, BUILT_SITE_MARKER), "");
    await writeFile(path.join(`${site}.construction-${dead}`, "index.html"), "incomplet");
    let seen: Record<string, string> = {};
    await buildIntoFreshOutput(site, async (staging) => {
      seen = await tree(site);
      await writeFile(path.join(staging, "index.html"), "reconstruit");
    });
    expect(seen).toEqual({ "index.html": "ancien accueil", "note/index.html": "ancienne note" });
    expect(await tree(site)).toEqual({ "index.html": "reconstruit" });
    expect(await readdir(work)).toEqual(["_site"]);
  });

  it("takes over a lock left with this process's own id, by an earlier process that had it", async () => {
    await writeFile(`${site}.lock`, String(process.pid));
    await buildIntoFreshOutput(site, async (staging) => {
      await writeFile(path.join(staging, "index.html"), "reconstruit");
    });
    expect(await tree(site)).toEqual({ "index.html": "reconstruit" });
    expect(await readdir(work)).toEqual(["_site"]);
  });

  it("touches no folder beside the output but its own and a dead build's, named in full and marked", async () => {
    const dead = 999_999_999;
    const keep = {
      // Names a pattern like "_site.precedent-*" would match.
      backup: `${site}.precedent-sauvegarde-2024`,
      notNumber: `${site}.construction-12a`,
      // A dead build's name, but not a folder a build made: no marker, other files.
      unmarked: `${site}.construction-${dead}`,
      // A running process (this test's parent) and a marked folder: that build is not over.
      running: `${site}.precedent-${process.ppid}`,
      other: `${site}-brouillon`,
    };
    for (const dir of Object.values(keep)) {
      await mkdir(path.join(dir, "sous-dossier"), { recursive: true });
      await writeFile(path.join(dir, "sous-dossier", "notes.md"), `contenu de ${path.basename(dir)}`);
    }
    await writeFile(path.join(keep.running, BUILT_SITE_MARKER), "");
    await writeFile(path.join(keep.running, "index.html"), "site en cours");
    const before = await Promise.all(Object.values(keep).map(snapshot));
    const deadLeftover = `${site}.precedent-${dead + 1}`;
    await mkdir(deadLeftover);
    await writeFile(path.join(deadLeftover, BUILT_SITE_MARKER), "");

    await buildIntoFreshOutput(site, async (staging) => {
      await writeFile(path.join(staging, "index.html"), "nouvel accueil");
    });

    expect(await tree(site)).toEqual({ "index.html": "nouvel accueil" });
    expect(await Promise.all(Object.values(keep).map(snapshot))).toEqual(before);
    expect((await readdir(work)).sort()).toEqual(["_site", ...Object.values(keep).map((dir) => path.basename(dir))].sort());
  });

  it("refuses to replace a folder that no build made, before writing anything", async () => {
    const src = path.join(work, "src");
    await mkdir(src);
    await writeFile(path.join(src, "build.ts"), "le code");
    let built = false;
    await expect(buildIntoFreshOutput(src, async () => void (built = true))).rejects.toThrow(UnsafeFolderError);
    expect(built).toBe(false);
    expect(await tree(src)).toEqual({ "build.ts": "le code" });
    expect((await readdir(work)).sort()).toEqual(["_site", "src"]);
  });
});

describe("killing npm run build", () => {
  let work: string;
  afterEach(() => rm(work, { recursive: true, force: true }));

  it("leaves the previous site intact, or the whole new one, wherever it is killed", async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-kill-"));
    const site = path.join(work, "_site");
    await mkdir(site);
    await writeFile(path.join(site, "index.html"), "dernier bon site");
    const outcomes = new Set<string>();
    // Kill points spread over the build: during start-up, Eleventy's render, and the search index.
    for (const delay of [150, 600, 1200, 1800, 2400, 3000]) {
      // Node itself runs the build, with tsx as a loader: the tsx command would run it in a child that outlives SIGKILL.
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts"], {
        cwd: ROOT,
        env: { ...process.env, OUTPUT_DIR: site },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      const files = await tree(site).catch(() => undefined);
      expect(files, `tué après ${delay} ms`).toBeDefined();
      if (files!["index.html"] === "dernier bon site") {
        expect(Object.keys(files!), `tué après ${delay} ms`).toEqual(["index.html"]);
        outcomes.add("previous");
      } else {
        expect(files!["index.html"], `tué après ${delay} ms`).toContain('<html lang="fr" data-base="/">');
        expect(Object.keys(files!), `tué après ${delay} ms`).toContain("pagefind/pagefind-entry.json");
        outcomes.add("complete");
        await rm(site, { recursive: true });
        await mkdir(site);
        await writeFile(path.join(site, "index.html"), "dernier bon site");
      }
    }
    expect(outcomes.has("previous")).toBe(true);
  });
});
