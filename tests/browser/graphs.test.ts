import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate-vault.js";
import { buildGarden } from "../../src/cli/build-garden.js";
import { itSentNothingOutside, runAxe, serveStatic, sitePagePaths, useHarness, type StaticServer } from "./browser-harness.js";

/** What the browser draws of a graph: the rectangles of its labels and nodes, and of the SVG itself, in CSS pixels. */
interface DrawnGraph {
  readonly svg: Rect;
  readonly labels: readonly (Rect & { text: string; fontPx: number })[];
  readonly nodes: readonly { x: number; y: number; r: number }[];
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The graph in `selector` as drawn: each label's box as the browser measures its text, its font size as shown. */
function drawnGraph(page: Page, selector: string): Promise<DrawnGraph> {
  return page.locator(selector).evaluate((svg: SVGSVGElement) => {
    const rect = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    return {
      svg: rect(box),
      labels: [...svg.querySelectorAll("text")].map((text) => ({
        ...rect(text.getBoundingClientRect()),
        text: text.textContent ?? "",
        fontPx: parseFloat(getComputedStyle(text).fontSize) * scale,
      })),
      nodes: [...svg.querySelectorAll("circle")].map((circle) => {
        const r = circle.getBoundingClientRect();
        return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, r: r.width / 2 };
      }),
    };
  });
}

