import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { previewFileOf, writePreviews } from "../../src/site-output/write-previews.js";
import { memoryVault } from "../helpers.js";
import { ROOT } from "../cli/run-command.js";

const ORIGIN = "https://jardin.example";

/** Just enough of an element for previews.js: what it sets is kept for the test to read. */
function element(tag: string) {
  const attributes = new Map<string, string>();
  return {
    tag,
    attributes,
    hidden: false,
    textContent: "",
    className: "",
    id: "",
    style: {} as Record<string, string>,
    href: "",
    appendChild: () => undefined,
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
    getBoundingClientRect: () => ({ left: 10, bottom: 20 }),
    closest(this: { tag: string }, selector: string) {
      return selector.split(", ").includes("main a.wikilink") && this.tag === "a" ? this : null;
    },
  };
}

/**
 * Runs _includes/assets/site-url.js then previews.js, as the page loads them, on a page of the site `site` served
 * under the path prefix `base`, and focuses a link to `href` there.
 */
async function focusLink(site: string, href: string, base = "/") {
  const created: ReturnType<typeof element>[] = [];
  const listeners = new Map<string, (event: { target: unknown; key?: string }) => void>();
  const fetched: string[] = [];
  const document = {
    createElement: (tag: string) => {
      const made = element(tag);
      created.push(made);
      return made;
    },
    body: element("body"),
    documentElement: { clientWidth: 1000, getAttribute: (name: string) => (name === "data-base" ? base : null) },
    addEventListener: (type: string, listener: (event: { target: unknown }) => void) => listeners.set(type, listener),
  };
  const window = {
    location: { href: `${ORIGIN}${base}guide/`, origin: ORIGIN },
    scrollX: 0,
    scrollY: 0,
    setTimeout,
    clearTimeout,
  };
  const fetch = async (url: string) => {
    fetched.push(url);
    const text = url.startsWith(base) ? await readFile(path.join(site, ...url.slice(base.length).split("/").filter(Boolean)), "utf8").catch(() => undefined) : undefined;
    return { ok: text !== undefined, status: text === undefined ? 404 : 200, json: async () => JSON.parse(text!) };
  };
  const page = { document, window, fetch, URL };
  for (const script of ["site-url.js", "previews.js"]) runInNewContext(await readFile(path.join(ROOT, "_includes", "assets", script), "utf8"), page);
  const link = element("a");
  link.href = new URL(href, window.location.href).href;
  listeners.get("focusin")!({ target: link });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const [tooltip, title, summary] = created;
  return { fetched, shown: !tooltip!.hidden, title: title!.textContent, summary: summary!.textContent, describedBy: link.attributes.get("aria-describedby") };
}

describe("previews.js, the link previews in the browser", () => {
  let site = "";
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it("finds a note's preview in the file write-previews.ts wrote it to, and shows it", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-previews-js-"));
    const vault = memoryVault({ "Musée.md": "# Le musée\n\nUn lieu de collections.\n", "Café.md": "---\npermalink: /café/\n---\n# Le café\n\nUne pause.\n" });
    await writePreviews(site, buildLinkGraph(vault, { reservedUrls: new Map() }));

    expect(await focusLink(site, "/caf%C3%A9/#la-pause")).toEqual({
      fetched: [`/assets/apercus/${previewFileOf("/caf%C3%A9/")}`],
      shown: true,
      title: "Le café",
      summary: "Une pause.",
      describedBy: "apercu-lien",
    });
    expect(await focusLink(site, "/musee/")).toMatchObject({ shown: true, title: "Le musée", summary: "Un lieu de collections." });
  });

  it("under a path prefix, fetches the preview file under it and finds the note by its address within the site", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-previews-js-"));
    await writePreviews(site, buildLinkGraph(memoryVault({ "Musée.md": "# Le musée\n\nUn lieu de collections.\n" }), { reservedUrls: new Map() }));
    expect(await focusLink(site, "/jardin/musee/", "/jardin/")).toEqual({
      fetched: [`/jardin/assets/apercus/${previewFileOf("/musee/")}`],
      shown: true,
      title: "Le musée",
      summary: "Un lieu de collections.",
      describedBy: "apercu-lien",
    });
    // A page of the same origin outside the prefix is another site's.
    expect(await focusLink(site, "/musee/", "/jardin/")).toMatchObject({ fetched: [], shown: false });
  });

  it("shows nothing for a page without a preview, nor fetches anything for another site", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-previews-js-"));
    await writePreviews(site, buildLinkGraph(memoryVault({ "Musée.md": "# Le musée\n\nTexte.\n" }), { reservedUrls: new Map() }));
    expect(await focusLink(site, "/tags/")).toEqual({ fetched: [`/assets/apercus/${previewFileOf("/tags/")}`], shown: false, title: "", summary: "", describedBy: undefined });
    expect(await focusLink(site, "https://ailleurs.example/musee/")).toEqual({ fetched: [], shown: false, title: "", summary: "", describedBy: undefined });
  });
});
