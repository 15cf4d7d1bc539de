import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../../bench/dev-server.js";
import { GuardedDevServer, sitePathOf } from "../../src/cli/local-dev-server.js";
import { BUILT_SITE_MARKER } from "../../src/site-output/safe-folders.js";
import { fixtureDir } from "../helpers.js";
import { connects, get, networkAddresses } from "./http-client.js";
import { ROOT } from "./run-command.js";

describe("sitePathOf", () => {
  it("decodes a path of the site once, as the dev server does", () => {
    expect(sitePathOf("/")).toBe("/");
    expect(sitePathOf("/r%C3%A9colement/?q=..%2f")).toBe("/récolement/");
    // URL parsing resolves plain dot segments, which cannot climb above the root.
    expect(sitePathOf("/../../etc/passwd")).toBe("/etc/passwd");
  });

  it("refuses a malformed path, a NUL byte, and a parent folder brought in by an encoded slash", () => {
    for (const url of ["/..%2fsite.precedent-1%2fsecret.txt", "/note/..%2f..%2fsecret", "/%2e%2e%2fsecret", "/..%5csecret", "/%E0%A4%A", "/%", "/a%00b", "//["]) {
      expect(sitePathOf(url), url).toBeUndefined();
    }
  });
});

describe("GuardedDevServer", () => {
  let dir: string;
  let server: GuardedDevServer | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "garden-guarded-"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>Accueil</title>");
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("listens on the host it is given, and answers 500 rather than stop when a request throws inside Eleventy's server", async () => {
    const quiet = { info: () => undefined, log: () => undefined, error: () => undefined };
    server = GuardedDevServer.getServer("test", dir, { host: "127.0.0.1", liveReload: false, logger: quiet, messageOnStart: () => false });
    server.serve(0);
    await server.ready();
    const { address, port } = server.server.address() as net.AddressInfo;
    expect(address).toBe("127.0.0.1");

    Object.assign(server, {
      mapUrlToFilePath() {
        throw new Error("panne");
      },
    });
    expect(await get("127.0.0.1", port, "/")).toEqual({ status: 500, body: "Le serveur n'a pas pu répondre à cette adresse.\n" });
    delete (server as unknown as Record<string, unknown>)["mapUrlToFilePath"];
    const home = await get("127.0.0.1", port, "/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("<title>Accueil</title>");
  });
});

describe("npm start", () => {
  let work: string;
  let site: string;
  let server: DevServer | undefined;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-serve-"));
    site = path.join(work, "site");
    // Folders beside the output whose names start with its name, as the build's own temporary folders do.
    for (const sibling of ["site.precedent-1", "site-brouillon"]) {
      await mkdir(path.join(work, sibling));
      await writeFile(path.join(work, sibling, "secret.txt"), "SECRET");
    }
    await writeFile(path.join(work, "site.html"), "SECRET");
  });
  afterAll(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it(
    "listens on 127.0.0.1 only, answers 400 to a path out of the site or malformed, and keeps serving",
    async () => {
      server = await startDevServer(ROOT, fixtureDir("template-text-vault"), site, 120_000);
      const { port } = server;
      await server.printed(`Le jardin est servi sur http://127.0.0.1:${port}/, pour cet ordinateur seulement (« npm start -- --reseau » l'ouvre au réseau).`, 30_000);
      expect(await readdir(site)).toContain(BUILT_SITE_MARKER);
      expect((await get("127.0.0.1", port, "/autre/")).status).toBe(200);

      for (const requestPath of ["/..%2fsite.precedent-1%2fsecret.txt", "/..%2fsite-brouillon%2fsecret.txt", "/..%2fsite", "/autre/..%2f..%2fsite.html", "/%E0%A4%A", "/%", "/a%00b"]) {
        const answer = await get("127.0.0.1", port, requestPath);
        expect({ requestPath, ...answer }).toEqual({ requestPath, status: 400, body: "Adresse invalide.\n" });
      }
      server.alive();
      const page = await get("127.0.0.1", port, "/autre/");
      expect(page.status).toBe(200);
      expect(page.body).toContain('<h1 id="autre">Autre</h1>');
      for (const address of networkAddresses) expect(await connects(address, port), address).toBe(false);
    },
    180_000,
  );

  it(
    "opens to the network with --reseau",
    async () => {
      await server?.stop();
      server = await startDevServer(ROOT, fixtureDir("template-text-vault"), site, 120_000, ["--reseau"]);
      await server.printed("ouvert aux autres appareils du réseau.", 30_000);
      expect(await connects("127.0.0.1", server.port)).toBe(true);
      for (const address of networkAddresses) expect(await connects(address, server.port), address).toBe(true);
      expect((await get("127.0.0.1", server.port, "/..%2fsite.precedent-1%2fsecret.txt")).status).toBe(400);
    },
    180_000,
  );
});
