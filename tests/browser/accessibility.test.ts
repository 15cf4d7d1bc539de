import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { builtSites, itSentNothingOutside, openMissingPage, openSearch, runAxe, sitePagePaths, useHarness, type Harness } from "./browser-harness.js";

interface AuditedPage {
  readonly site: "fixture" | "notes";
  readonly path: string;
  readonly open?: (harness: Harness, page: Page, url: string) => Promise<void>;
}

const sites = builtSites();
/** The fixture note that uses callouts, footnotes, tasks, highlights and a private comment. */
const SYNTAX = "/syntaxe-obsidian/";
/** Every page of both built sites, the search page with results, and the 404 page. */
const AUDITED: readonly AuditedPage[] = (["fixture", "notes"] as const).flatMap((site) => [
  ...sitePagePaths(sites[site]).map((path) => ({ site, path })),
  { site, path: "/recherche/?q=musee", open: (_harness, page, url) => openSearch(page, new URL(url).origin, "musee") },
  { site, path: "/page-qui-n-existe-pas/", open: (harness, page, url) => openMissingPage(harness.session, page, url) },
]);

/** A short name for the focused element, to write the Tab order down. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const name = el.getAttribute("aria-label") ?? (el as HTMLElement).innerText?.trim() ?? "";
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() : undefined;
    const kind = el.classList.contains("pagefind-ui__result-link") ? "résultat" : el.tagName.toLowerCase();
    return `${kind}:${label ?? (name || (el as HTMLInputElement).value || el.className)}`;
  });
}

const SCHEMES = { light: "thème clair", dark: "thème sombre" } as const;
type Scheme = keyof typeof SCHEMES;

/**
 * The contrast ratio of an element's text with what is drawn behind it: the first ancestor background that is not
 * transparent (the page's own when none), as WCAG computes it from relative luminance.
 */
async function textContrast(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((elements) => {
    function rgba(color: string): number[] {
      const parts = color.match(/[\d.]+/g)!.map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    }
    function luminance([r, g, b]: number[]): number {
      const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    }
    function background(el: Element | null): number[] {
      for (; el; el = el.parentElement) {
        const color = rgba(getComputedStyle(el).backgroundColor);
        if (color[3]! > 0) return color;
      }
      return [255, 255, 255, 1];
    }
    return elements
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const [a, b] = [luminance(rgba(getComputedStyle(el).color)), luminance(background(el))];
        return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
      });
  });
}

