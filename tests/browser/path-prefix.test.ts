import type { Page, Response } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { itSentNothingOutside, openMissingPage, useHarness } from "./browser-harness.js";
import { PREFIXED_SITE } from "./sites.js";

const GUIDE = "/jardin/guide-de-visite/";
const ORSAY = "/jardin/le-musee-d-orsay/";

/** Whether the site's stylesheet, under the prefix, is loaded and applied to the page. */
function siteStylesApplied(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      [...document.styleSheets].some((sheet) => sheet.href !== null && new URL(sheet.href).pathname === "/jardin/assets/site.css" && sheet.cssRules.length > 0) &&
      getComputedStyle(document.querySelector(".skip-link")!).position === "absolute",
  );
}

describe(`le site construit pour ${PREFIXED_SITE.url}, servi sous ${PREFIXED_SITE.prefix} seulement`, () => {
  const harness = useHarness();
  let page: Page;
  /** Every response of every page of this file, but the missing page opened on purpose. */
  const responses: { url: string; status: number }[] = [];
  let missingPage = "";

  // beforeEach, not beforeAll: without Chromium the tests must fail, not be skipped.
  beforeEach(async () => {
    if (page) return;
    page = await harness().session.newPage();
    page.on("response", (response: Response) => {
      if (response.url() !== missingPage) responses.push({ url: response.url(), status: response.status() });
    });
  });

  it("charge la feuille de style et les scripts du site sous le préfixe", async () => {
    await page.goto(`${harness().prefixed}${GUIDE}`);
    expect(await siteStylesApplied(page)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { gardenSite: { base: string } }).gardenSite.base)).toBe("/jardin/");
  });

  it("mène d'un lien wiki à la note visée, puis du lien retour à la note de départ", async () => {
    await page.goto(`${harness().prefixed}${GUIDE}`);
    await page.locator("main a.wikilink", { hasText: "Le musée d’Orsay" }).click();
    await page.waitForURL((url) => url.pathname === ORSAY);
    expect(await page.locator("main h1").innerText()).toBe("Le musée d’Orsay");

    await page.getByRole("region", { name: "Pages qui mentionnent cette note" }).getByRole("link", { name: "Guide de visite" }).click();
    await page.waitForURL((url) => url.pathname === GUIDE);
    expect(await page.locator("main h1").innerText()).toBe("Guide de visite");
  });

  it("trouve une note par la recherche et l'ouvre", async () => {
    await page.goto(`${harness().prefixed}/jardin/recherche/?q=orsay`);
    const result = page.locator(".pagefind-ui__result-link", { hasText: "Le musée d’Orsay" }).first();
    await result.waitFor();
    expect(await result.getAttribute("href")).toBe(ORSAY);
    await result.click();
    await page.waitForURL((url) => url.pathname === ORSAY);
    expect(await page.locator("main h1").innerText()).toBe("Le musée d’Orsay");
  });

  it("montre l'aperçu d'une note au survol et au focus d'un lien wiki", async () => {
    await page.goto(`${harness().prefixed}${GUIDE}`);
    const tooltip = page.locator("#apercu-lien");
    const link = page.locator("main a.wikilink", { hasText: "Questions fréquentes" });
    await link.hover();
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.locator(".apercu-titre").innerText()).toBe("Questions fréquentes");
    await page.keyboard.press("Escape");
    await tooltip.waitFor({ state: "hidden" });

    await page.locator("main a.wikilink", { hasText: "Le musée d’Orsay" }).focus();
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.locator(".apercu-titre").innerText()).toBe("Le musée d’Orsay");
  });

  it("sert sa page introuvable à une adresse absente sous le préfixe, avec sa feuille de style et ses liens", async () => {
    missingPage = `${harness().prefixed}/jardin/dossier/nulle-part/`;
    await openMissingPage(harness().session, page, missingPage);
    expect(await page.locator("main h1").innerText()).toBe("Page introuvable");
    expect(await siteStylesApplied(page)).toBe(true);
    await page.getByRole("link", { name: "Retour à l’accueil" }).click();
    await page.waitForURL((url) => url.pathname === "/jardin/");
  });

  it("n'a reçu aucune réponse en erreur (404 ou autre) pendant tout le fichier", () => {
    expect(responses.some((r) => r.url.includes("/jardin/assets/apercus/"))).toBe(true);
    expect(responses.some((r) => r.url.includes("/jardin/pagefind/"))).toBe(true);
    expect(responses.filter((r) => r.status >= 400)).toEqual([]);
  });

  itSentNothingOutside(harness);
});
