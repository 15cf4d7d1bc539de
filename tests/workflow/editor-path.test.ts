import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchRepository, type ScratchRepository } from "./scratch-repository.js";

// The editor's path from docs/guide-editeur.md, on a throwaway copy of the repository:
// templates → link → check → pre-commit hook → build.

const COPIED = ["notes", "_includes", "_data", "src", "docs", ".eleventy.ts", "package.json", "tsconfig.json", ".gitignore"];

const QUESTION = "Comment numériser les collections d'un musée";
const RESOURCE = "Guide pratique de la numérisation";
const LINKING = "Qu'est-ce qu'une stratégie numérique pour un musée";
const QUESTION_URL = "comment-numeriser-les-collections-d-un-musee";
const LINKING_URL = "/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/";

let scratch: ScratchRepository;
let repo = "";

const run: ScratchRepository["run"] = (command, args, env) => scratch.run(command, args, env);
const tsx = () => scratch.tsx;
const git = (...args: string[]) => scratch.git(...args);
const notePath = (name: string) => path.join(repo, "notes", `${name}.md`);

/** Does what Obsidian's "Insert template" does: fills {{title}} and {{date:…}}, then the example links. */
async function fromTemplate(template: string, title: string, links: readonly string[]): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const text = (await readFile(path.join(repo, "docs", "modeles", `${template}.md`), "utf8"))
    .replaceAll("{{title}}", title)
    .replace(/\{\{date(?::YYYY-MM-DD)?\}\}/g, today);
  expect(text).not.toContain("{{");
  const placeholders = text.match(/\[\[[^\]]*\]\]/g) ?? [];
  expect(placeholders).toHaveLength(links.length);
  let next = 0;
  return text.replace(/\[\[[^\]]*\]\]/g, () => `[[${links[next++]}]]`);
}

async function writeNote(name: string, text: string): Promise<void> {
  await writeFile(notePath(name), text);
}

beforeAll(async () => {
  scratch = await scratchRepository(COPIED);
  repo = scratch.dir;
});

afterAll(async () => {
  await scratch?.remove();
});

describe("the editor's path, from the templates to the published page", () => {
  it("1. creates a note from each template", async () => {
    await writeNote(RESOURCE, await fromTemplate("Note ressource", RESOURCE, [QUESTION]));
    await writeNote(
      QUESTION,
      await fromTemplate("Note question", QUESTION, [RESOURCE, "Tate - Archives and access toolkit", LINKING]),
    );
    const question = await readFile(notePath(QUESTION), "utf8");
    expect(question).toMatch(/^---\nlayout: layouts\/post\.njk\ndate: \d{4}-\d{2}-\d{2}\ntags: \[question\]\n---\n/);
    expect(question).toContain(`# ${QUESTION} ?`);
  });

  it("2. links the new question from an existing note", async () => {
    const file = notePath(LINKING);
    await chmod(file, 0o644);
    const text = await readFile(file, "utf8");
    await writeFile(file, `${text.trimEnd()}\n\nVoir également : [[${QUESTION}]]\n`);
  });

  it("3. passes the check, and the new notes have neither error nor warning", async () => {
    const all = await run(tsx(), ["src/cli/check.ts"]);
    expect(all.code, all.output).toBe(0);
    const strict = await run(tsx(), ["src/cli/check.ts", "--strict", `notes/${QUESTION}.md`, `notes/${RESOURCE}.md`]);
    expect(strict.code, strict.output).toBe(0);
    expect(strict.output).not.toMatch(/ (erreur|avertissement) /);
  });

  it("4. the pre-commit hook blocks a broken link in French, then lets the fixed note through", async () => {
    const hooks = await run("npm", ["run", "--silent", "hooks"]);
    expect(hooks.code, hooks.output).toBe(0);
    expect((await git("config", "core.hooksPath")).output.trim()).toBe("docs/hooks");

    expect((await git("add", "--all", "notes")).code).toBe(0);
    const good = await git("commit", "--message", "Ajoute une question et une ressource");
    expect(good.code, good.output).toBe(0);
    expect(good.output).toContain("Vérification des notes modifiées");

    const head = (await git("rev-parse", "HEAD")).output.trim();
    const question = await readFile(notePath(QUESTION), "utf8");
    const typo = "Guide pratique de la numerisation";
    await writeNote(QUESTION, `${question.trimEnd()}\n\nÀ lire aussi : [[${typo}]]\n`);
    expect((await git("add", `notes/${QUESTION}.md`)).code).toBe(0);
    const blocked = await git("commit", "--message", "Ajoute un lien");
    expect(blocked.code, blocked.output).not.toBe(0);
    expect(blocked.output).toContain(`notes/${QUESTION}.md:`);
    expect(blocked.output).toMatch(/ erreur {2}lien-casse {2}Le lien \[\[Guide pratique de la numerisation\]\]/);
    expect(blocked.output).toContain(`Vouliez-vous dire « ${RESOURCE} » ?`);
    expect(blocked.output).toContain("Commit bloqué : les notes ci-dessus contiennent des erreurs.");
    expect(blocked.output).toContain("git commit --no-verify");
    expect((await git("rev-parse", "HEAD")).output.trim()).toBe(head);

    await writeNote(QUESTION, `${question.trimEnd()}\n\nÀ lire aussi : [[${RESOURCE}]]\n`);
    expect((await git("add", `notes/${QUESTION}.md`)).code).toBe(0);
    const fixed = await git("commit", "--message", "Ajoute un lien");
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).not.toContain("Commit bloqué");
    expect((await git("status", "--porcelain", "notes")).output).toBe("");
  });

  it("5. builds the site with the new page and its backlink", async () => {
    const output = path.join(repo, "_site");
    const build = await run(tsx(), ["src/cli/build.ts"], { NOTES_DIR: path.join(repo, "notes"), OUTPUT_DIR: output });
    expect(build.code, build.output).toBe(0);

    const page = await readFile(path.join(output, QUESTION_URL, "index.html"), "utf8");
    expect(page).toContain("<h1");
    expect(decode(page)).toContain(`${QUESTION} ?`);
    const backlinks = /<section class="backlinks"[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
    expect(backlinks).toContain(`href="${LINKING_URL}"`);
    expect(decode(backlinks)).toContain(`${LINKING} ?`);
  });
});

function decode(html: string): string {
  return html
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
