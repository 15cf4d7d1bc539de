import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { itSentNothingOutside, useHarness } from "./browser-harness.js";

/** Notes of notes/: one with a table of contents, one with a local graph; both with mentions. */
const NOTE_WITH_CONTENTS = "/quelles-sont-les-competences-numeriques-a-acquerir-et-a-developper-en-interne/";
/** In the fixture site: the notes of notes/ link to one another too little for a local graph. */
const NOTE_WITH_GRAPH = "/le-musee-d-orsay/";

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY };
  });
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** True when `first` comes before `second` in the document, hence in reading order. */
async function comesBefore(page: Page, first: string, second: string): Promise<boolean> {
  return page.evaluate(([a, b]) => Boolean(document.querySelector(a!)!.compareDocumentPosition(document.querySelector(b!)!) & Node.DOCUMENT_POSITION_FOLLOWING), [first, second]);
}

describe("la mise en page", () => {
  const harness = useHarness();
  let wide: Page;
  let narrow: Page;

  // beforeEach, not beforeAll: without Chromium the tests must fail, not be skipped.
  beforeEach(async () => {
    wide ??= await harness().session.newPage({ viewport: { width: 1440, height: 900 } });
    narrow ??= await harness().session.newPage({ viewport: { width: 375, height: 740 } });
  });

  for (const [site, path, panels] of [
    ["notes", NOTE_WITH_CONTENTS, [".toc", ".backlinks"]],
    ["fixture", NOTE_WITH_GRAPH, [".graphe-local", ".backlinks"]],
  ] as const) {
    it(`à 1 440 px, place la navigation à gauche et les panneaux à droite du texte, sans chevauchement : ${path}`, async () => {
      await wide.goto(`${harness()[site]}${path}`);
      const [navigation, text, side, header] = [await box(wide, ".navigation-jardin"), await box(wide, "main"), await box(wide, ".panneaux"), await box(wide, ".site-header")];
      expect(navigation.right).toBeLessThanOrEqual(text.left);
      expect(text.right).toBeLessThanOrEqual(side.left);
      // Beside, not under: the three columns start on the same band, under the header.
      for (const column of [navigation, side]) expect(column.top).toBeLessThan(text.top + 100);
      for (const column of [navigation, text, side]) expect(column.top).toBeGreaterThanOrEqual(header.bottom);
      const parts = await Promise.all(panels.map((part) => box(wide, part)));
      for (const part of parts) expect(overlap(part, text)).toBe(false);
      expect(overlap(parts[0]!, parts[1]!)).toBe(false);
      expect(await wide.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    });
  }

  it("met le sommaire après le titre dans l'ordre de lecture, et après le texte", async () => {
    await wide.goto(`${harness().notes}${NOTE_WITH_CONTENTS}`);
    expect(await comesBefore(wide, "main h1", ".toc")).toBe(true);
    expect(await comesBefore(wide, "main", ".toc")).toBe(true);
    expect(await wide.locator(".toc a").count()).toBeGreaterThanOrEqual(3);
  });

  it("marque la section lue dans le sommaire quand on fait défiler la note", async () => {
    await wide.goto(`${harness().notes}${NOTE_WITH_CONTENTS}`);
    const second = wide.locator(".toc a").nth(1);
    const target = decodeURIComponent((await second.getAttribute("href"))!.slice(1));
    await wide.evaluate((id) => window.scrollTo(0, document.getElementById(id)!.getBoundingClientRect().top + window.scrollY - 10), target);
    await expect.poll(() => second.getAttribute("aria-current")).toBe("location");
    expect(await wide.locator('.toc a[aria-current="location"]').count()).toBe(1);
    await wide.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => wide.locator(".toc a").last().getAttribute("aria-current")).toBe("location");
  });

  for (const path of ["/", NOTE_WITH_CONTENTS, "/tags/", "/graphe/", "/notes-a-ecrire/", "/recherche/?q=musee"]) {
    it(`à 375 px, ne défile pas de côté et met les panneaux après le texte : ${path}`, async () => {
      await narrow.goto(`${harness().notes}${path}`);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      const text = await box(narrow, "main");
      const navigation = await box(narrow, ".navigation-jardin");
      expect(navigation.top).toBeGreaterThanOrEqual(text.bottom);
      if (path === NOTE_WITH_CONTENTS) expect((await box(narrow, ".panneaux")).top).toBeGreaterThanOrEqual(navigation.bottom);
    });
  }

  it("souligne la note courante dans la navigation et garde les sections ouvertes d'une page à l'autre", async () => {
    await wide.goto(`${harness().fixture}/le-musee-d-orsay/`);
    const current = wide.locator('.navigation-jardin a[aria-current="page"]');
    expect(await current.count()).toBeGreaterThan(0);
    expect(await current.first().innerText()).toBe("Le musée d’Orsay");
    expect(await current.first().isVisible()).toBe(true);
    const questions = wide.locator('.navigation-jardin details[data-nav="type-1"]');
    expect(await questions.getAttribute("open")).toBeNull();
    await questions.locator("summary").click();
    await wide.goto(`${harness().fixture}/tags/`);
    expect(await wide.locator('.navigation-jardin details[data-nav="type-1"]').getAttribute("open")).toBe("");
  });

  it("aligne les éléments de l'en-tête sur une ligne à 1 440 px", async () => {
    await wide.goto(`${harness().fixture}/le-musee-d-orsay/`);
    const centres = await wide.evaluate(() =>
      [".site-name", "#site-recherche-q", ".site-nav a", "#theme-bascule"].map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return r.top + r.height / 2;
      }),
    );
    for (const centre of centres) expect(Math.abs(centre - centres[0]!)).toBeLessThan(4);
  });

  it("n'a qu'un champ de recherche dans l'en-tête, et aucun sur la page de recherche", async () => {
    await wide.goto(`${harness().fixture}/`);
    expect(await wide.locator("header input").count()).toBe(1);
    expect(await wide.locator("header form#recherche-entete").getAttribute("action")).toBe("/recherche/");
    await wide.goto(`${harness().fixture}/recherche/`);
    expect(await wide.locator("header input").count()).toBe(0);
  });

  it("dessine le texte avec Literata, servie par le site", async () => {
    await wide.goto(`${harness().fixture}/le-musee-d-orsay/`);
    await wide.evaluate(() => document.fonts.ready);
    expect(await wide.evaluate(() => document.fonts.check('1em "Literata"'))).toBe(true);
    const fonts = harness().session.requests.filter((r) => r.url.includes("/assets/polices/")).map((r) => new URL(r.url).pathname);
    expect(fonts).toContain("/assets/polices/literata-latin-wght-normal.woff2");
  });

  for (const [path, list, title] of [
    ["/le-musee-d-orsay/", ".backlink-list", "Guide de visite"],
    ["/tags/visite/", "main .liste-apercus", "Guide de visite"],
    ["/notes/", "main .liste-apercus", "Au cœur des réserves"],
  ] as const) {
    it(`montre l'aperçu d'une note au focus d'un lien de liste : ${path}`, async () => {
      await wide.goto(`${harness().fixture}${path}`);
      const link = wide.locator(`${list} a`, { hasText: title }).first();
      await link.focus();
      const preview = wide.locator("#apercu-lien");
      await preview.waitFor({ state: "visible" });
      expect(await preview.locator(".apercu-titre").innerText()).toBe(title);
      expect(await link.getAttribute("aria-describedby")).toBe("apercu-lien");
    });
  }

  itSentNothingOutside(harness);
});