/** Overlapping by more than a rounding error. */
const overlap = (a: Rect, b: Rect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
const inside = (a: Rect, b: Rect) => a.left >= b.left - 0.5 && a.top >= b.top - 0.5 && a.right <= b.right + 0.5 && a.bottom <= b.bottom + 0.5;
const onNode = (a: Rect, node: { x: number; y: number; r: number }) => {
  const dx = node.x - Math.max(a.left, Math.min(node.x, a.right));
  const dy = node.y - Math.max(a.top, Math.min(node.y, a.bottom));
  return Math.hypot(dx, dy) < node.r - 0.5;
};

/** Every way the labels of a drawn graph get in each other's way, or out of the drawing, in words. */
function clashes(graph: DrawnGraph, where: string): string[] {
  const found: string[] = [];
  graph.labels.forEach((label, i) => {
    if (!inside(label, graph.svg)) found.push(`${where} : « ${label.text} » dépasse du dessin`);
    for (const other of graph.labels.slice(i + 1)) if (overlap(label, other)) found.push(`${where} : « ${label.text} » chevauche « ${other.text} »`);
    for (const node of graph.nodes) if (onNode(label, node)) found.push(`${where} : « ${label.text} » couvre un point`);
  });
  return found;
}

const viewBoxOf = (page: Page) => page.locator(".graphe-global svg.graphe").evaluate((svg: SVGSVGElement) => svg.getAttribute("viewBox")!.split(" ").map(Number));

describe("les graphes d'un jardin de 150 notes", () => {
  const harness = useHarness();
  let work: string;
  let site: string;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "graphes-navigateur-"));
    await generateVault({ notes: 150, seed: 1, outDir: path.join(work, "notes") });
    site = path.join(work, "site");
    await buildGarden(path.join(work, "notes"), site);
    server = await serveStatic(site);
  });
  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });
  // beforeEach, not beforeAll: without Chromium the tests must fail, not be skipped.
  beforeEach(async () => {
    page ??= await harness().session.newPage();
  });

  it("écrit les étiquettes du graphe de chaque note sans chevauchement, sans couvrir de point, dans le dessin", async () => {
    const found: string[] = [];
    let drawn = 0;
    for (const note of sitePagePaths(site)) {
      await page.goto(`${server.origin}${note}`);
      if ((await page.locator(".graphe-local svg.graphe").count()) === 0) continue;
      drawn++;
      const graph = await drawnGraph(page, ".graphe-local svg.graphe");
      expect(graph.svg.bottom - graph.svg.top, note).toBeLessThanOrEqual(300);
      for (const label of graph.labels) expect(label.fontPx, note).toBeLessThanOrEqual(16);
      found.push(...clashes(graph, note));
    }
    expect(drawn).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it("montre sans survol au moins 10 titres du graphe global, de 10 px au moins, entiers et séparés", async () => {
    await page.goto(`${server.origin}/graphe/`);
    const graph = await drawnGraph(page, ".graphe-global svg.graphe");
    const readable = graph.labels.filter((l) => l.fontPx >= 10);
    console.log(`graphe global : ${graph.labels.length} titres écrits, ${readable.length} de 10 px ou plus, ${graph.nodes.length} points`);
    expect(readable.length).toBeGreaterThanOrEqual(10);
    expect(clashes(graph, "/graphe/")).toEqual([]);
  });

  it("s'agrandit, se déplace et revient à la vue d'ensemble au clavier", async () => {
    await page.goto(`${server.origin}/graphe/`);
    const [, , width, height] = await viewBoxOf(page);
    const zoomIn = page.getByRole("button", { name: "Agrandir le graphe" });
    await zoomIn.focus();
    await page.keyboard.press("Enter");
    const zoomed = await viewBoxOf(page);
    expect(zoomed[2]).toBeCloseTo(width! / 1.5, 0);
    expect(zoomed[3]).toBeCloseTo(height! / 1.5, 0);
    // From a note of the graph, reached with Tab: + again, then the arrows move the view.
    await page.locator(".graphe-global a.graphe-noeud").first().focus();
    await page.keyboard.press("+");
    const closer = await viewBoxOf(page);
    expect(closer[2]).toBeLessThan(zoomed[2]!);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    const moved = await viewBoxOf(page);
    expect(moved[2]).toBe(closer[2]);
    expect([moved[0]! > closer[0]! || moved[0]! + moved[2]! >= width! - 0.1, moved[1]! > closer[1]! || moved[1]! + moved[3]! >= height! - 0.1]).toEqual([true, true]);
    await page.getByRole("button", { name: "Vue d’ensemble" }).focus();
    await page.keyboard.press("Enter");
    expect(await viewBoxOf(page)).toEqual([0, 0, width, height]);
  });

  it("s'agrandit à la molette et se déplace en glissant, sans suivre le lien du point où le glissement commence", async () => {
    await page.goto(`${server.origin}/graphe/`);
    const [, , width] = await viewBoxOf(page);
    const svg = page.locator(".graphe-global svg.graphe");
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await viewBoxOf(page))[2]).toBeLessThan(width!);
    const zoomed = await viewBoxOf(page);
    // A note well inside the graph as it is now shown.
    const [x, y] = await svg.evaluate((element: SVGSVGElement) => {
      const frame = element.getBoundingClientRect();
      for (const circle of element.querySelectorAll("a.graphe-noeud circle")) {
        const c = circle.getBoundingClientRect();
        const [cx, cy] = [(c.left + c.right) / 2, (c.top + c.bottom) / 2];
        if (cx > frame.left + 60 && cx < frame.right - 60 && cy > Math.max(frame.top, 0) + 60 && cy < Math.min(frame.bottom, innerHeight) - 60) return [cx, cy];
      }
      throw new Error("aucun point visible");
    });
    const before = page.url();
    // Whether the click that ends the drag was kept from following the link.
    await page.evaluate(() => document.addEventListener("click", (event) => ((window as unknown as { clicPrevenu: boolean }).clicPrevenu = event.defaultPrevented)));
    await page.mouse.move(x!, y!);
    await page.mouse.down();
    await page.mouse.move(x! - 40, y! - 30, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => (window as unknown as { clicPrevenu?: boolean }).clicPrevenu)).toBe(true);
    const dragged = await viewBoxOf(page);
    expect(dragged[2]).toBe(zoomed[2]);
    expect(dragged[0]! !== zoomed[0]! || dragged[1]! !== zoomed[1]!).toBe(true);
    expect(page.url()).toBe(before);
  });

  it("met en avant les voisins d'une note survolée ou atteinte au clavier", async () => {
    await page.goto(`${server.origin}/graphe/`);
    const node = page.locator(".graphe-global a.graphe-noeud[data-voisins]:not([data-voisins=''])").first();
    const neighbours = (await node.getAttribute("data-voisins"))!.split(" ").map(Number);
    await node.focus();
    const near = await page.locator(".graphe-global .graphe-noeud").evaluateAll((nodes) => nodes.flatMap((n, i) => (n.classList.contains("graphe-proche") ? [i] : [])));
    const self = await node.evaluate((n) => [...n.parentNode!.querySelectorAll(".graphe-noeud")].indexOf(n));
    expect(near).toEqual([...neighbours, self].sort((a, b) => a - b));
    expect(await page.locator(".graphe-liens-proches").getAttribute("d")).toMatch(new RegExp(`^(M[\\d.]+ [\\d.]+L[\\d.]+ [\\d.]+){${neighbours.length}}$`));
    await node.blur();
    expect(await page.locator(".graphe-proche").count()).toBe(0);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    // The graphs, their legend and buttons, in the main text: the header and its search field are audited elsewhere.
    it(`ne trouve aucune violation WCAG 2.1 A/AA dans les graphes, leur légende et leurs boutons (thème ${colorScheme === "light" ? "clair" : "sombre"})`, async () => {
      const themed = await harness().session.newPage({ colorScheme });
      const withGraph = sitePagePaths(site).find((url) => url.endsWith("/") && readFileSync(path.join(site, url, "index.html"), "utf8").includes('class="graphe-local"'));
      for (const url of [`${server.origin}/graphe/`, `${server.origin}${withGraph}`]) {
        await themed.goto(url);
        expect(await runAxe(themed, ["main", ".graphe-local"]), url).toEqual([]);
      }
    });
  }

  itSentNothingOutside(harness);
});
