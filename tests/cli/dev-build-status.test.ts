import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebuildAfter } from "../../bench/dev-server.js";
import { BUILD_STATUS_FILE, BUILD_STATUS_SCRIPT_URL } from "../../src/cli/dev-build-status.js";
import { useDevVault } from "./dev-vault.js";
import { get } from "./http-client.js";
import { ROOT, runBuild, runCommand } from "./run-command.js";

/** A line of a JavaScript stack trace. */
const STACK_LINE = /^\s+at /m;

describe("npm start on a change that cannot be published", () => {
  const { work, notesDir, note, start } = useDevVault("status");
  const shownNote = path.relative(ROOT, note).split(path.sep).join("/");
  it(
    "prints the finding in French without a stack trace, keeps serving the last site with a banner, and clears it once fixed",
    async () => {
      const server = await start();
      const { port } = server;
      await server.printed(`Le jardin est servi sur http://127.0.0.1:${port}/`, 30_000);
      expect(server.output()).toContain("Site à jour : 0 avertissement ; lancez « npm run check » pour le détail.");
      const before = await get("127.0.0.1", port, "/autre/");
      expect(before.body).toContain(`<script src="${BUILD_STATUS_SCRIPT_URL}" defer></script>`);
      const script = await get("127.0.0.1", port, BUILD_STATUS_SCRIPT_URL);
      expect(script.status).toBe(200);
      expect(script.body).toContain(`fetch(STATUS_URL, { cache: "no-store" })`);
      expect(await get("127.0.0.1", port, `/${BUILD_STATUS_FILE}`)).toEqual({ status: 200, body: '{"message":null}' });

      let seen = server.watchCount();
      let printed = server.output().length;
      await writeFile(note, '---\ntitre: "non fermé\n---\n# Autre\n\nTexte modifié.\n');
      await rebuildAfter(server, seen, 60_000);
      const failure = server.output().slice(printed);
      expect(failure).toContain(
        `${shownNote}:2:8  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « titre: "non fermé ». Le guillemet " ouvert ici n'est jamais refermé. Ajoutez " à la fin de la valeur.\n` +
          "La dernière modification n'a pas pu être publiée : 1 erreur, corrigez-la puis enregistrez. Le site servi reste le précédent.\n",
      );
      expect(failure).not.toMatch(STACK_LINE);
      expect(failure).not.toContain("GardenBuildError");
      server.alive();
      expect(await get("127.0.0.1", port, "/autre/")).toEqual(before);
      const status = await get("127.0.0.1", port, `/${BUILD_STATUS_FILE}`);
      expect(status.status).toBe(200);
      expect(JSON.parse(status.body)).toEqual({
        message: `${shownNote}:2 : L'en-tête YAML est illisible à la ligne « titre: "non fermé ». Le guillemet " ouvert ici n'est jamais refermé. Ajoutez " à la fin de la valeur.`,
      });

      seen = server.watchCount();
      printed = server.output().length;
      // Fixed, with a warning: `#` starts a YAML comment.
      await writeFile(note, "---\ntags: #question\n---\n# Autre\n\nTexte corrigé.\n");
      await rebuildAfter(server, seen, 60_000);
      const success = server.output().slice(printed);
      expect(success).toContain("Site à jour : 1 avertissement (1 tag-commentaire) ; lancez « npm run check » pour le détail.");
      expect(success).not.toMatch(STACK_LINE);
      expect(await get("127.0.0.1", port, `/${BUILD_STATUS_FILE}`)).toEqual({ status: 200, body: '{"message":null}' });
      const after = await get("127.0.0.1", port, "/autre/");
      expect(after.status).toBe(200);
      expect(after.body).toContain("<p>Texte corrigé.</p>");
    },
    240_000,
  );

  it(
    "stops with exit code 1 and the French finding, without a stack trace, when the first build fails",
    async () => {
      await writeFile(note, '---\ntitre: "non fermé\n---\n# Autre\n');
      const run = await runCommand(["src/cli/serve.ts", "--port=1"], { NOTES_DIR: notesDir, OUTPUT_DIR: path.join(work, "site-premier") }, 120_000);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${shownNote}:2:8  erreur  yaml-invalide  L'en-tête YAML est illisible à la ligne « titre: "non fermé ». Le guillemet " ouvert ici n'est jamais refermé. Ajoutez " à la fin de la valeur.\n` +
          "La construction s'est arrêtée sur 1 erreur : corrigez-la, puis relancez « npm start ».\n",
      );
      expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    },
    180_000,
  );

  it("leaves the status file and its script out of the site that npm run build publishes", async () => {
    await writeFile(note, "# Autre\n\nTexte.\n");
    const built = path.join(work, "site-publie");
    expect((await runBuild(notesDir, built, 120_000)).code).toBe(0);
    const files = (await readdir(built, { recursive: true })).map(String);
    expect(files).toContain("index.html");
    expect(files.filter((file) => file.includes("etat-construction"))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith(".html"))) expect(await readFile(path.join(built, file), "utf8"), file).not.toContain(BUILD_STATUS_SCRIPT_URL);
  }, 180_000);
});
