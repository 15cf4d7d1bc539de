import { execFile } from "node:child_process";
import { chmod, cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The editor's path from docs/guide-editeur.md, on a throwaway copy of the repository:
// templates → link → check → pre-commit hook → build.

const root = fileURLToPath(new URL("../..", import.meta.url));
const COPIED = ["notes", "_includes", "_data", "src", "docs", ".eleventy.ts", "package.json", "tsconfig.json", ".gitignore"];

const QUESTION = "Comment numériser les collections d'un musée";
const RESOURCE = "Guide pratique de la numérisation";
const LINKING = "Qu'est-ce qu'une stratégie numérique pour un musée";
const QUESTION_URL = "comment-numeriser-les-collections-d-un-musee";
const LINKING_URL = "/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/";

let repo = "";

interface Result {
  readonly code: number;
  readonly output: string;
}

/** Runs a command in the copy, never through a shell; a non-zero exit is a result, not an exception. */
function run(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Result> {
  // The caller's Git settings (global hooks, signing, GIT_DIR of an outer hook) must not reach the copy.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_")));
  const options = {
    cwd: repo,
    env: { ...base, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: "1", ...env },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    execFile(command, args, options, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (!error) return resolve({ code: 0, output });
      if (typeof error.code === "number") return resolve({ code: error.code, output });
      reject(new Error(`${command} ${args.join(" ")} did not finish (${error.message}):\n${output}`));
    });
  });
}

const tsx = () => path.join(repo, "node_modules", ".bin", "tsx");
const git = (...args: string[]) => run("git", args);
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
  repo = await mkdtemp(path.join(os.tmpdir(), "museumxtd-editor-"));
  for (const entry of COPIED) await cp(path.join(root, entry), path.join(repo, entry), { recursive: true });
  await symlink(path.join(root, "node_modules"), path.join(repo, "node_modules"), "dir");
  for (const command of [
    ["init", "--quiet", "--initial-branch=main"],
    ["config", "user.name", "Rédactrice de test"],
    ["config", "user.email", "redaction@example.org"],
    ["config", "commit.gpgsign", "false"],
    ["add", "--all"],
    ["commit", "--quiet", "--message", "Copie du dépôt"],
  ]) {
    const result = await git(...command);
    expect(result.code, result.output).toBe(0);
    // .gitignore's "node_modules/" does not match the symlink standing in for the folder.
    if (command[0] === "init") await writeFile(path.join(repo, ".git", "info", "exclude"), "/node_modules\n");
  }
});

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
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
    const backlinks = /<aside class="backlinks"[\s\S]*?<\/aside>/.exec(page)?.[0] ?? "";
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
