import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { itSentNothingOutside, openSearch, PROJECT_ROOT, useHarness } from "./browser-harness.js";

/**
 * `npm run screenshots` sets SCREENSHOTS_DIR=docs/images to refresh the README's pictures;
 * `npm test` takes the same pictures into a temporary folder, so it never changes the checkout.
 */
const IMAGES_DIR = process.env.SCREENSHOTS_DIR
  ? path.resolve(PROJECT_ROOT, process.env.SCREENSHOTS_DIR)
  : await mkdtemp(path.join(tmpdir(), "museumxtd-captures-"));
const VIEWPORT = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };
/** A note of notes/ with its local graph and mentions. */
const NOTE = "/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/";

/** Width and height of a PNG, from its IHDR chunk, after checking its signature. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface DrawnFont {
  readonly familyName: string;
  readonly isCustomFont: boolean;
}

/** The fonts Chromium really drew an element's text with, as the DevTools protocol reports them. */
async function drawnFonts(page: Page, selector: string): Promise<DrawnFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    return (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts;
  } finally {
    await cdp.detach();
  }
}

describe("les captures d'écran du README", () => {
  const harness = useHarness();
  let page: Page;

  beforeAll(async () => {
    await mkdir(IMAGES_DIR, { recursive: true });
  });
  // beforeEach, not beforeAll: without Chromium the tests must fail, not be skipped.
  beforeEach(async () => {
    page ??= await harness().session.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: "light", reducedMotion: "reduce" });
  });

  for (const [scheme, name] of [
    ["light", "clair"],
    ["dark", "sombre"],
  ] as const) {
    for (const viewport of [VIEWPORT, PHONE]) {
      const file = `capture-note-${name}-${viewport.width}.png`;
      it(`photographie une note en thème ${name} à ${viewport.width} px (${file})`, async () => {
        const shot = await harness().session.newPage({ viewport, deviceScaleFactor: 1, colorScheme: scheme, reducedMotion: "reduce" });
        await shot.goto(`${harness().notes}${NOTE}`);
        await shot.evaluate(() => document.fonts.ready);
        await shot.screenshot({ path: path.join(IMAGES_DIR, file), animations: "disabled", caret: "hide" });
        expect(await pngSize(path.join(IMAGES_DIR, file))).toEqual(viewport);
        await shot.close();
      });
    }
  }

  it("photographie le graphe de toutes les notes (capture-graphe.png)", async () => {
    await page.goto(`${harness().notes}/graphe/`);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(IMAGES_DIR, "capture-graphe.png");
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    expect(await pngSize(file)).toEqual(VIEWPORT);
  });

  it("photographie la recherche et ses résultats (capture-recherche.png)", async () => {
    await openSearch(page, harness().notes, "stratégie numérique");
    expect(await page.locator(".pagefind-ui__result").count()).toBeGreaterThan(0);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(IMAGES_DIR, "capture-recherche.png");
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    expect(await pngSize(file)).toEqual(VIEWPORT);
  });

  it("photographie la fenêtre de recherche ouverte par Ctrl+K sur une note (capture-recherche-rapide.png)", async () => {
    await page.goto(`${harness().notes}${NOTE}`);
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Recherche rapide" });
    await dialog.waitFor();
    await page.keyboard.type("compétences");
    await expect.poll(() => dialog.getByRole("status").innerText()).toMatch(/^\d+ résultats? pour «\u00a0compétences\u00a0»\.$/);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(IMAGES_DIR, "capture-recherche-rapide.png");
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    expect(await pngSize(file)).toEqual(VIEWPORT);
    await page.keyboard.press("Escape");
  });

  it("dessine le texte des captures avec la police du site, Literata, et non une police de la machine", async () => {
    await page.goto(`${harness().notes}${NOTE}`);
    await page.evaluate(() => document.fonts.ready);
    for (const selector of ["h1", "main p", ".site-nav a", ".navigation-jardin summary", ".panneaux h2"]) {
      const fonts = await drawnFonts(page, selector);
      // No font at all is what a machine without fonts gives: blank text, not even tofu.
      expect(fonts.length, `${selector} : aucune police dessinée`).toBeGreaterThan(0);
      for (const font of fonts) expect(font, selector).toMatchObject({ familyName: expect.stringMatching(/^Literata/), isCustomFont: true });
    }
  });

  itSentNothingOutside(harness);
});
