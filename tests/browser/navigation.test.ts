import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { itSentNothingOutside, openMissingPage, openSearch, sitePagePaths, useHarness } from "./browser-harness.js";

const GUIDE = "/guide-de-visite/";
const ORSAY = "/le-musee-d-orsay/";

const pathOf = (page: Page) => new URL(page.url()).pathname;

describe("la navigation entre les notes", () => {
  const harness = useHarness();
  let page: Page;

  // beforeEach, not beforeAll: without Chromium the tests must fail, not be skipped.
  beforeEach(async () => {
    // Short enough that the heading of [[Note#Heading]] is below the fold until the browser scrolls to it.
    page ??= await harness().session.newPage({ viewport: { width: 1000, height: 360 } });
  });

  it("mène d'un lien wiki à la note visée", async () => {
    await page.goto(`${harness().fixture}${GUIDE}`);
    await page.locator("main a.wikilink", { hasText: "Le musée d’Orsay" }).click();
    await page.waitForURL((url) => url.pathname === ORSAY);
    expect(await page.locator("main h1").innerText()).toBe("Le musée d’Orsay");
  });

  it("mène de [[Note#Titre]] au titre, affiché à l'écran", async () => {
    await page.goto(`${harness().fixture}${GUIDE}`);
    await page.locator("main a.wikilink", { hasText: "horaires" }).click();
    await page.waitForURL((url) => url.pathname === ORSAY && url.hash === "#horaires-et-acces");
    const heading = page.locator("#horaires-et-acces");
    expect(await heading.innerText()).toBe("Horaires et accès");
    const placed = await heading.evaluate((el) => ({ top: el.getBoundingClientRect().top, height: window.innerHeight, scrolled: window.scrollY }));
    expect(placed.scrolled).toBeGreaterThan(0);
    expect(placed.top).toBeGreaterThan(0);
    expect(placed.top).toBeLessThan(placed.height);
  });

  it("liste la note qui fait le lien dans « Pages qui mentionnent cette note », et ce lien y ramène", async () => {
    await page.goto(`${harness().fixture}${ORSAY}`);
    const panel = page.getByRole("region", { name: "Pages qui mentionnent cette note" });
    const back = panel.getByRole("link", { name: "Guide de visite" });
    expect(await back.count()).toBe(1);
    await back.click();
    await page.waitForURL((url) => url.pathname === GUIDE);
    expect(await page.locator("main h1").innerText()).toBe("Guide de visite");
  });

  it("mène d'un lien vers une note à venir, marqué « à venir », à la page des notes à écrire", async () => {
    await page.goto(`${harness().fixture}${GUIDE}`);
    const missing = page.locator("a.wikilink-missing", { hasText: "Publics éloignés" });
    // Seen: the text and a mark « à venir »; heard once: « (note à venir) ».
    const mark = missing.locator(".wikilink-a-venir");
    expect([await mark.isVisible(), await mark.innerText()]).toEqual([true, "à venir"]);
    expect(await missing.ariaSnapshot()).toBe('- link "Publics éloignés (note à venir)":\n  - /url: /notes-a-ecrire/');
    expect(await missing.getAttribute("title")).toBe("Cette note n’existe pas encore");
    await missing.click();
    await page.waitForURL((url) => url.pathname === "/notes-a-ecrire/");
    expect(await page.locator("main").innerText()).toContain("Écrire l’une de ces notes");
  });

  it("met dans le pied de page des liens mailto bien formés, avec le titre de la note dans le sujet", async () => {
    const notes = [
      [harness().fixture, ORSAY, "Le musée d’Orsay"],
      [harness().fixture, GUIDE, "Guide de visite"],
      [harness().notes, "/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/", "Qu'est-ce qu'une stratégie numérique pour un musée ?"],
    ] as const;
    for (const [origin, path, title] of notes) {
      await page.goto(`${origin}${path}`);
      const hrefs = await page.locator("footer a[href^='mailto:']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      expect(hrefs.length, path).toBe(2);
      const [remark, contact] = hrefs.map((href) => new URL(href));
      expect(remark!.protocol).toBe("mailto:");
      expect(remark!.pathname).toBe("info@museumxtd.ch");
      expect(remark!.searchParams.get("subject")).toBe(`Remarque sur la note « ${title} »`);
      expect([...remark!.searchParams.keys()]).toEqual(["subject"]);
      expect(contact!.href).toBe("mailto:info@museumxtd.ch");
    }
  });

  it("ne défile jamais horizontalement sur un écran de 375 px", async () => {
    const narrow = await harness().session.newPage({ viewport: { width: 375, height: 740 } });
    const pages = [
      ...sitePagePaths(harness().sites.fixture).map((path) => harness().fixture + path),
      ...sitePagePaths(harness().sites.notes).map((path) => harness().notes + path),
    ];
    expect(pages).toContain(`${harness().fixture}${GUIDE}`);
    const wide: string[] = [];
    for (const url of pages) {
      await narrow.goto(url);
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`${url} : ${width} px`);
    }
    const missingPage = `${harness().fixture}/page-qui-n-existe-pas/`;
    await openMissingPage(harness().session, narrow, missingPage);
    const missingWidth = await narrow.evaluate(() => document.documentElement.scrollWidth);
    if (missingWidth > 375) wide.push(`${missingPage} : ${missingWidth} px`);
    await openSearch(narrow, harness().fixture, "musee");
    const searchWidth = await narrow.evaluate(() => document.documentElement.scrollWidth);
    if (searchWidth > 375) wide.push(`recherche : ${searchWidth} px`);
    expect(wide).toEqual([]);
    expect(pathOf(narrow)).toBe("/recherche/");
  });

  itSentNothingOutside(harness);
});