describe("l'accessibilité", () => {
  const harness = useHarness();
  let page: Page;
  const schemePages: Partial<Record<Scheme, Page>> = {};

  // beforeEach, not beforeAll: without Chromium the tests must fail, not be skipped.
  beforeEach(async () => {
    page ??= await harness().session.newPage();
    for (const scheme of Object.keys(SCHEMES) as Scheme[]) schemePages[scheme] ??= await harness().session.newPage({ colorScheme: scheme });
  });

  it("audite l'accueil, les notes, la recherche, les notes à écrire, la 404 et la déclaration", () => {
    const fixturePaths = AUDITED.filter((a) => a.site === "fixture").map((a) => a.path);
    for (const path of ["/", "/guide-de-visite/", "/le-musee-d-orsay/", SYNTAX, "/recherche/?q=musee", "/notes-a-ecrire/", "/page-qui-n-existe-pas/", "/accessibilite/"]) {
      expect(fixturePaths).toContain(path);
    }
    expect(AUDITED.filter((a) => a.site === "notes").length).toBeGreaterThanOrEqual(8);
  });

  for (const [scheme, name] of Object.entries(SCHEMES) as [Scheme, string][]) {
    for (const audited of AUDITED) {
      it(`ne trouve aucune violation WCAG 2.1 A/AA avec axe-core, ${name} : ${audited.site} ${audited.path}`, async () => {
        const url = `${harness()[audited.site]}${audited.path}`;
        const schemePage = schemePages[scheme]!;
        if (audited.open) await audited.open(harness(), schemePage, url);
        else await schemePage.goto(url);
        const violations = await runAxe(schemePage);
        console.log(`axe : ${violations.length} violation(s) — ${name} — ${audited.site} ${audited.path}`);
        expect(violations).toEqual([]);
      });
    }
  }

  for (const colorScheme of ["light", "dark"] as const) {
    it(`ne trouve aucune violation dans les encadrés dépliés, les tâches et les notes de bas de page, en thème ${colorScheme === "dark" ? "sombre" : "clair"}`, async () => {
      const themed = await harness().session.newPage({ colorScheme });
      await themed.goto(`${harness().fixture}${SYNTAX}`);
      expect(await themed.locator(".callout").count()).toBe(13);
      await themed.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
      expect(await runAxe(themed)).toEqual([]);
    });
  }

  it("déplie un encadré repliable sans JavaScript, au clic sur son titre", async () => {
    const noScript = await harness().session.newPage({ javaScriptEnabled: false });
    await noScript.goto(`${harness().fixture}${SYNTAX}`);
    const answer = noScript.getByText("Cliquez sur son titre : le texte apparaît, sans JavaScript.");
    expect(await answer.isVisible()).toBe(false);
    await noScript.locator("summary", { hasText: "Comment déplier un encadré ?" }).click();
    expect(await answer.isVisible()).toBe(true);
    expect(await noScript.getByRole("checkbox", { name: "Écrire les exemples" }).isChecked()).toBe(true);
  });

  it("en thème sombre, écrit le texte tapé dans chaque champ de recherche et celui de chaque bouton à 4,5:1 au moins", async () => {
    const dark = schemePages.dark!;
    await dark.goto(`${harness().fixture}/guide-de-visite/`);
    await dark.locator("#site-recherche-q").fill("musée");
    await dark.locator("#theme-bascule").waitFor();
    const header = { champ: await textContrast(dark, "#site-recherche-q"), boutons: await textContrast(dark, "button") };
    await openSearch(dark, harness().fixture, "musee");
    const search = { champ: await textContrast(dark, ".pagefind-ui__search-input"), boutons: await textContrast(dark, "button") };
    console.log(`Contrastes en thème sombre : ${JSON.stringify({ header, search })}`);
    for (const ratios of [header.champ, header.boutons, search.champ, search.boutons]) {
      expect(ratios.length).toBeGreaterThan(0);
      for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
    // The guide's video placeholder, the header's search and the theme switch: three buttons at least.
    expect(header.boutons.length).toBeGreaterThanOrEqual(3);
  });

  it("bascule le thème avec un bouton qui dit son état, et garde le choix d'une page à l'autre", async () => {
    const light = await harness().session.newPage({ colorScheme: "light" });
    await light.goto(`${harness().fixture}/le-musee-d-orsay/`);
    const toggle = light.getByRole("button", { name: "Thème sombre" });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await light.goto(`${harness().fixture}/tags/`);
    expect(await light.locator("html").getAttribute("data-theme")).toBe("sombre");
    expect(await light.getByRole("button", { name: "Thème sombre" }).getAttribute("aria-pressed")).toBe("true");
    expect(await runAxe(light)).toEqual([]);
    await light.close();
  });

  it("se parcourt au clavier seul : évitement, recherche, résultat", async () => {
    const keyboard = await harness().session.newPage();
    await keyboard.goto(`${harness().fixture}/le-musee-d-orsay/`);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await keyboard.keyboard.press("Tab");
      order.push(await focused(keyboard));
    }
    expect(order).toEqual(["a:Aller au contenu", "a:MuseumXTD", "input:Rechercher dans les notes"]);
    await keyboard.keyboard.type("musee");
    await keyboard.keyboard.press("Enter");
    await keyboard.waitForURL((url) => url.pathname === "/recherche/" && url.searchParams.get("q") === "musee");
    await keyboard.locator(".pagefind-ui__result-link").first().waitFor();
    const toResult: string[] = [];
    for (let i = 0; i < 12 && !toResult.at(-1)?.startsWith("résultat:"); i++) {
      await keyboard.keyboard.press("Tab");
      toResult.push(await focused(keyboard));
    }
    console.log(`Ordre au clavier sur la page de recherche : ${toResult.join(" → ")}`);
    // The header's links to explore the garden and the theme button (the search page has no header field), then
    // Pagefind's field and its "Effacer" button.
    expect(toResult).toEqual([
      "a:Aller au contenu",
      "a:MuseumXTD",
      "a:Toutes les notes",
      "a:Étiquettes",
      "a:Graphe",
      "button:Thème sombre",
      "input:musee",
      "button:Effacer",
      "résultat:Les petits musées",
    ]);
    const target = await keyboard.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await keyboard.keyboard.press("Enter");
    await keyboard.waitForURL(target);
    expect(new URL(keyboard.url()).pathname).toBe("/les-petits-musees/");
    expect(await keyboard.locator("main h1").innerText()).toBe("Les petits musées");
  });

  it("a une déclaration d'accessibilité datée, avec son état, ses tests, un contact et les voies de recours", async () => {
    await page.goto(`${harness().fixture}/accessibilite/`);
    expect(await page.title()).toBe("Déclaration d’accessibilité · MuseumXTD");
    expect(await page.locator("main h1").innerText()).toBe("Déclaration d’accessibilité");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Accessibilité\u00a0: partiellement conforme");
    expect(text).toContain("axe-core");
    expect(text).toContain("clavier");
    expect(text).toContain("Défenseur des droits");
    expect(await page.locator("main time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const contact = await page.locator("main a[href^='mailto:']").getAttribute("href");
    expect(new URL(contact!).pathname).toBe("info@museumxtd.ch");
  });

  it("relie chaque page à la déclaration depuis son pied de page", async () => {
    const paths = ["/", "/guide-de-visite/", "/recherche/", "/notes-a-ecrire/", "/accessibilite/"];
    for (const path of paths) {
      await page.goto(`${harness().fixture}${path}`);
      const link = page.locator("footer").getByRole("link", { name: /^Accessibilité\s: partiellement conforme$/ });
      expect(await link.getAttribute("href"), path).toBe("/accessibilite/");
    }
    await openMissingPage(harness().session, page, `${harness().fixture}/nulle-part/`);
    expect(await page.locator("footer a[href='/accessibilite/']").innerText()).toBe("Accessibilité\u00a0: partiellement conforme");
  });

  itSentNothingOutside(harness);
});
