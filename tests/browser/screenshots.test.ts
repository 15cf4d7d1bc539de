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

  itSentNothingOutside(harness);
});
