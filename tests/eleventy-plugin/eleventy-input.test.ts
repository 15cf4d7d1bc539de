import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../../bench/dev-server.js";

describe("npm start on a vault with links to / and to itself, and a pipe", () => {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const work = path.join(projectRoot, "tests", `.dev-server-input-${process.pid}`);
  const notesDir = path.join(work, "notes");
  const siteDir = path.join(work, "site");
  let server: DevServer | undefined;

  afterAll(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  /** The page once it holds `text`, or what it holds after 30 s. */
  async function pageOnceItHolds(slug: string, text: string): Promise<string> {
    let html = "";
    for (let waited = 0; waited < 30_000 && !html.includes(text); waited += 200) {
      await sleep(200);
      html = await readFile(path.join(siteDir, slug, "index.html"), "utf8").catch(() => "");
      server!.alive();
    }
    return html;
  }

  it(
    "builds, then rebuilds an edit, following no link and reading no pipe",
    async () => {
      await mkdir(notesDir, { recursive: true });
      await writeFile(path.join(notesDir, "A.md"), "# A\n\nPremier texte.\n");
      await symlink("/", path.join(notesDir, "Racine"));
      await symlink(".", path.join(notesDir, "Boucle"));
      await symlink("/dev/zero", path.join(notesDir, "zero.md"));
      execFileSync("mkfifo", [path.join(notesDir, "tube.md")]);
      server = await startDevServer(projectRoot, notesDir, siteDir, 60_000);
      expect(await pageOnceItHolds("a", "Premier texte.")).toContain("<p>Premier texte.</p>");

      await sleep(200);
      await writeFile(path.join(notesDir, "A.md"), "# A\n\nTexte modifié.\n");
      expect(await pageOnceItHolds("a", "Texte modifié.")).toContain("<p>Texte modifié.</p>");
    },
    120_000,
  );
});
