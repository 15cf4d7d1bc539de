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
const VIEWPORT = { width: 1100, height: 760 };

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

/**
 * The fonts the site's own font stack can lead to on this machine: for each family the body declares, the font
 * drawn for a line set in that family alone (a family the machine lacks gives its fallback, a generic family its
 * choice). Lines added through the CSSOM, which the page's CSP allows.
 */
async function declaredFonts(page: Page): Promise<Set<string>> {
  const count = await page.evaluate(() => {
    const families = getComputedStyle(document.body).fontFamily.split(",").map((family) => family.trim());
    families.forEach((family, index) => {
      const line = document.body.appendChild(document.createElement("p"));
      line.id = `sonde-police-${index}`;
      line.style.fontFamily = family;
      line.textContent = "Stratégie numérique « été »";
    });
    return families.length;
  });
  const fonts = new Set<string>();
  for (let index = 0; index < count; index++) for (const font of await drawnFonts(page, `#sonde-police-${index}`)) fonts.add(font.familyName);
  return fonts;
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

  it("photographie une note (capture-note.png)", async () => {
    await page.goto(`${harness().notes}/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/`);
    const file = path.join(IMAGES_DIR, "capture-note.png");
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    expect(await pngSize(file)).toEqual(VIEWPORT);
  });

  it("photographie la recherche et ses résultats (capture-recherche.png)", async () => {
    await openSearch(page, harness().notes, "stratégie numérique");
    expect(await page.locator(".pagefind-ui__result").count()).toBeGreaterThan(0);
    const file = path.join(IMAGES_DIR, "capture-recherche.png");
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    expect(await pngSize(file)).toEqual(VIEWPORT);
  });

  it("dessine le texte des captures, avec les polices que le site déclare", async () => {
    await page.goto(`${harness().notes}/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/`);
    const drawn = { titre: await drawnFonts(page, "h1"), texte: await drawnFonts(page, "main p") };
    const declared = await declaredFonts(page);
    for (const [part, fonts] of Object.entries(drawn)) {
      // No font at all is what a machine without fonts gives: blank text, not even tofu.
      expect(fonts.length, `${part} : aucune police dessinée`).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.isCustomFont, `${part} : police web ${font.familyName}`).toBe(false);
        expect([...declared], `${part} : ${font.familyName}`).toContain(font.familyName);
      }
    }
  });

  itSentNothingOutside(harness);
});
