import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Request, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import { fixtureDir } from "../helpers.js";
import { builtHtmlFiles, builtSites, isLocal, itSentNothingOutside, serveStatic, useHarness, type StaticServer } from "./browser-harness.js";

const VIDEO_ID = "aqz-KE-bpKQ";
const PLAYER = `https://www.youtube-nocookie.com/embed/${VIDEO_ID}`;

/** Each built page of both sites, with its HTML. */
async function builtPages(): Promise<{ file: string; html: string }[]> {
  const sites = builtSites();
  const pages: { file: string; html: string }[] = [];
  for (const site of [sites.fixture, sites.notes]) {
    for (const file of builtHtmlFiles(site)) {
      pages.push({ file: path.relative(path.dirname(site), file), html: await readFile(file, "utf8") });
    }
  }
  return pages;
}

function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  expect(metas.length).toBe(1);
  return new Map(
    metas[0]![1]!
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const LOADING_LINK = /^<link\b[^>]*\srel="[^"]*\b(?:stylesheet|icon|preload|modulepreload|prefetch|prerender|manifest|dns-prefetch|preconnect)\b/i;

/** Every start tag of the page: escaped text never matches, since its "<" is written "&lt;". */
const tagsOf = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe("la vie privée et la sécurité", () => {
  const harness = useHarness();

  it("a construit les deux sites, chaque page avec sa politique de sécurité", async () => {
    const pages = await builtPages();
    const files = pages.map((p) => p.file.split(path.sep).join("/"));
    for (const site of ["fixture-site", "notes-site"]) {
      for (const page of ["index.html", "404.html", "recherche/index.html", "notes-a-ecrire/index.html", "accessibilite/index.html"]) {
        expect(files).toContain(`${site}/${page}`);
      }
    }
    expect(files).toContain("fixture-site/guide-de-visite/index.html");
    expect(files).toContain("notes-site/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/index.html");
    for (const { file, html } of pages) {
      const csp = cspOf(html);
      expect(csp.get("default-src"), file).toEqual(["'self'"]);
      // Pagefind compiles its WebAssembly search: that, and no inline or eval'd script, is all scripts may do.
      expect(csp.get("script-src"), file).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get("style-src"), file).toEqual(["'self'"]);
      expect(csp.get("frame-src"), file).toEqual(["https://www.youtube-nocookie.com"]);
      expect(csp.get("object-src"), file).toEqual(["'none'"]);
      expect(html, file).not.toContain("unsafe-inline");
    }
  });

  it("n'a ni script en ligne, ni gestionnaire d'événement, ni attribut style, ni ressource extérieure", async () => {
    const found: string[] = [];
    for (const { file, html } of await builtPages()) {
      for (const tag of tagsOf(html)) {
        if (/^<script\b/i.test(tag) && !/\ssrc=/i.test(tag)) found.push(`${file} : script en ligne ${tag}`);
        if (/\son[a-z]+\s*=/i.test(tag)) found.push(`${file} : gestionnaire d'événement ${tag}`);
        if (/\sstyle\s*=/i.test(tag)) found.push(`${file} : attribut style ${tag}`);
        if (/^<(?:style|iframe|object|embed)\b/i.test(tag)) found.push(`${file} : ${tag}`);
        if (/javascript:/i.test(tag)) found.push(`${file} : adresse javascript: ${tag}`);
        // What the browser fetches by itself comes from the site; links followed by a click, or read by
        // machines (canonical, alternate), may go anywhere.
        const loaded =
          /^<(?:script|img|source|video|audio|track)\b[^>]*\ssrc="([^"]*)"/i.exec(tag)?.[1] ??
          (LOADING_LINK.test(tag) ? /\shref="([^"]*)"/i.exec(tag)?.[1] : undefined);
        if (loaded !== undefined && !(loaded.startsWith("data:") || (loaded.startsWith("/") && !loaded.startsWith("//")))) {
          found.push(`${file} : ressource extérieure ${tag}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("remplace chaque vidéo YouTube par un espace réservé qui ne charge rien avant le clic", async () => {
    const { session, fixture } = harness();
    const page = await (await session.newContext({}, "video")).newPage();
    let clicked = false;
    const routed: { url: string; afterClick: boolean }[] = [];
    // The player request is answered here, on this machine: nothing reaches YouTube, even after the click.
    let playerAsked!: (request: Request) => void;
    const asking = new Promise<Request>((resolve) => (playerAsked = resolve));
    await page.route("https://www.youtube-nocookie.com/**", async (route: Route) => {
      routed.push({ url: route.request().url(), afterClick: clicked });
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>Lecteur bouchon</title>" });
      playerAsked(route.request());
    });

    await page.goto(`${fixture}/guide-de-visite/`, { waitUntil: "networkidle" });
    const placeholder = page.locator("figure.video-embed");
    expect(await placeholder.locator("figcaption").innerText()).toBe("Présentation d’une visite guidée");
    const button = placeholder.getByRole("button", { name: "Charger la vidéo (YouTube)" });
    expect(await button.count()).toBe(1);
    expect(await placeholder.getByRole("link", { name: "Regarder sur YouTube" }).getAttribute("href")).toBe(
      `https://www.youtube.com/watch?v=${VIDEO_ID}`,
    );
    expect(await page.locator("iframe").count()).toBe(0);
    expect(session.outsideRequests("video")).toEqual([]);
    expect(routed).toEqual([]);

    clicked = true;
    await button.click();
    const asked = await asking;
    const frame = placeholder.locator("iframe");
    expect(await frame.getAttribute("src")).toBe(PLAYER);
    expect(await frame.getAttribute("title")).toBe("Présentation d’une visite guidée");
    expect(await button.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    expect(asked.url()).toBe(PLAYER);
    expect(routed).toEqual([{ url: PLAYER, afterClick: true }]);
    expect(session.outsideRequests("video")).toEqual([PLAYER]);
  });

  it("laisse la CSP refuser tout autre lecteur, même YouTube sans nocookie", async () => {
    const { session, fixture } = harness();
    const page = await session.newPage();
    await page.goto(`${fixture}/guide-de-visite/`);
    const before = session.requests.length;
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.src = src;
      frame.title = "essai";
      document.body.append(frame);
    }, `https://www.youtube.com/embed/${VIDEO_ID}`);
    await expect.poll(() => session.takeProblemsMatching((p) => p.kind === "csp" && p.text.startsWith("frame-src"))).toHaveLength(1);
    // Chromium may also log the refusal: that is the expected refusal, nothing else.
    for (const problem of session.takeProblems()) expect(problem.text).toContain("Content Security Policy");
    expect(session.requests.slice(before).filter((r) => !isLocal(r.url))).toEqual([]);
  });

  describe("une note qui contient tout le HTML que le site retire", () => {
    // Built here rather than in the shared fixture vault, whose pages the other browser tests count.
    let work: string;
    let server: StaticServer;
    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), "garden-html-hostile-"));
      await buildGarden(fixtureDir("browser-html-vault"), path.join(work, "site"));
      server = await serveStatic(path.join(work, "site"));
    });
    afterAll(async () => {
      await server?.close();
      await rm(work, { recursive: true, force: true });
    });

    for (const [url, title, lastText] of [
      ["/piege/", "Piège · MuseumXTD", "Après tout cela, le texte reste lisible."],
      ["/integration/", "Intégration · MuseumXTD", "Après l’intégration du piège."],
    ] as const) {
      it(`${url} : ni dialogue, ni navigation, ni requête ailleurs, ni violation de la CSP`, async () => {
        const { session } = harness();
        const context = await session.newContext({}, "html-retire");
        const page = await context.newPage();
        const dialogs: string[] = [];
        page.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        const navigations: string[] = [];
        page.on("framenavigated", (frame) => navigations.push(frame.url()));
        const before = session.requests.length;

        await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
        // A refresh of 0 seconds, an autofocus or a toggle event would have fired by now; the link is clicked too.
        await page.locator("#contenu a", { hasText: "Lien masqué" }).click();
        await page.waitForLoadState("networkidle");

        expect(dialogs).toEqual([]);
        expect(navigations.filter((u) => !isLocal(u) && u !== "about:blank")).toEqual([]);
        expect(page.url()).toBe(`${server.origin}${url}`);
        expect(await page.title()).toBe(title);
        expect(session.requests.slice(before).filter((r) => !isLocal(r.url))).toEqual([]);
        expect(session.requests.slice(before).map((r) => new URL(r.url).pathname)).not.toContain("/assets/stats.js");
        expect(session.takeProblems()).toEqual([]);
        // Nothing swallowed the end of the page, and nothing the note wrote covers it.
        expect(await page.getByText(lastText).isVisible()).toBe(true);
        expect(await page.locator("footer.site-footer").isVisible()).toBe(true);
        expect(await page.locator("section.backlinks").isVisible()).toBe(true);
        const leftovers = await page.evaluate(() =>
          // The note's own text: the layout writes its type and dates in the same block.
          [...document.querySelectorAll(".note-body *")]
            .filter((e) => !e.closest(".note-kind, .note-dates"))
            .filter((e) => /^(?:script|style|meta|base|link|form|input|button|textarea|object|embed|frame|iframe|svg|math)$/i.test(e.tagName) || [...e.attributes].some((a) => /^(?:on|style$|srcdoc$|data-pagefind-)/i.test(a.name) || /^\s*(?:javascript|data):/i.test(a.value)))
            .map((e) => e.outerHTML.slice(0, 80)),
        );
        expect(leftovers).toEqual([]);
      });
    }
  });

  // Pagefind 1.6 searches in a Web Worker, which the page's meta CSP does not govern. When the worker cannot start
  // (or takes over 5 s), it falls back to the page itself: there, compiling its WebAssembly needs 'wasm-unsafe-eval'.
  for (const keepWasm of [true, false]) {
    it(`cherche sans son worker ${keepWasm ? "grâce à" : "mais pas sans"} 'wasm-unsafe-eval'`, async () => {
      const { session, fixture } = harness();
      const page = await session.newPage();
      await page.route(`${fixture}/pagefind/pagefind-worker.js`, (route) => route.fulfill({ status: 404, body: "" }));
      if (!keepWasm) {
        await page.route(`${fixture}/recherche/**`, async (route) => {
          const response = await route.fetch();
          const html = await response.text();
          expect(html).toContain(" 'wasm-unsafe-eval'");
          await route.fulfill({ response, body: html.replace(" 'wasm-unsafe-eval'", "") });
        });
      }
      await page.goto(`${fixture}/recherche/?q=musee`);
      if (keepWasm) {
        await page.locator(".pagefind-ui__result").first().waitFor();
        expect(await page.locator(".pagefind-ui__result-link").first().innerText()).toBe("Les petits musées");
        return;
      }
      await expect
        .poll(() => session.takeProblemsMatching((p) => p.kind === "csp" && p.text.startsWith("script-src : wasm-eval")))
        .not.toHaveLength(0);
      expect(await page.locator(".pagefind-ui__result").count()).toBe(0);
      for (const problem of session.takeProblems()) expect(problem.text).toContain("Failed to load the Pagefind WASM");
    });
  }

  itSentNothingOutside(harness);
});
