import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIntoFreshOutput, OutputBusyError } from "../../src/site-output/swap-output.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
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
      await mkdir(staging);
      await writeFile(path.join(staging, "index.html"), "nouvel accueil");
      expect(await tree(site)).toEqual({ "index.html": "ancien accueil", "note/index.html": "ancienne note" });
    });
    expect(await tree(site)).toEqual({ "index.html": "nouvel accueil" });
    expect(await readdir(work)).toEqual(["_site"]);
  });

  it("keeps the previous site and removes the staging folder when the build fails", async () => {
    await expect(
      buildIntoFreshOutput(site, async (staging) => {
        await mkdir(staging, { recursive: true });
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
      await mkdir(staging, { recursive: true });
      started();
      await new Promise<void>((resolve) => (release = resolve));
      await writeFile(path.join(staging, "index.html"), "premier");
    });
    // The first build must hold the lock before the others try: taking it is asynchronous.
    await holdsLock;
    await expect(buildIntoFreshOutput(site, async () => undefined)).rejects.toThrow(OutputBusyError);
    await expect(buildIntoFreshOutput(site, async () => undefined)).rejects.toThrow(
      `Une autre construction (processus ${process.pid}) écrit déjà dans « ${site} ». Attendez qu'elle se termine, puis relancez la commande.`,
    );
    release();
    await first;
    expect(await tree(site)).toEqual({ "index.html": "premier" });
  });

  it("takes over the lock of a build that was killed, and restores a site caught mid-swap", async () => {
    await writeFile(`${site}.lock`, "999999999");
    await rename(site, `${site}.precedent-4242`);
    await mkdir(`${site}.construction-4242`);
    await writeFile(path.join(`${site}.construction-4242`, "index.html"), "incomplet");
    let seen: Record<string, string> = {};
    await buildIntoFreshOutput(site, async (staging) => {
      seen = await tree(site);
      await mkdir(staging, { recursive: true });
      await writeFile(path.join(staging, "index.html"), "reconstruit");
    });
    expect(seen).toEqual({ "index.html": "ancien accueil", "note/index.html": "ancienne note" });
    expect(await tree(site)).toEqual({ "index.html": "reconstruit" });
    expect(await readdir(work)).toEqual(["_site"]);
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
        expect(files!["index.html"], `tué après ${delay} ms`).toContain('<html lang="fr">');
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
