import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "./find-browser.js";

let work: string;
/** A folder standing for PATH, with an executable "chromium" in it, and one without. */
let withChromium: string;
let withoutChromium: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "garden-find-browser-"));
  withChromium = path.join(work, "bin");
  withoutChromium = path.join(work, "empty-bin");
  await mkdir(withChromium);
  await mkdir(withoutChromium);
  await writeFile(path.join(withChromium, "chromium"), "#!/bin/sh\n");
  await chmod(path.join(withChromium, "chromium"), 0o755);
  // Not executable: no system Chromium.
  await writeFile(path.join(withoutChromium, "chromium"), "");
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe("the browser of the browser tests", () => {
  it("is CHROMIUM_PATH first, even when GARDEN_BROWSER asks for the packaged one", async () => {
    const chosen = path.join(withChromium, "chromium");
    expect(await findBrowser({ CHROMIUM_PATH: chosen, GARDEN_BROWSER: "packaged", PATH: withChromium }, work)).toEqual({
      executablePath: chosen,
      source: "CHROMIUM_PATH",
      env: {},
    });
  });

  it("refuses a CHROMIUM_PATH that is not a program, in French", async () => {
    const missing = path.join(work, "nulle-part", "chromium");
    await expect(findBrowser({ CHROMIUM_PATH: missing }, work)).rejects.toThrow(
      `CHROMIUM_PATH désigne « ${missing} », qui n'est pas un programme. Corrigez ce chemin, ou retirez CHROMIUM_PATH pour laisser les tests trouver un Chromium.`,
    );
  });

  it("is then a Chromium on PATH", async () => {
    expect(await findBrowser({ PATH: [withoutChromium, withChromium].join(path.delimiter) }, work)).toEqual({
      executablePath: path.join(withChromium, "chromium"),
      source: "system",
      env: {},
    });
  });

  it("is last the Chromium of the npm package, with the machine's fonts then the package's", async () => {
    for (const env of [{ PATH: withoutChromium }, { PATH: withChromium, GARDEN_BROWSER: "packaged" }]) {
      const choice = await findBrowser(env, work);
      expect(choice.source).toBe("packaged");
      expect(choice.executablePath).toBe(path.join(os.tmpdir(), "chromium"));
      expect(Object.keys(choice.env)).toEqual(["FONTCONFIG_FILE", "LD_LIBRARY_PATH"]);
      expect(choice.env["LD_LIBRARY_PATH"]).toBe(path.join(os.tmpdir(), "al2023", "lib"));
      expect((await readdir(choice.env["LD_LIBRARY_PATH"]!)).filter((file) => file.includes(".so")).sort()).toEqual([
        "libexpat.so.1",
        "libfreebl3.so",
        "libfreeblpriv3.so",
        "libnspr4.so",
        "libnss3.so",
        "libnssutil3.so",
        "libplc4.so",
        "libplds4.so",
        "libsoftokn3.so",
      ]);
      const config = await readFile(choice.env["FONTCONFIG_FILE"]!, "utf8");
      expect(config).toContain(`<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(os.tmpdir(), "fonts")}</dir>`);
    }
  });

  it("refuses an unknown GARDEN_BROWSER, in French", async () => {
    await expect(findBrowser({ PATH: withChromium, GARDEN_BROWSER: "firefox" }, work)).rejects.toThrow(
      "GARDEN_BROWSER vaut « firefox » : la seule valeur connue est « packaged », qui fait utiliser le Chromium du paquet npm.",
    );
  });
});
