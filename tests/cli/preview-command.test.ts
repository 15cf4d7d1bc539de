import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connects, get, networkAddresses } from "./http-client.js";
import { ROOT, runCommand } from "./run-command.js";

interface Preview {
  readonly process: ChildProcess;
  readonly port: number;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `npm run preview -- --port 0` as the npm script runs it, and waits for the line that gives its address. */
async function startPreview(env: Readonly<Record<string, string>>): Promise<Preview> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/preview.ts", "--port", "0"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (found) resolve(Number(found[1]));
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    void exited.then((code) => reject(new Error(`npm run preview exited (${code}) before listening:\n${output}`)));
  });
  return { process: child, port, output: () => output, exited };
}

describe("npm run preview", () => {
  let site: string;
  let preview: Preview | undefined;
  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-preview-"));
    await mkdir(path.join(site, "recolement-decennal"));
    await writeFile(path.join(site, "index.html"), "<!doctype html><title>Accueil</title>");
    await writeFile(path.join(site, "recolement-decennal", "index.html"), "<!doctype html><title>Récolement décennal</title>");
  });
  afterAll(async () => {
    if (preview && preview.process.exitCode === null) preview.process.kill();
    await rm(site, { recursive: true, force: true });
  });

  it("serves the built site on 127.0.0.1 under the path of SITE_URL, 404 outside it, and stops cleanly on Ctrl+C", async () => {
    preview = await startPreview({ OUTPUT_DIR: site, SITE_URL: "https://museumxtd.github.io/jardin/" });
    const { port } = preview;
    expect(preview.output()).toContain(`Aperçu du site construit dans « ${site} » sur http://127.0.0.1:${port}/jardin/, pour cet ordinateur seulement. Ctrl+C l'arrête.`);

    const home = await get("127.0.0.1", port, "/jardin/");
    expect(home.status).toBe(200);
    expect(home.body).toBe("<!doctype html><title>Accueil</title>");
    // Nothing is injected: the page is served as it will be published.
    expect((await get("127.0.0.1", port, "/jardin/recolement-decennal/")).body).toBe("<!doctype html><title>Récolement décennal</title>");
    for (const outside of ["/recolement-decennal/", "/index.html", "/autre/jardin/"]) expect((await get("127.0.0.1", port, outside)).status, outside).toBe(404);
    expect((await get("127.0.0.1", port, "/jardin/..%2f..%2fetc%2fpasswd")).status).toBe(400);
    for (const address of networkAddresses) expect(await connects(address, port), address).toBe(false);

    preview.process.kill("SIGINT");
    expect(await preview.exited).toBe(0);
    expect(preview.output()).toContain("Aperçu arrêté.");
    expect(await connects("127.0.0.1", port)).toBe(false);
  });

  it("serves at the root when SITE_URL has no path, and redirects / to the path prefix when it has one", async () => {
    preview = await startPreview({ OUTPUT_DIR: site, SITE_URL: "https://www.museumxtd.ch" });
    const { port } = preview;
    expect(preview.output()).toContain(`sur http://127.0.0.1:${port}/, pour cet ordinateur seulement.`);
    expect((await get("127.0.0.1", port, "/recolement-decennal/")).status).toBe(200);
    preview.process.kill("SIGINT");
    expect(await preview.exited).toBe(0);

    preview = await startPreview({ OUTPUT_DIR: site, SITE_URL: "https://museumxtd.github.io/jardin" });
    expect(await get("127.0.0.1", preview.port, "/")).toMatchObject({ status: 302, location: "/jardin/" });
    preview.process.kill("SIGINT");
    expect(await preview.exited).toBe(0);
  });

  it.each([
    ["no site has been built", { OUTPUT_DIR: "<site>/vide" }, [], "Aucun site construit dans « <site>/vide » : lancez d'abord « npm run build », puis « npm run preview »."],
    ["SITE_URL is no address", { SITE_URL: "museumxtd.github.io/jardin" }, [], "SITE_URL vaut « museumxtd.github.io/jardin », qui n'est pas l'adresse complète d'un site"],
    ["the port is no number", {}, ["--port", "huit"], "Le port « huit » n'est pas un numéro de port (de 0 à 65535)."],
    ["the port is too large", {}, ["--port", "65536"], "Le port « 65536 » n'est pas un numéro de port (de 0 à 65535)."],
  ])("refuses to start, with exit code 2, when %s", async (_case, env: Record<string, string>, args, message) => {
    const inSite = (text: string) => text.replace("<site>", site);
    const run = await runCommand(["src/cli/preview.ts", ...args], Object.fromEntries(Object.entries({ OUTPUT_DIR: site, ...env }).map(([name, value]) => [name, inSite(value)])));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(inSite(message));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
