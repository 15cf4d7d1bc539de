import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebuildAfter } from "../../bench/dev-server.js";
import { useDevVault } from "../cli/dev-vault.js";
import { get } from "../cli/http-client.js";

describe("npm start, as a home page note comes and goes", () => {
  const { notesDir, start } = useDevVault("accueil");

  it(
    "serves index.md at / once written, and the generated overview again once it is a draft",
    async () => {
      const server = await start();
      const { port } = server;
      await server.printed(`Le jardin est servi sur http://127.0.0.1:${port}/`, 30_000);
      const overview = "<h1>MuseumXTD</h1>";
      expect((await get("127.0.0.1", port, "/")).body).toContain(overview);

      let seen = server.watchCount();
      await writeFile(path.join(notesDir, "index.md"), "# Bienvenue\n\nVoir [[Autre]].\n");
      await rebuildAfter(server, seen, 60_000);
      const home = await get("127.0.0.1", port, "/");
      expect(home.body).toContain('<h1 id="bienvenue">Bienvenue</h1>');
      expect(home.body).not.toContain(overview);
      expect((await get("127.0.0.1", port, "/notes/")).body).toContain("<h1>Toutes les notes</h1>");

      seen = server.watchCount();
      await writeFile(path.join(notesDir, "index.md"), "---\ndraft: true\n---\n# Bienvenue\n\nVoir [[Autre]].\n");
      await rebuildAfter(server, seen, 60_000);
      const back = await get("127.0.0.1", port, "/");
      expect(back.body).toContain(overview);
      expect(back.body).not.toContain("Bienvenue");
    },
    240_000,
  );
});
