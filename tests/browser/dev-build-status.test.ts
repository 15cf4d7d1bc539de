import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebuildAfter } from "../../bench/dev-server.js";
import { useDevVault } from "../cli/dev-vault.js";
import { itSentNothingOutside, PROJECT_ROOT, useHarness } from "./browser-harness.js";

describe("npm start: the banner of a change that cannot be published", () => {
  const harness = useHarness();
  const { note, start } = useDevVault("banner");
  it("appears on the open page after a failed rebuild, naming the file and line, and goes once the note is fixed", async () => {
    const server = await start();
    await server.printed(`Le jardin est servi sur http://127.0.0.1:${server.port}/`, 30_000);
    const page = await harness().session.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/autre/`);
    const banner = page.getByRole("alert");
    expect(await banner.count()).toBe(0);

    let seen = server.watchCount();
    await writeFile(note, '---\ntitre: "non fermé\n---\n# Autre\n\nTexte modifié.\n');
    await rebuildAfter(server, seen, 60_000);
    await banner.waitFor({ timeout: 10_000 });
    const shownNote = path.relative(PROJECT_ROOT, note).split(path.sep).join("/");
    expect(await banner.textContent()).toBe(
      `La dernière modification n'a pas pu être publiée : ${shownNote}:2 : L'en-tête YAML est illisible à la ligne « titre: "non fermé ». ` +
        `Le guillemet " ouvert ici n'est jamais refermé. Ajoutez " à la fin de la valeur. (voir le terminal)`,
    );
    expect(await page.locator("main").textContent()).toContain("Texte.");
    // Nor logged in the console with its stack trace by Eleventy's reload client: the afterEach of useHarness checks.

    seen = server.watchCount();
    await writeFile(note, "# Autre\n\nTexte corrigé.\n");
    await rebuildAfter(server, seen, 60_000);
    await banner.waitFor({ state: "detached", timeout: 10_000 });
    await page.getByText("Texte corrigé.").waitFor({ timeout: 10_000 });
  }, 240_000);

  itSentNothingOutside(harness);
});
