import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileFor, serveStatic, type StaticServer } from "./browser-harness.js";

describe("the test static server", () => {
  let work: string;
  let site: string;
  let server: StaticServer;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-static-"));
    site = path.join(work, "site");
    await mkdir(path.join(site, "note"), { recursive: true });
    await mkdir(path.join(site, "pagefind", "fragment"), { recursive: true });
    await writeFile(path.join(site, "index.html"), "<p>accueil</p>");
    await writeFile(path.join(site, "404.html"), "<p>introuvable</p>");
    await writeFile(path.join(site, "note", "index.html"), "<p>note</p>");
    await writeFile(path.join(site, "pagefind", "wasm.fr.pagefind"), "wasm");
    await writeFile(path.join(site, "pagefind", "pagefind.fr_1.pf_meta"), "meta");
    await writeFile(path.join(site, "pagefind", "fragment", "fr_1.pf_fragment"), "fragment");
    await writeFile(path.join(site, "module.wasm"), "wasm");
    await writeFile(path.join(work, "secret.txt"), "secret");
    await symlink(path.join(work, "secret.txt"), path.join(site, "lien.txt"));
    server = await serveStatic(site);
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const response = await fetch(`${server.origin}${url}`);
    return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
  };

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(server.origin).hostname).toBe("127.0.0.1");
  });

  it("answers a folder with its index.html", async () => {
    expect(await get("/")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<p>accueil</p>" });
    expect(await get("/note/")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<p>note</p>" });
  });

  it("gives WebAssembly and Pagefind's files their content types", async () => {
    expect((await get("/module.wasm")).type).toBe("application/wasm");
    for (const file of ["/pagefind/wasm.fr.pagefind", "/pagefind/pagefind.fr_1.pf_meta", "/pagefind/fragment/fr_1.pf_fragment"]) {
      expect(await get(file), file).toMatchObject({ status: 200, type: "application/octet-stream" });
    }
  });

  it("answers a missing path with 404.html and status 404", async () => {
    expect(await get("/nulle-part/")).toEqual({ status: 404, type: "text/html; charset=utf-8", body: "<p>introuvable</p>" });
  });

  it("under a path prefix, serves the site under it only, as GitHub Pages serves a project site", async () => {
    const prefixed = await serveStatic(site, "/jardin/");
    try {
      const get = async (url: string) => {
        const response = await fetch(`${prefixed.origin}${url}`);
        return { status: response.status, body: await response.text() };
      };
      expect(await get("/jardin/")).toEqual({ status: 200, body: "<p>accueil</p>" });
      expect(await get("/jardin/note/")).toEqual({ status: 200, body: "<p>note</p>" });
      expect(await get("/jardin/nulle-part/")).toEqual({ status: 404, body: "<p>introuvable</p>" });
      for (const url of ["/", "/note/", "/404.html", "/jardin", "/jardinier/"]) {
        expect(await get(url), url).toEqual({ status: 404, body: "Rien ici : le site est servi sous /jardin/" });
      }
      expect((await get("/jardin/..%2f..%2fsecret.txt")).body).not.toContain("secret");
    } finally {
      await prefixed.close();
    }
  });

  it("never serves a file outside the site", async () => {
    expect((await get("/lien.txt")).status).toBe(403);
    for (const url of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/note/..%2f..%2fsecret.txt"]) {
      const answer = await get(url);
      expect(answer.body, url).not.toContain("secret");
    }
    expect(await fileFor(site, "/..%2f..%2fsecret.txt")).toBeUndefined();
    expect(await fileFor(site, "/lien.txt")).toBe("forbidden");
    expect(await fileFor(site, "/%00")).toBe("forbidden");
  });
});
