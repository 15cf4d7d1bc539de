import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface Result {
  readonly code: number;
  readonly output: string;
}

/** A throwaway Git repository made of some of the project's files, where the editors' commands run for real. */
export interface ScratchRepository {
  readonly dir: string;
  /** Runs a command in the copy, never through a shell; a non-zero exit is a result, not an exception. */
  run(command: string, args: readonly string[], env?: Readonly<Record<string, string>>): Promise<Result>;
  git(...args: string[]): Promise<Result>;
  /** The project's tsx, through the copy's node_modules link. */
  readonly tsx: string;
  remove(): Promise<void>;
}

/** Copies `entries` of the project, links its node_modules, and commits everything as a first commit. */
export async function scratchRepository(entries: readonly string[]): Promise<ScratchRepository> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "museumxtd-repo-"));
  for (const entry of entries) await cp(path.join(root, entry), path.join(dir, entry), { recursive: true });
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");

  function run(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Result> {
    // The caller's Git settings (global hooks, signing, GIT_DIR of an outer hook) must not reach the copy.
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_")));
    const options = {
      cwd: dir,
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
  const git = (...args: string[]) => run("git", args);

  for (const command of [
    ["init", "--quiet", "--initial-branch=main"],
    ["config", "user.name", "Rédactrice de test"],
    ["config", "user.email", "redaction@example.org"],
    ["config", "commit.gpgsign", "false"],
    ["add", "--all"],
    ["commit", "--quiet", "--message", "Copie du dépôt"],
  ]) {
    const result = await git(...command);
    if (result.code !== 0) throw new Error(`git ${command.join(" ")} failed:\n${result.output}`);
    // .gitignore's "node_modules/" does not match the symlink standing in for the folder.
    if (command[0] === "init") await writeFile(path.join(dir, ".git", "info", "exclude"), "/node_modules\n");
  }
  return { dir, run, git, tsx: path.join(dir, "node_modules", ".bin", "tsx"), remove: () => rm(dir, { recursive: true, force: true }) };
}
